"use client";

import { useState } from "react";
import { useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Checkbox } from "../../ui/field";
import { ConnectionTable } from "../../ui/connection-table";
import { Card, PageHeader } from "../../ui/page-header";
import { EmptyState, Notice } from "../../ui/states";
import { useFilteredPages } from "../url-filter";
import { useStaffViewer } from "../use-viewer";
import { CreateProductForm } from "./create-product-form";
import { ProductRow } from "./product-row";
import "../staff.css";

const ProductsQuery = graphql(`
  query ProductCatalog($first: Int, $after: String, $last: Int, $before: String, $includeArchived: Boolean) {
    products(first: $first, after: $after, last: $last, before: $before, includeArchived: $includeArchived) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { id name sku unitPrice costPrice archivedAt } }
    }
  }
`);

const KEYS = ["archived"] as const;

/** The partner's catalog: every staff member reads it; owners and admins (as the API allows) change it. */
export function ProductList() {
  const { values: filters, setValues: setFilters, pages } = useFilteredPages(KEYS, 25);
  const staff = useStaffViewer();
  const canManage = staff.isManager;
  const [creating, setCreating] = useState(false);
  const showArchived = filters.archived === "true";
  const [{ data, fetching, error }, refetch] = useQuery({ query: ProductsQuery, variables: { ...pages.page, includeArchived: showArchived || null } });
  const reload = () => refetch({ requestPolicy: "network-only" });
  return (
    <div className="ui-page">
      <PageHeader
        title="Products"
        description="What you sell and what it costs you; line items on tickets start from these prices."
        actions={
          canManage ? (
            <button type="button" className="ui-button" data-variant="primary" onClick={() => setCreating((open) => !open)} aria-expanded={creating}>
              {creating ? "Close" : "New product"}
            </button>
          ) : null
        }
      />
      {!canManage && staff.loaded ? <Notice tone="info">Only owners and admins can change the catalog.</Notice> : null}
      {creating && canManage ? (
        <Card title="New product">
          <CreateProductForm onCreated={reload} />
        </Card>
      ) : null}
      <Card>
        <div className="ui-toolbar">
          <Checkbox label="Show archived" checked={showArchived} onChange={(checked) => setFilters({ archived: checked ? "true" : "" })} />
        </div>
        <ConnectionTable
          connection={data?.products}
          fetching={fetching}
          error={error}
          onRetry={() => refetch()}
          noun="Products"
          empty={
            <EmptyState title={showArchived ? "The catalog is empty" : "No products in the catalog"}>
              {canManage ? "Add what you sell with New product." : "Owners and admins add products here."}
            </EmptyState>
          }
          columns={canManage ? ["Product", "SKU", "Unit price", "Cost price", ""] : ["Product", "SKU", "Unit price", "Cost price"]}
          pages={pages}
          row={(node) => <ProductRow product={node} canManage={canManage} onChanged={reload} />}
        />
      </Card>
    </div>
  );
}
