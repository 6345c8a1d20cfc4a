"use client";

import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../lib/graphql";
import { SelectField, TextField } from "../../ui/field";
import { ErrorState } from "../../ui/states";
import { FormErrors, splitUserErrors } from "../../ui/user-errors";
import { InvitationSent } from "./invitation-sent";
import { type TStaffRole, roleOptions } from "./staff-roles";

const InviteStaffUserMutation = graphql(`
  mutation InviteStaffUser($input: InviteStaffUserInput!) {
    inviteStaffUser(input: $input) {
      staffUser { id name email }
      invitationLink
      userErrors { field message code }
    }
  }
`);

const FIELDS = ["name", "email", "role"] as const;

/**
 * Invites a colleague to the partner's staff. The API emails the invitation; where this server
 * sends no mail (the embedded demo) it returns the link instead, shown this once.
 * @param isOwner only an owner may invite an owner, so only they see the choice
 */
export function InviteStaffForm({ isOwner, onInvited }: { isOwner: boolean; onInvited: () => void }) {
  const [form, setForm] = useState({ name: "", email: "", role: "TECHNICIAN" as TStaffRole });
  const [errors, setErrors] = useState(() => splitUserErrors([], FIELDS));
  const [invited, setInvited] = useState<{ name: string; email: string; link: string | null } | null>(null);
  const [{ fetching, error }, invite] = useMutation(InviteStaffUserMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!form.name.trim()) local.name = "Enter their name";
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(form.email.trim())) local.email = "Enter an email address like name@example.com";
    if (Object.keys(local).length > 0) return setErrors({ fields: local, form: [] });
    const result = await invite({ input: { name: form.name.trim(), email: form.email.trim(), role: form.role } });
    const payload = result.data?.inviteStaffUser;
    if (!payload) return;
    setErrors(splitUserErrors(payload.userErrors, FIELDS));
    if (payload.staffUser && payload.userErrors.length === 0) {
      setInvited({ name: payload.staffUser.name, email: payload.staffUser.email, link: payload.invitationLink ?? null });
      setForm({ name: "", email: "", role: "TECHNICIAN" });
      onInvited();
    }
  };

  return (
    <form className="ui-form" aria-label="Invite a colleague" onSubmit={submit} noValidate style={{ marginBottom: "1rem" }}>
      {invited ? <InvitationSent name={invited.name} email={invited.email} link={invited.link} /> : null}
      <div className="ui-form-row">
        <TextField label="Name" value={form.name} onChange={(name) => setForm({ ...form, name })} error={errors.fields.name} required />
        <TextField label="Email" type="email" value={form.email} onChange={(email) => setForm({ ...form, email })} error={errors.fields.email} autoComplete="off" required />
        <SelectField label="Role" value={form.role} onChange={(role) => setForm({ ...form, role: role as TStaffRole })} options={roleOptions(isOwner)} error={errors.fields.role} />
      </div>
      <FormErrors messages={errors.form} />
      {error ? <ErrorState error={error} title="The invitation was not sent" /> : null}
      <div className="ui-form-actions">
        <button type="submit" className="ui-button" data-variant="primary" disabled={fetching}>
          {fetching ? "Inviting…" : "Invite"}
        </button>
      </div>
    </form>
  );
}
