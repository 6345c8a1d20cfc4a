"use client";

import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../lib/graphql";
import { CopyValue } from "../../ui/copy-button";
import { SelectField, TextField } from "../../ui/field";
import { ErrorState, Notice } from "../../ui/states";
import { FormErrors, splitUserErrors } from "../../ui/user-errors";

const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { key apiKey { id name prefix } userErrors { field message code } }
  }
`);

const FIELDS = ["name", "scopes"] as const;
const ACCESS = [
  { value: "READ", label: "Read only (queries)" },
  { value: "READ,WRITE", label: "Read and write (mutations too)" },
] as const;

/** Creates a key and shows its secret this once, with a copy button and a warning that it will not be shown again. */
export function CreateApiKeyForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState("");
  const [access, setAccess] = useState<string>("READ");
  const [errors, setErrors] = useState(() => splitUserErrors([], FIELDS));
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [{ fetching, error }, createKey] = useMutation(CreateApiKeyMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    if (!name.trim()) return setErrors({ fields: { name: "Name the key after what will use it" }, form: [] });
    const scopes = access === "READ" ? (["READ"] as const) : (["READ", "WRITE"] as const);
    const result = await createKey({ input: { name: name.trim(), scopes: [...scopes] } });
    const payload = result.data?.createApiKey;
    if (!payload) return;
    setErrors(splitUserErrors(payload.userErrors, FIELDS));
    if (payload.apiKey && payload.key) {
      setCreated({ name: payload.apiKey.name, key: payload.key });
      setName("");
      onCreated();
    }
  };

  return (
    <form className="ui-form" onSubmit={submit} noValidate>
      {created ? (
        <Notice tone="warn" title={`Copy the key for “${created.name}” now`}>
          <p style={{ margin: "0 0 0.5rem" }}>This is the only time it is shown. Store it in your integration's secret store; if it is lost, revoke it and create a new one.</p>
          <CopyValue value={created.key} label="Copy key" />
          <button type="button" className="ui-button" data-size="small" style={{ marginTop: "0.5rem" }} onClick={() => setCreated(null)}>
            I have stored it
          </button>
        </Notice>
      ) : null}
      <div className="ui-form-row">
        <TextField label="Name" value={name} onChange={setName} error={errors.fields.name} placeholder="PSA sync" required />
        <SelectField label="Access" value={access} onChange={setAccess} options={ACCESS} error={errors.fields.scopes} />
      </div>
      <FormErrors messages={errors.form} />
      {error ? <ErrorState error={error} title="The key was not created" /> : null}
      <div className="ui-form-actions">
        <button type="submit" className="ui-button" data-variant="primary" disabled={fetching}>
          {fetching ? "Creating…" : "Create key"}
        </button>
      </div>
    </form>
  );
}
