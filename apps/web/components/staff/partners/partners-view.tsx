"use client";

import { useState } from "react";
import { useQuery } from "urql";
import { TextField } from "../../ui/field";
import { graphql } from "../../../lib/graphql";
import { Card, PageHeader } from "../../ui/page-header";
import { Pager } from "../../ui/pagination";
import { SearchField } from "../../ui/search-field";
import { EmptyState, ErrorState, Loading, Notice } from "../../ui/states";
import { Time } from "../../ui/time";
import { useFilteredPages } from "../url-filter";
import { useStaffViewer } from "../use-viewer";
import { ViewAsButton } from "../view-as-button";
import { providerName } from "../provider-name";
import "../staff.css";

const PartnersQuery = graphql(`
  query Partners($first: Int, $after: String, $last: Int, $before: String, $filter: PartnerFilter) {
    partners(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node {
          id name slug createdAt ticketProvider
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
      <Card>
        <div className="ui-toolbar">
          <SearchField label="Search partners" value={values.search} onSearch={(search) => setValues({ search })} />
          <TextField label="Reason for viewing as a partner" value={reason} onChange={setReason} hint="Recorded in the audit log, e.g. a support ticket number" />
        </div>
        {error ? <ErrorState error={error} title="Partners could not be loaded" onRetry={() => refetch()} /> : null}
        {(fetching || !staff.loaded) && !partners ? <Loading label="Loading partners…" /> : null}
        {partners && partners.edges.length === 0 ? <EmptyState title={values.search ? "No partner matches" : "No partners yet"} /> : null}
        {partners && partners.edges.length > 0 ? (
          <>
            <div className="ui-table-wrap">
              <table className="ui-table">
                <thead>
                  <tr>
                    <th>Partner</th>
                    <th>Clients</th>
                    <th>Staff</th>
                    <th>Tickets in</th>
                    <th>Since</th>
                    <th><span className="ui-sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  {partners.edges.map(({ node }) => (
                    <tr key={node.id}>
                      <td data-label="Partner">
                        <strong>{node.name}</strong>
                        <div className="ui-muted staff-mono">{node.slug}</div>
                      </td>
                      <td data-label="Clients">{node.clients.totalCount}</td>
                      <td data-label="Staff">{node.staffUsers.totalCount}</td>
                      <td data-label="Tickets in">{providerName(node.ticketProvider)}</td>
                      <td data-label="Since"><Time value={node.createdAt} /></td>
                      <td className="ui-actions">
                        <ViewAsButton target={{ partnerId: node.id }} label="View as partner" destination="/dashboard" subjectName={node.name} sharedReason={reason} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager pages={pages} pageInfo={partners.pageInfo} totalCount={partners.totalCount} shown={partners.edges.length} />
          </>
        ) : null}
      </Card>
    </div>
  );
}
