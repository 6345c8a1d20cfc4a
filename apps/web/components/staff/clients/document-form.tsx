"use client";

import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../lib/graphql";
import { SelectField, TextField } from "../../ui/field";
import { ErrorState } from "../../ui/states";
import { FormErrors, splitUserErrors } from "../../ui/user-errors";

const CreateDocumentMutation = graphql(`
  mutation CreateDocument($input: CreateDocumentInput!) {
    createDocument(input: $input) { document { id } userErrors { field message code } }
  }
`);

const FIELDS = ["title", "body", "visibility"] as const;
const VISIBILITY = [
  { value: "INTERNAL", label: "Internal: your staff only" },
  { value: "CLIENT", label: "Shown in the client portal" },
] as const;

/** A new page for the client's documentation library (Markdown). */
export function DocumentForm({ clientId, onCreated }: { clientId: string; onCreated: () => void }) {
  const [form, setForm] = useState({ title: "", body: "", visibility: "INTERNAL" as "INTERNAL" | "CLIENT" });
  const [errors, setErrors] = useState(() => splitUserErrors([], FIELDS));
  const [{ fetching, error }, createDocument] = useMutation(CreateDocumentMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!form.title.trim()) local.title = "Give the document a title";
    if (!form.body.trim()) local.body = "Write the document's text";
    if (Object.keys(local).length > 0) return setErrors({ fields: local, form: [] });
    const result = await createDocument({ input: { clientId, title: form.title.trim(), body: form.body, visibility: form.visibility } });
    const payload = result.data?.createDocument;
    if (!payload) return;
    setErrors(splitUserErrors(payload.userErrors, FIELDS));
    if (payload.document) {
      setForm({ title: "", body: "", visibility: form.visibility });
      onCreated();
    }
  };

  return (
    <form className="ui-form" onSubmit={submit} noValidate style={{ marginBottom: "1rem" }}>
      <div className="ui-form-row">
        <TextField label="Title" value={form.title} onChange={(title) => setForm({ ...form, title })} error={errors.fields.title} required />
        <SelectField label="Who sees it" value={form.visibility} onChange={(visibility) => setForm({ ...form, visibility: visibility as "INTERNAL" | "CLIENT" })} options={VISIBILITY} error={errors.fields.visibility} />
      </div>
      <TextField label="Text (Markdown)" multiline value={form.body} onChange={(body) => setForm({ ...form, body })} error={errors.fields.body} />
      <FormErrors messages={errors.form} />
      {error ? <ErrorState error={error} title="The document was not saved" /> : null}
      <div className="ui-form-actions">
        <button type="submit" className="ui-button" data-variant="primary" disabled={fetching}>
          {fetching ? "Saving…" : "Add document"}
        </button>
      </div>
    </form>
  );
}
