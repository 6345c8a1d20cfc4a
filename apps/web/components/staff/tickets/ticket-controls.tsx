"use client";

import { type FormEvent, useEffect, useState } from "react";
import { useMutation } from "urql";
import type { CombinedError } from "urql";
import { graphql } from "../../../lib/graphql";
import { enumLabel } from "../../ui/badge";
import { SelectField } from "../../ui/field";
import { Card } from "../../ui/page-header";
import { ErrorState, Notice } from "../../ui/states";
import { Time } from "../../ui/time";
import { FormErrors } from "../../ui/user-errors";
import { TICKET_STATUSES } from "./ticket-filter";
import { PRIORITIES, useTicketOptions } from "./ticket-options";

const ChangeStatusMutation = graphql(`
  mutation ChangeTicketStatus($input: ChangeTicketStatusInput!) {
    changeTicketStatus(input: $input) { ticket { id status statusLabel } userErrors { field message code } }
  }
`);
const AssignMutation = graphql(`
  mutation AssignTicket($input: AssignTicketInput!) {
    assignTicket(input: $input) { ticket { id assigneeName } userErrors { field message code } }
  }
`);
const UpdateTicketMutation = graphql(`
  mutation UpdateTicketPriority($input: UpdateTicketInput!) {
    updateTicket(input: $input) { ticket { id priority } userErrors { field message code } }
  }
`);

type TStatus = (typeof TICKET_STATUSES)[number];
type TPriority = (typeof PRIORITIES)[number]["value"];
type TTicket = { id: string; status: TStatus; priority: TPriority; assignee?: { id: string; name: string } | null; updatedAt: string; resolvedAt?: string | null };

/** Status, assignee and priority in one form; only what changed is sent, each through its own mutation. */
export function TicketControls({ ticket, onChanged }: { ticket: TTicket; onChanged: () => void }) {
  const { staff } = useTicketOptions();
  const initial = { status: ticket.status, assigneeId: ticket.assignee?.id ?? "", priority: ticket.priority };
  const [form, setForm] = useState(initial);
  const [messages, setMessages] = useState<string[]>([]);
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const [saved, setSaved] = useState(false);
  const [status, changeStatus] = useMutation(ChangeStatusMutation);
  const [assign, assignTicket] = useMutation(AssignMutation);
  const [update, updateTicket] = useMutation(UpdateTicketMutation);
  const busy = status.fetching || assign.fetching || update.fetching;
  useEffect(() => setForm({ status: ticket.status, assigneeId: ticket.assignee?.id ?? "", priority: ticket.priority }), [ticket.status, ticket.assignee?.id, ticket.priority]);
  const dirty = form.status !== initial.status || form.assigneeId !== initial.assigneeId || form.priority !== initial.priority;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const results = [];
    if (form.status !== initial.status) results.push(changeStatus({ input: { id: ticket.id, status: form.status } }).then((r) => ({ error: r.error, errors: r.data?.changeTicketStatus.userErrors ?? [] })));
    if (form.assigneeId !== initial.assigneeId) results.push(assignTicket({ input: { id: ticket.id, assigneeId: form.assigneeId || null } }).then((r) => ({ error: r.error, errors: r.data?.assignTicket.userErrors ?? [] })));
    if (form.priority !== initial.priority) results.push(updateTicket({ input: { id: ticket.id, priority: form.priority } }).then((r) => ({ error: r.error, errors: r.data?.updateTicket.userErrors ?? [] })));
    const outcomes = await Promise.all(results);
    setFailure(outcomes.find((o) => o.error)?.error ?? null);
    const problems = outcomes.flatMap((o) => o.errors.map((e) => e.message));
    setMessages(problems);
    if (problems.length === 0 && !outcomes.some((o) => o.error)) setSaved(true);
    onChanged();
  };

  return (
    <Card title="Status and assignment">
      <form className="ui-form" onSubmit={submit}>
        <SelectField label="Status" value={form.status} onChange={(value) => setForm({ ...form, status: value as TStatus })} options={TICKET_STATUSES.map((s) => ({ value: s, label: enumLabel(s) }))} />
        <SelectField label="Assignee" value={form.assigneeId} onChange={(assigneeId) => setForm({ ...form, assigneeId })} options={[{ value: "", label: "Unassigned" }, ...staff]} />
        <SelectField label="Priority" value={form.priority} onChange={(value) => setForm({ ...form, priority: value as TPriority })} options={PRIORITIES} />
        <FormErrors messages={messages} />
        {failure ? <ErrorState error={failure} title="Not every change was saved" /> : null}
        {saved && !dirty ? <Notice tone="ok">Saved.</Notice> : null}
        <div className="ui-form-actions">
          <button type="submit" className="ui-button" data-variant="primary" disabled={!dirty || busy}>
            {busy ? "Saving…" : "Save changes"}
          </button>
          <span className="ui-muted" style={{ fontSize: "0.8rem" }}>
            Updated <Time value={ticket.updatedAt} />
            {ticket.resolvedAt ? <> · resolved <Time value={ticket.resolvedAt} /></> : null}
          </span>
        </div>
      </form>
    </Card>
  );
}
