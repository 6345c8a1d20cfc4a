"use client";

import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../lib/graphql";
import { ErrorState } from "../../ui/states";
import { FormErrors, splitUserErrors } from "../../ui/user-errors";
import { ClientFields } from "./client-fields";
import { CLIENT_FIELDS, type TClientForm, clientInput, validateClientForm } from "./client-form";

const UpdateClientMutation = graphql(`
  mutation UpdateClient($input: UpdateClientInput!) {
    updateClient(input: $input) {
      client { id name domain branding { primaryColor accentColor logoUrl } }
      userErrors { field message code }
    }
  }
`);

const ArchiveClientMutation = graphql(`
  mutation ArchiveClient($input: ArchiveClientInput!) {
    archiveClient(input: $input) {
      client { id archivedAt }
      userErrors { field message code }
    }
  }
`);

type TClient = { id: string; name: string; domain: string; archivedAt?: string | null; branding: { primaryColor: string; accentColor: string; logoUrl?: string | null } };

export function EditClientForm({ client, onDone }: { client: TClient; onDone: (changed: boolean) => void }) {
  const [form, setForm] = useState<TClientForm>({ name: client.name, domain: client.domain, logoUrl: client.branding.logoUrl ?? "", primaryColor: client.branding.primaryColor, accentColor: client.branding.accentColor });
  const [errors, setErrors] = useState(() => splitUserErrors([], CLIENT_FIELDS));
  const [update, updateClient] = useMutation(UpdateClientMutation);
  const [archive, archiveClient] = useMutation(ArchiveClientMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = validateClientForm(form);
    if (Object.keys(local).length > 0) return setErrors({ fields: local, form: [] });
    const result = await updateClient({ input: { id: client.id, ...clientInput(form) } });
    const payload = result.data?.updateClient;
    if (!payload) return;
    setErrors(splitUserErrors(payload.userErrors, CLIENT_FIELDS));
    if (payload.client) onDone(true);
  };

  const archiveNow = async () => {
    if (!window.confirm(`Archive ${client.name}? Its users lose access to the portal; its data is kept.`)) return;
    const result = await archiveClient({ input: { id: client.id } });
    const payload = result.data?.archiveClient;
    if (payload) setErrors(splitUserErrors(payload.userErrors, []));
    if (payload?.client) window.location.assign("/clients");
  };

  return (
    <form className="ui-form" onSubmit={submit} noValidate>
      <ClientFields form={form} errors={errors.fields} onChange={setForm} />
      <FormErrors messages={errors.form} />
      {update.error ? <ErrorState error={update.error} title="The changes were not saved" /> : null}
      {archive.error ? <ErrorState error={archive.error} title="The client was not archived" /> : null}
      <div className="ui-form-actions">
        <button type="submit" className="ui-button" data-variant="primary" disabled={update.fetching}>
          {update.fetching ? "Saving…" : "Save changes"}
        </button>
        <button type="button" className="ui-button" onClick={() => onDone(false)}>
          Cancel
        </button>
        {client.archivedAt ? null : (
          <button type="button" className="ui-button" data-variant="danger" onClick={archiveNow} disabled={archive.fetching} style={{ marginLeft: "auto" }}>
            Archive client
          </button>
        )}
      </div>
    </form>
  );
}
