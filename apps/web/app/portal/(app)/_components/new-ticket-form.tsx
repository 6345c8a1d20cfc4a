"use client";

import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { usePortalViewer } from "../../../../components/shell/portal-viewer";
import { SelectField, TextField } from "../../../../components/ui/field";
import { ErrorState } from "../../../../components/ui/states";
import { FormErrors, splitUserErrors } from "../../../../components/ui/user-errors";
import { graphql } from "../../../../lib/graphql";
import { type TNewTicket, ZNewTicket, problemsOf } from "./ticket-input";

const CreatePortalTicket = graphql(`
  mutation CreatePortalTicket($input: CreateTicketInput!) {
    createTicket(input: $input) {
      ticket { id number }
      userErrors { field message code }
    }
  }
`);

const PRIORITIES = [
  { value: "LOW", label: "Low: whenever you can" },
  { value: "NORMAL", label: "Normal" },
  { value: "HIGH", label: "High: it slows us down" },
  { value: "URGENT", label: "Urgent: we cannot work" },
] as const;

export function NewTicketForm({ onCreated }: { onCreated?: (ticketId: string) => void }) {
  const { client } = usePortalViewer();
  const [input, setInput] = useState<TNewTicket>({ subject: "", description: "", priority: "NORMAL" });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [{ fetching, error }, create] = useMutation(CreatePortalTicket);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = problemsOf(ZNewTicket, input);
    setProblems(found);
    setFormErrors([]);
    if (Object.keys(found).length > 0) return;
    const result = await create({ input: { clientId: client.id, subject: input.subject.trim(), description: input.description, priority: input.priority } });
    const payload = result.data?.createTicket;
    if (payload?.userErrors.length) {
      const split = splitUserErrors(payload.userErrors, ["subject", "description", "priority"]);
      setProblems(split.fields);
      setFormErrors(split.form);
      return;
    }
    if (payload?.ticket) {
      if (onCreated) onCreated(payload.ticket.id);
      else window.location.assign(`/portal/tickets/${encodeURIComponent(payload.ticket.id)}?created=1`);
    }
  }

  return (
    <form className="ui-form" onSubmit={submit} noValidate>
      {error ? <ErrorState error={error} title="The ticket was not sent" /> : null}
      <FormErrors messages={formErrors} />
      <TextField label="Subject" name="subject" value={input.subject} onChange={(subject) => setInput({ ...input, subject })} error={problems.subject} placeholder="e.g. The printer at reception does not print" />
      <TextField label="Description" name="description" multiline value={input.description} onChange={(description) => setInput({ ...input, description })} error={problems.description} hint="What happened, on which machine, and since when. Your IT provider sees this." />
      <SelectField label="Priority" name="priority" value={input.priority} options={PRIORITIES} onChange={(priority) => setInput({ ...input, priority: priority as TNewTicket["priority"] })} />
      <div className="ui-form-actions">
        <button type="submit" className="ui-button" data-variant="primary" disabled={fetching}>{fetching ? "Sending…" : "Create ticket"}</button>
        <a className="ui-button" href="/portal/tickets">Cancel</a>
      </div>
    </form>
  );
}
