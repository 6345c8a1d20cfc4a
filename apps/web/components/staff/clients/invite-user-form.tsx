"use client";

import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../lib/graphql";
import { CopyValue } from "../../ui/copy-button";
import { SelectField, TextField } from "../../ui/field";
import { ErrorState, Notice } from "../../ui/states";
import { FormErrors, splitUserErrors } from "../../ui/user-errors";

const InviteClientUserMutation = graphql(`
  mutation InviteClientUser($input: InviteClientUserInput!) {
    inviteClientUser(input: $input) {
      clientUser { id name email }
      invitationLink
      userErrors { field message code }
    }
  }
`);

const FIELDS = ["name", "email", "role"] as const;
const ROLES = [
  { value: "VIEW_ONLY", label: "View only: sees their client, opens tickets" },
  { value: "ADMIN", label: "Admin: also manages their client's users" },
] as const;

/**
 * Invites a client user. The API emails the invitation; where this server sends no mail (the
 * embedded demo) it returns the link instead, shown this once for the inviter to pass on.
 */
export function InviteUserForm({ clientId, onInvited }: { clientId: string; onInvited: () => void }) {
  const [form, setForm] = useState({ name: "", email: "", role: "VIEW_ONLY" as "VIEW_ONLY" | "ADMIN" });
  const [errors, setErrors] = useState(() => splitUserErrors([], FIELDS));
  const [invited, setInvited] = useState<{ name: string; email: string; link: string | null } | null>(null);
  const [{ fetching, error }, invite] = useMutation(InviteClientUserMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!form.name.trim()) local.name = "Enter their name";
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(form.email.trim())) local.email = "Enter an email address like name@example.com";
    if (Object.keys(local).length > 0) return setErrors({ fields: local, form: [] });
    const result = await invite({ input: { clientId, name: form.name.trim(), email: form.email.trim(), role: form.role } });
    const payload = result.data?.inviteClientUser;
    if (!payload) return;
    setErrors(splitUserErrors(payload.userErrors, FIELDS));
    if (payload.clientUser && payload.userErrors.length === 0) {
      setInvited({ name: payload.clientUser.name, email: payload.clientUser.email, link: payload.invitationLink ?? null });
      setForm({ name: "", email: "", role: "VIEW_ONLY" });
      onInvited();
    }
  };

  return (
    <form className="ui-form" onSubmit={submit} noValidate style={{ marginBottom: "1rem" }}>
      {invited ? (
        <Notice tone="ok" title={`${invited.name} is invited`}>
          {invited.link ? (
            <>
              <p style={{ margin: "0 0 0.5rem" }}>
                This server sends no email, so send {invited.email} this link to choose a portal password. It is shown only now and is valid for 7 days.
              </p>
              <CopyValue value={invited.link} label="Copy link" />
            </>
          ) : (
            <p style={{ margin: 0 }}>We emailed {invited.email} a link to choose a portal password. It is valid for 7 days; you can resend it from the user list.</p>
          )}
        </Notice>
      ) : null}
      <div className="ui-form-row">
        <TextField label="Name" value={form.name} onChange={(name) => setForm({ ...form, name })} error={errors.fields.name} required />
        <TextField label="Email" type="email" value={form.email} onChange={(email) => setForm({ ...form, email })} error={errors.fields.email} autoComplete="off" required />
        <SelectField label="Role" value={form.role} onChange={(role) => setForm({ ...form, role: role as "VIEW_ONLY" | "ADMIN" })} options={ROLES} error={errors.fields.role} />
      </div>
      <FormErrors messages={errors.form} />
      {error ? <ErrorState error={error} title="The invitation was not sent" /> : null}
      <div className="ui-form-actions">
        <button type="submit" className="ui-button" data-variant="primary" disabled={fetching}>
          {fetching ? "Inviting…" : "Send invitation"}
        </button>
      </div>
    </form>
  );
}
