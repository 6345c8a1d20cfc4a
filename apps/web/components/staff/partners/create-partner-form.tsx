"use client";

import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../lib/graphql";
import { CopyValue } from "../../ui/copy-button";
import { TextField } from "../../ui/field";
import { ErrorState, Notice } from "../../ui/states";
import { FormErrors, splitUserErrors } from "../../ui/user-errors";

const CreatePartnerMutation = graphql(`
  mutation CreatePartner($input: CreatePartnerInput!) {
    createPartner(input: $input) {
      partner { id name }
      invitationLink
      userErrors { field message code }
    }
  }
`);

const FIELDS = ["name", "slug", "ownerName", "ownerEmail"] as const;
const EMPTY = { name: "", slug: "", ownerName: "", ownerEmail: "" };
const SLUG = /^[a-z0-9-]{2,40}$/;

/** "Northwind MSP" -> "northwind-msp": a slug suggestion while the slug is untouched. */
export function slugFor(name: string): string {
  // NFKD splits "ü" into "u" and a combining mark, which is then dropped.
  return name.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
}

/**
 * Onboards a partner and invites its first owner. The API emails the invitation; where this
 * server sends no mail (the embedded demo) it returns the link, shown this once to pass on.
 */
export function CreatePartnerForm({ onCreated }: { onCreated: () => void }) {
  const [form, setForm] = useState(EMPTY);
  const [slugEdited, setSlugEdited] = useState(false);
  const [errors, setErrors] = useState(() => splitUserErrors([], FIELDS));
  const [created, setCreated] = useState<{ name: string; ownerEmail: string; link: string | null } | null>(null);
  const [{ fetching, error }, createPartner] = useMutation(CreatePartnerMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { name: form.name.trim(), slug: form.slug.trim(), ownerName: form.ownerName.trim(), ownerEmail: form.ownerEmail.trim() };
    const local: Record<string, string> = {};
    if (!input.name) local.name = "Enter the partner's name";
    if (!SLUG.test(input.slug)) local.slug = "Use 2 to 40 lowercase letters, digits or hyphens";
    if (!input.ownerName) local.ownerName = "Enter the owner's name";
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.ownerEmail)) local.ownerEmail = "Enter an email address like name@example.com";
    if (Object.keys(local).length > 0) return setErrors({ fields: local, form: [] });
    const result = await createPartner({ input });
    const payload = result.data?.createPartner;
    if (!payload) return;
    setErrors(splitUserErrors(payload.userErrors, FIELDS));
    if (payload.partner && payload.userErrors.length === 0) {
      setCreated({ name: payload.partner.name, ownerEmail: input.ownerEmail, link: payload.invitationLink ?? null });
      setForm(EMPTY);
      setSlugEdited(false);
      onCreated();
    }
  };

  return (
    <form className="ui-form" aria-label="New partner" onSubmit={submit} noValidate>
      {created ? (
        <Notice tone="ok" title={`${created.name} is on the platform`}>
          {created.link ? (
            <>
              <p style={{ margin: "0 0 0.5rem" }}>
                This server sends no email, so send {created.ownerEmail} this link to choose a password and sign in as the owner. It is shown only now and is valid for 7 days.
              </p>
              <CopyValue value={created.link} label="Copy link" />
            </>
          ) : (
            <p style={{ margin: 0 }}>We emailed {created.ownerEmail} a link to choose a password and sign in as the owner. It is valid for 7 days.</p>
          )}
        </Notice>
      ) : null}
      <div className="ui-form-row">
        <TextField
          label="Name"
          value={form.name}
          onChange={(name) => setForm({ ...form, name, slug: slugEdited ? form.slug : slugFor(name) })}
          error={errors.fields.name}
          required
        />
        <TextField
          label="Slug"
          value={form.slug}
          onChange={(slug) => {
            setSlugEdited(true);
            setForm({ ...form, slug });
          }}
          error={errors.fields.slug}
          hint="Lowercase letters, digits and hyphens; unique"
          autoComplete="off"
          required
        />
      </div>
      <div className="ui-form-row">
        <TextField label="Owner's name" value={form.ownerName} onChange={(ownerName) => setForm({ ...form, ownerName })} error={errors.fields.ownerName} autoComplete="off" required />
        <TextField label="Owner's email" type="email" value={form.ownerEmail} onChange={(ownerEmail) => setForm({ ...form, ownerEmail })} error={errors.fields.ownerEmail} autoComplete="off" required />
      </div>
      <FormErrors messages={errors.form} />
      {error ? <ErrorState error={error} title="The partner was not created" /> : null}
      <div className="ui-form-actions">
        <button type="submit" className="ui-button" data-variant="primary" disabled={fetching}>
          {fetching ? "Creating…" : "Create partner"}
        </button>
      </div>
    </form>
  );
}
