"use client";

import Link from "next/link";
import { useState } from "react";
import { useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Badge } from "../../ui/badge";
import { Checkbox } from "../../ui/field";
import { ConnectionTable } from "../../ui/connection-table";
import { Card, PageHeader } from "../../ui/page-header";
import { SearchField } from "../../ui/search-field";
import { EmptyState } from "../../ui/states";
import { useFilteredPages } from "../url-filter";
import { BackupSummary } from "../backups/backup-summary";
import { CreateClientForm } from "./create-client-form";
import "../staff.css";

const ClientsQuery = graphql(`
  query Clients($first: Int, $after: String, $last: Int, $before: String, $filter: ClientFilter) {
    clients(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node {
          id name domain archivedAt
          branding { primaryColor }
          online: agents(first: 1, status: ONLINE) { totalCount }
          offline: agents(first: 1, status: OFFLINE) { totalCount }
          alerts(first: 1, status: ACTIVE) { totalCount }
          backupSummary { ok warning failed missed running unknown }
        }
      }
    }
  }
`);

const KEYS = ["search", "archived"] as const;

export function ClientList() {
  const { values: filters, setValues: setFilters, pages } = useFilteredPages(KEYS, 25);
  const [creating, setCreating] = useState(false);
  const filter = { search: filters.search || null, includeArchived: filters.archived === "true" || null };
  const [{ data, fetching, error }, refetch] = useQuery({ query: ClientsQuery, variables: { ...pages.page, filter } });
  const clients = data?.clients;
  return (
    <div className="ui-page">
      <PageHeader
        title="Clients"
        description="Your customers, their machines and what needs attention."
        actions={
          <button type="button" className="ui-button" data-variant="primary" onClick={() => setCreating((open) => !open)} aria-expanded={creating}>
            {creating ? "Close" : "New client"}
          </button>
        }
      />
      {creating ? (
        <Card title="New client">
          <CreateClientForm onCreated={() => refetch({ requestPolicy: "network-only" })} />
        </Card>
      ) : null}
      <Card>
        <div className="ui-toolbar">
          <SearchField label="Search clients" value={filters.search} onSearch={(search) => setFilters({ search })} placeholder="Name or domain" />
          <Checkbox label="Show archived" checked={filters.archived === "true"} onChange={(checked) => setFilters({ archived: checked ? "true" : "" })} />
        </div>
        <ConnectionTable
          connection={clients}
          fetching={fetching}
          error={error}
          onRetry={() => refetch()}
          noun="Clients"
          empty={
            <EmptyState title={filters.search ? `No client matches “${filters.search}”` : "No clients yet"}>
              {filters.search ? "Try part of the name or the domain." : "Create your first client with New client."}
            </EmptyState>
          }
          columns={["Client", "Domain", "Agents online", "Agents offline", "Active alerts", "Backups"]}
          pages={pages}
          row={(node) => (
            <tr>
              <td data-label="Client">
                <span>
                  <span className="staff-swatch" style={{ background: node.branding.primaryColor }} aria-hidden="true" />
                  <Link className="ui-link" href={`/clients/${encodeURIComponent(node.id)}`}>{node.name}</Link>
                  {node.archivedAt ? <> <Badge>Archived</Badge></> : null}
                </span>
              </td>
              <td data-label="Domain" className="ui-muted">{node.domain}</td>
              <td data-label="Agents online">{node.online.totalCount}</td>
              <td data-label="Agents offline">{node.offline.totalCount > 0 ? <Badge tone="warn">{node.offline.totalCount}</Badge> : 0}</td>
              <td data-label="Active alerts">{node.alerts.totalCount > 0 ? <Badge tone="bad">{node.alerts.totalCount}</Badge> : 0}</td>
              <td data-label="Backups"><BackupSummary summary={node.backupSummary} clientId={node.id} compact /></td>
            </tr>
          )}
        />
      </Card>
    </div>
  );
}
