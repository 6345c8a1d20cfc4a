"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { SelectField, type TOption, TextField } from "../../ui/field";
import { ErrorState } from "../../ui/states";
import { FormErrors, splitUserErrors } from "../../ui/user-errors";
import { PRIORITIES } from "./ticket-options";

const CreateTicketMutation = graphql(`
  mutation CreateTicket($input: CreateTicketInput!) {
    createTicket(input: $input) {
      ticket { id number }
      userErrors { field message code }
    }
  }
`);

const ContactsQuery = graphql(`
  query TicketContacts($id: ID!) {
    client(id: $id) { id users(first: 100) { edges { node { id name email } } } }
  }
`);

const FIELDS = ["clientId", "subject", "description", "priority", "contactId"] as const;
type TPriority = (typeof PRIORITIES)[number]["value"];

export function CreateTicketForm({ clients, defaultClientId }: { clients: readonly TOption[]; defaultClientId: string }) {
  const router = useRouter();
  const [form, setForm] = useState({ clientId: defaultClientId, subject: "", description: "", priority: "NORMAL" as TPriority, contactId: "" });
  const [errors, setErrors] = useState(() => splitUserErrors([], FIELDS));
  const [{ data: contacts }] = useQuery({ query: ContactsQuery, variables: { id: form.clientId }, pause: !form.clientId });
  const [{ fetching, error }, createTicket] = useMutation(CreateTicketMutation);
  const contactOptions = contacts?.client.users.edges.map(({ node }) => ({ value: node.id, label: `${node.name} (${node.email})` })) ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!form.clientId) local.clientId = "Choose the client";
    if (!form.subject.trim()) local.subject = "Enter a subject";
    if (Object.keys(local).length > 0) return setErrors({ fields: local, form: [] });
    const description = form.description.trim();
    const result = await createTicket({
      input: { clientId: form.clientId, subject: form.subject.trim(), priority: form.priority, ...(description ? { description } : {}), ...(form.contactId ? { contactId: form.contactId } : {}) },
    });
    const payload = result.data?.createTicket;
    if (!payload) return;
    setErrors(splitUserErrors(payload.userErrors, FIELDS));
    if (payload.ticket) router.push(`/tickets/${encodeURIComponent(payload.ticket.id)}`);
  };

  return (
    <form className="ui-form" onSubmit={submit} noValidate>
      <div className="ui-form-row">
        <SelectField label="Client" value={form.clientId} onChange={(clientId) => setForm({ ...form, clientId, contactId: "" })} options={[{ value: "", label: "Choose a client…" }, ...clients]} error={errors.fields.clientId} />
        <SelectField label="Contact" value={form.contactId} onChange={(contactId) => setForm({ ...form, contactId })} options={[{ value: "", label: "No contact" }, ...contactOptions]} error={errors.fields.contactId} disabled={!form.clientId} />
        <SelectField label="Priority" value={form.priority} onChange={(priority) => setForm({ ...form, priority: priority as TPriority })} options={PRIORITIES} error={errors.fields.priority} />
      </div>
      <TextField label="Subject" value={form.subject} onChange={(subject) => setForm({ ...form, subject })} error={errors.fields.subject} required />
      <TextField label="Description" multiline value={form.description} onChange={(description) => setForm({ ...form, description })} error={errors.fields.description} />
      <FormErrors messages={errors.form} />
      {error ? <ErrorState error={error} title="The ticket was not created" /> : null}
      <div className="ui-form-actions">
        <button type="submit" className="ui-button" data-variant="primary" disabled={fetching}>
          {fetching ? "Creating…" : "Create ticket"}
        </button>
      </div>
    </form>
  );
}
