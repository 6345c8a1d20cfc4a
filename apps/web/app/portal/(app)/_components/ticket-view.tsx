"use client";

import { type FormEvent, useState } from "react";
import { useMutation, useQuery } from "urql";
import { statusTone } from "../../../../components/staff/tickets/ticket-tones";
import { Badge, enumLabel } from "../../../../components/ui/badge";
import { TextField } from "../../../../components/ui/field";
import { Card, PageHeader } from "../../../../components/ui/page-header";
import { EmptyState, ErrorState, Loading, Notice } from "../../../../components/ui/states";
import { Time, formatDateTime } from "../../../../components/ui/time";
import { FormErrors } from "../../../../components/ui/user-errors";
import { graphql } from "../../../../lib/graphql";
import { ZPortalComment, problemsOf } from "./ticket-input";

const PortalTicketQuery = graphql(`
  query PortalTicket($id: ID!) {
    ticket(id: $id) {
      id number subject description status statusLabel priority assigneeName contactName createdAt updatedAt staffNotified
      comments(first: 100) { totalCount edges { node { id body tech createdAt } } }
    }
  }
`);

const AddPortalComment = graphql(`
  mutation AddPortalComment($input: AddTicketCommentInput!) {
    addTicketComment(input: $input) { comment { id } userErrors { field message code } }
  }
`);

/** A ticket as its client sees it: the request, the public conversation, a reply box. */
export function TicketView({ id, created }: { id: string; created: boolean }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: PortalTicketQuery, variables: { id } });
  const [body, setBody] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [sent, send] = useMutation(AddPortalComment);

  if (fetching && !data) return <Loading label="Loading the ticket…" />;
  if (error && !data) return <ErrorState error={error} title="This ticket could not be loaded" onRetry={() => refetch({ requestPolicy: "network-only" })} />;
  const ticket = data?.ticket;
  if (!ticket) return <EmptyState title="Ticket not found" />;

  async function reply(event: FormEvent) {
    event.preventDefault();
    const problems = problemsOf(ZPortalComment, { body });
    setProblem(problems.body);
    setFormErrors([]);
    if (problems.body) return;
    const result = await send({ input: { ticketId: id, body: body.trim() } });
    const errors = result.data?.addTicketComment.userErrors ?? [];
    if (errors.length > 0) return setFormErrors(errors.map((e) => e.message));
    if (result.data?.addTicketComment.comment) {
      setBody("");
      refetch({ requestPolicy: "network-only" });
    }
  }

  return (
    <div className="ui-page">
      <a className="ui-link" href="/portal/tickets">← All tickets</a>
      <PageHeader title={`#${ticket.number} ${ticket.subject}`} description={<>Opened {formatDateTime(ticket.createdAt)}{ticket.contactName ? ` by ${ticket.contactName}` : ""}</>} actions={<Badge tone={statusTone(ticket.status)}>{ticket.statusLabel}</Badge>} />
      {created ? <Notice tone="ok" title="Ticket created">Your IT provider has it. You will see their replies here.</Notice> : null}
      <div className="grid-wide">
        <Card title="Your request">
          {ticket.description ? <p className="doc-body">{ticket.description}</p> : <p className="muted">No description.</p>}
        </Card>
        <Card title="Details">
          <dl className="ui-dl">
            <dt>Status</dt><dd>{ticket.statusLabel}</dd>
            <dt>Priority</dt><dd>{enumLabel(ticket.priority)}</dd>
            <dt>Assigned to</dt><dd>{ticket.assigneeName ?? "Not yet assigned"}</dd>
            <dt>Last update</dt><dd><Time value={ticket.updatedAt} /></dd>
          </dl>
        </Card>
      </div>
      <Card title="Conversation">
        {ticket.comments.edges.length === 0 ? (
          <EmptyState title="No replies yet">Your IT provider&apos;s answers will appear here.</EmptyState>
        ) : (
          <ol className="thread" aria-label="Comments">
            {ticket.comments.edges.map(({ node }) => (
              <li key={node.id} className="comment">
                <div className="comment-meta"><strong>{node.tech}</strong><Time value={node.createdAt} /></div>
                <p className="comment-body">{node.body}</p>
              </li>
            ))}
          </ol>
        )}
        <form className="ui-form" onSubmit={reply} noValidate style={{ marginTop: "1rem" }}>
          {sent.error ? <ErrorState error={sent.error} title="Your reply was not sent" /> : null}
          <FormErrors messages={formErrors} />
          <TextField label="Reply" name="body" multiline value={body} onChange={setBody} error={problem} hint={ticket.staffNotified ? "Your IT provider is notified." : "Your IT provider is not notified of replies on this ticket yet (it has no assignee and no notification address): they will see it when they next look."} />
          <div className="ui-form-actions">
            <button type="submit" className="ui-button" data-variant="primary" disabled={sent.fetching}>{sent.fetching ? "Sending…" : "Send reply"}</button>
          </div>
        </form>
      </Card>
    </div>
  );
}
