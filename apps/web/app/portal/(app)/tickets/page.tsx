"use client";

import { useState } from "react";
import { useQuery } from "urql";
import { usePortalViewer } from "../../../../components/shell/portal-viewer";
import { statusTone } from "../../../../components/staff/tickets/ticket-tones";
import { Badge, enumLabel } from "../../../../components/ui/badge";
import { Card, PageHeader } from "../../../../components/ui/page-header";
import { Pager, useCursorPages } from "../../../../components/ui/pagination";
import { EmptyState, ErrorState, Loading } from "../../../../components/ui/states";
import { Time } from "../../../../components/ui/time";
import { graphql } from "../../../../lib/graphql";

const PortalTicketsQuery = graphql(`
  query PortalTickets($filter: TicketFilter, $first: Int, $after: String, $last: Int, $before: String) {
    tickets(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { id number subject status statusLabel priority assigneeName contactName updatedAt } }
    }
  }
`);

export default function PortalTickets() {
  const { client } = usePortalViewer();
  const [open, setOpen] = useState(true);
  const pages = useCursorPages(25);
  const [{ data, fetching, error }, refetch] = useQuery({ query: PortalTicketsQuery, variables: { filter: { clientId: client.id, ...(open ? { open: true } : {}) }, ...pages.page } });
  const tickets = data?.tickets;
  return (
    <div className="ui-page">
      <PageHeader title="Tickets" description="Your requests to your IT provider and their answers." actions={<a className="ui-button" data-variant="primary" href="/portal/tickets/new">New ticket</a>} />
      <div className="row" role="group" aria-label="Which tickets">
        <button type="button" className="ui-button" aria-pressed={open} data-variant={open ? "primary" : undefined} onClick={() => { setOpen(true); pages.reset(); }}>Open</button>
        <button type="button" className="ui-button" aria-pressed={!open} data-variant={!open ? "primary" : undefined} onClick={() => { setOpen(false); pages.reset(); }}>All</button>
      </div>
      <Card>
        {fetching && !data ? (
          <Loading label="Loading your tickets…" />
        ) : error && !data ? (
          <ErrorState error={error} title="Your tickets could not be loaded" onRetry={() => refetch({ requestPolicy: "network-only" })} />
        ) : !tickets || tickets.edges.length === 0 ? (
          <EmptyState title={open ? "No open tickets" : "No tickets yet"}><a className="ui-link" href="/portal/tickets/new">Open a ticket</a> when you need help.</EmptyState>
        ) : (
          <>
            <div className="ui-table-wrap">
              <table className="ui-table">
                <thead><tr><th>Ticket</th><th>Status</th><th>Priority</th><th>Assigned to</th><th>Updated</th></tr></thead>
                <tbody>
                  {tickets.edges.map(({ node }) => (
                    <tr key={node.id}>
                      <td data-label="Ticket"><a className="ui-link" href={`/portal/tickets/${encodeURIComponent(node.id)}`}>#{node.number} {node.subject}</a></td>
                      <td data-label="Status"><Badge tone={statusTone(node.status)}>{node.statusLabel}</Badge></td>
                      <td data-label="Priority">{enumLabel(node.priority)}</td>
                      <td data-label="Assigned to">{node.assigneeName ?? <span className="ui-muted">Not yet</span>}</td>
                      <td data-label="Updated"><Time value={node.updatedAt} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager pages={pages} pageInfo={tickets.pageInfo} totalCount={tickets.totalCount} shown={tickets.edges.length} />
          </>
        )}
      </Card>
    </div>
  );
}
