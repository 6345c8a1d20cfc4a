"use client";

import { useState } from "react";
import { useQuery } from "urql";
import { TextField } from "../../ui/field";
import { graphql } from "../../../lib/graphql";
import { ConnectionTable } from "../../ui/connection-table";
import { Card, PageHeader } from "../../ui/page-header";
import { SearchField } from "../../ui/search-field";
import { Badge } from "../../ui/badge";
import { EmptyState, Notice } from "../../ui/states";
import { Time } from "../../ui/time";
import { useFilteredPages } from "../url-filter";
import { useStaffViewer } from "../use-viewer";
import { ViewAsButton } from "../view-as-button";
import { providerName } from "../provider-name";
import { CreatePartnerForm } from "./create-partner-form";
import { PartnerStatusButton } from "./partner-status-button";
import "../staff.css";

const PartnersQuery = graphql(`
  query Partners($first: Int, $after: String, $last: Int, $before: String, $filter: PartnerFilter) {
    partners(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node {
          id name slug createdAt ticketProvider suspendedAt lastActivityAt
          clients(first: 1) { totalCount }
          staffUsers(first: 1) { totalCount }
        }
      }
    }
  }
`);

const KEYS = ["search"] as const;

export function PartnersView() {
  const staff = useStaffViewer();
  const { values, setValues, pages } = useFilteredPages(KEYS, 25);
  const [{ data, fetching, error }, refetch] = useQuery({ query: PartnersQuery, variables: { ...pages.page, filter: { search: values.search.trim() || null } }, pause: !staff.isPlatformAdmin });
  const partners = data?.partners;
  const reload = () => refetch({ requestPolicy: "network-only" });
  const [reason, setReason] = useState("Support session");
  if (staff.loaded && !staff.isPlatformAdmin) {
    return (
      <div className="ui-page">
        <PageHeader title="Partners" />
        <Notice tone="info" title="For platform admins">Only the platform's own team sees every partner.</Notice>
      </div>
    );
  }
  return (
    <div className="ui-page">
      <PageHeader title="Partners" description="Every MSP on the platform. View as a partner to support them; it is recorded in the audit log." />
      <Card title="New partner" id="new-partner">
        <CreatePartnerForm onCreated={reload} />
      </Card>
      <Card title="All partners" id="all-partners">
        <div className="ui-toolbar">
          <SearchField label="Search partners" value={values.search} onSearch={(search) => setValues({ search })} />
          <TextField label="Reason for viewing as a partner" value={reason} onChange={setReason} hint="Recorded in the audit log, e.g. a support ticket number" />
        </div>
        <ConnectionTable
          connection={partners}
          fetching={fetching || !staff.loaded}
          error={error}
          onRetry={() => refetch()}
          noun="Partners"
          empty={<EmptyState title={values.search ? "No partner matches" : "No partners yet"} />}
          caption="Partners, with their clients, staff, last activity and status"
          columns={["Partner", "Status", "Clients", "Staff", "Last activity", "Tickets in", "Since", ""]}
          pages={pages}
          row={(node) => (
            <tr>
              <td data-label="Partner">
                <strong>{node.name}</strong>
                <div className="ui-muted staff-mono">{node.slug}</div>
              </td>
              <td data-label="Status">{node.suspendedAt ? <Badge tone="bad">Suspended</Badge> : <Badge tone="ok">Active</Badge>}</td>
              <td data-label="Clients">{node.clients.totalCount}</td>
              <td data-label="Staff">{node.staffUsers.totalCount}</td>
              <td data-label="Last activity"><Time value={node.lastActivityAt} /></td>
              <td data-label="Tickets in">{providerName(node.ticketProvider)}</td>
              <td data-label="Since"><Time value={node.createdAt} /></td>
              <td className="ui-actions">
                {/* The API refuses to act as a suspended partner: reactivate it first. */}
                {node.suspendedAt ? null : <ViewAsButton target={{ partnerId: node.id }} label="View as partner" destination="/dashboard" subjectName={node.name} sharedReason={reason} />}
                <PartnerStatusButton partner={node} onChanged={reload} />
              </td>
            </tr>
          )}
        />
      </Card>
    </div>
  );
}
