"use client";

import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../lib/graphql";
import { TextField } from "../../ui/field";
import { ErrorState } from "../../ui/states";
import { FormErrors, splitUserErrors } from "../../ui/user-errors";
import { EventPicker } from "./event-picker";
import { SecretNotice } from "./secret-notice";

const CreateWebhookMutation = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) { endpoint { id url events enabled } secret userErrors { field message code } }
  }
`);

const FIELDS = ["url", "events", "description"] as const;

/** Registers an endpoint and shows its signing secret this once. */
export function CreateWebhookForm({ catalog, onCreated }: { catalog: readonly string[]; onCreated: () => void }) {
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<string[]>([]);
  const [errors, setErrors] = useState(() => splitUserErrors([], FIELDS));
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [{ fetching, error }, create] = useMutation(CreateWebhookMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const result = await create({ input: { url: url.trim(), events, description } });
    const payload = result.data?.createWebhookEndpoint;
    if (!payload) return;
    setErrors(splitUserErrors(payload.userErrors, FIELDS));
    if (payload.endpoint && payload.secret) {
      setCreated({ url: payload.endpoint.url, secret: payload.secret });
      setUrl("");
      setDescription("");
      setEvents([]);
      onCreated();
    }
  };

  return (
    <form className="ui-form" onSubmit={submit} noValidate>
      {created ? <SecretNotice url={created.url} secret={created.secret} onDone={() => setCreated(null)} /> : null}
      <div className="ui-form-row">
        <TextField label="URL" value={url} onChange={setUrl} error={errors.fields.url} placeholder="https://hooks.example.com/mspgraph" required />
        <TextField label="Description" value={description} onChange={setDescription} error={errors.fields.description} placeholder="PSA automation" />
      </div>
      <EventPicker catalog={catalog} chosen={events} onChange={setEvents} error={errors.fields.events} />
      <FormErrors messages={errors.form} />
      {error ? <ErrorState error={error} title="The endpoint was not registered" /> : null}
      <div className="ui-form-actions">
        <button type="submit" className="ui-button" data-variant="primary" disabled={fetching}>
          {fetching ? "Registering…" : "Register endpoint"}
        </button>
      </div>
    </form>
  );
}
