"use client";

import Link from "next/link";
import { useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Badge, enumLabel } from "../../ui/badge";
import { Card, PageHeader } from "../../ui/page-header";
import { ErrorState, Loading } from "../../ui/states";
import { Time } from "../../ui/time";
import { useStaffViewer } from "../use-viewer";
import { CommentForm } from "./comment-form";
import { CommentThread } from "./comment-thread";
import { LineItems } from "./line-items";
import { TicketControls } from "./ticket-controls";
import { priorityTone, statusTone } from "./ticket-tones";
import { TimeEntries } from "./time-entries";
import { providerName } from "../provider-name";
import "../staff.css";

export const TicketDetailQuery = graphql(`
  query TicketDetail($id: ID!) {
    ticket(id: $id) {
      id number subject description status statusLabel priority provider createdAt updatedAt resolvedAt
      assignee { id name }
      contactName
      client { id name }
      comments(last: 100) { totalCount edges { node { id body hidden tech createdAt } } }
      timeEntries(first: 100) { totalCount edges { node { id minutes note billable createdAt staffUser { name } } } }
      lineItems(first: 100) { totalCount edges { node { id name quantity unitPrice costPrice total product { id sku } } } }
    }
  }
`);

export function TicketDetail({ id }: { id: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: TicketDetailQuery, variables: { id } });
  const { viewer } = useStaffViewer();
  const reload = () => refetch({ requestPolicy: "network-only" });
  if (fetching && !data) return <Loading label="Loading the ticket…" />;
  if (error || !data) {
    return (
      <div className="ui-page">
        <Link className="ui-link" href="/tickets">← Tickets</Link>
        {error ? <ErrorState error={error} title="This ticket could not be loaded" onRetry={() => refetch()} /> : null}
      </div>
    );
  }
  const { ticket } = data;
  return (
    <div className="ui-page">
      <Link className="ui-link" href="/tickets">← Tickets</Link>
      <PageHeader
        title={`#${ticket.number} ${ticket.subject}`}
        description={
          <>
            <Link className="ui-link" href={`/clients/${encodeURIComponent(ticket.client.id)}`}>{ticket.client.name}</Link>
            {ticket.contactName ? ` · for ${ticket.contactName}` : ""} · opened <Time value={ticket.createdAt} />
            {ticket.provider !== "psa" ? ` · kept in ${providerName(ticket.provider)}` : ""}
          </>
        }
        actions={
          <>
            <Badge tone={statusTone(ticket.status)}>{ticket.statusLabel}</Badge>
            <Badge tone={priorityTone(ticket.priority)}>{enumLabel(ticket.priority)} priority</Badge>
          </>
        }
      />
      <div className="staff-detail">
        <div className="staff-stack">
          <Card title="Description">
            <p style={{ whiteSpace: "pre-wrap", margin: 0 }}>{ticket.description || <span className="ui-muted">No description.</span>}</p>
          </Card>
          <Card title={`Conversation (${ticket.comments.totalCount})`}>
            <CommentThread comments={ticket.comments.edges.map((edge) => edge.node)} total={ticket.comments.totalCount} />
            <CommentForm ticketId={ticket.id} defaultTech={viewer?.name ?? ""} onAdded={reload} />
          </Card>
        </div>
        <div className="staff-stack">
          <TicketControls ticket={ticket} onChanged={reload} />
          <TimeEntries ticketId={ticket.id} entries={ticket.timeEntries.edges.map((edge) => edge.node)} onChanged={reload} />
          <LineItems ticketId={ticket.id} items={ticket.lineItems.edges.map((edge) => edge.node)} onChanged={reload} />
        </div>
      </div>
    </div>
  );
}
