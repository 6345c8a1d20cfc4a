"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../lib/graphql";
import { ErrorState, Notice } from "../../ui/states";
import { FormErrors, splitUserErrors } from "../../ui/user-errors";
import { ClientFields } from "./client-fields";
import { CLIENT_FIELDS, EMPTY_CLIENT_FORM, clientInput, validateClientForm } from "./client-form";

const CreateClientMutation = graphql(`
  mutation CreateClient($input: CreateClientInput!) {
    createClient(input: $input) {
      client { id name }
      userErrors { field message code }
    }
  }
`);

export function CreateClientForm({ onCreated }: { onCreated: () => void }) {
  const [form, setForm] = useState(EMPTY_CLIENT_FORM);
  const [errors, setErrors] = useState(() => splitUserErrors([], CLIENT_FIELDS));
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const [{ fetching, error }, createClient] = useMutation(CreateClientMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = validateClientForm(form);
    if (Object.keys(local).length > 0) return setErrors({ fields: local, form: [] });
    const result = await createClient({ input: clientInput(form) });
    const payload = result.data?.createClient;
    if (!payload) return;
    setErrors(splitUserErrors(payload.userErrors, CLIENT_FIELDS));
    if (payload.client) {
      setCreated(payload.client);
      setForm(EMPTY_CLIENT_FORM);
      onCreated();
    }
  };

  return (
    <form className="ui-form" onSubmit={submit} noValidate>
      {created ? (
        <Notice tone="ok">
          Created <Link className="ui-link" href={`/clients/${encodeURIComponent(created.id)}`}>{created.name}</Link>.
        </Notice>
      ) : null}
      <ClientFields form={form} errors={errors.fields} onChange={setForm} />
      <FormErrors messages={errors.form} />
      {error ? <ErrorState error={error} title="The client was not created" /> : null}
      <div className="ui-form-actions">
        <button type="submit" className="ui-button" data-variant="primary" disabled={fetching}>
          {fetching ? "Creating…" : "Create client"}
        </button>
      </div>
    </form>
  );
}
