"use client";

import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { z } from "zod";
import { usePortalViewer } from "../../../../components/shell/portal-viewer";
import { CopyButton } from "../../../../components/ui/copy-button";
import { SelectField, TextField } from "../../../../components/ui/field";
import { ErrorState, Notice } from "../../../../components/ui/states";
import { FormErrors, splitUserErrors } from "../../../../components/ui/user-errors";
import { graphql } from "../../../../lib/graphql";
import { problemsOf } from "./ticket-input";

const InvitePortalUser = graphql(`
  mutation InvitePortalUser($input: InviteClientUserInput!) {
    inviteClientUser(input: $input) { clientUser { id name email } invitationLink userErrors { field message code } }
  }
`);

export const ZInvite = z.object({
  name: z.string().trim().min(1, "Enter the person's name."),
  email: z.string().trim().email("Enter a valid email address, like name@company.com."),
  role: z.enum(["ADMIN", "VIEW_ONLY"]),
});

const ROLES = [
  { value: "VIEW_ONLY", label: "Viewer: sees the portal, opens tickets" },
  { value: "ADMIN", label: "Admin: also manages users" },
] as const;

/** Invites a colleague; their invitation link is shown once, as the API returns its token once. */
export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const { client } = usePortalViewer();
  const [input, setInput] = useState({ name: "", email: "", role: "VIEW_ONLY" as "ADMIN" | "VIEW_ONLY" });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [invited, setInvited] = useState<{ email: string; link: string | null } | null>(null);
  const [{ fetching, error }, invite] = useMutation(InvitePortalUser);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = problemsOf(ZInvite, input);
    setProblems(found);
    setFormErrors([]);
    if (Object.keys(found).length > 0) return;
    const result = await invite({ input: { clientId: client.id, name: input.name.trim(), email: input.email.trim(), role: input.role } });
    const payload = result.data?.inviteClientUser;
    if (payload?.userErrors.length) {
      const split = splitUserErrors(payload.userErrors, ["name", "email", "role"]);
      setProblems(split.fields);
      return setFormErrors(split.form);
    }
    if (payload?.clientUser) {
      setInvited({ email: payload.clientUser.email, link: payload.invitationLink ?? null });
      setInput({ name: "", email: "", role: "VIEW_ONLY" });
      onInvited();
    }
  }

  return (
    <form className="ui-form" onSubmit={submit} noValidate aria-label="Invite a user">
      {invited ? (
        <Notice tone="ok" title={`Invitation for ${invited.email}`}>
          {invited.link ? (
            <>
              Send them this link to choose a password. It is shown only now and works for 7 days.
              <div className="ui-secret" style={{ marginTop: "0.5rem" }}>
                <code>{invited.link}</code>
                <CopyButton value={invited.link} label="Copy link" />
              </div>
            </>
          ) : (
            <>We emailed them a link to choose a password. It works for 7 days.</>
          )}
        </Notice>
      ) : null}
      {error ? <ErrorState error={error} title="The invitation was not sent" /> : null}
      <FormErrors messages={formErrors} />
      <div className="ui-form-row">
        <TextField label="Name" name="name" value={input.name} onChange={(name) => setInput({ ...input, name })} error={problems.name} autoComplete="off" />
        <TextField label="Email" name="email" type="email" value={input.email} onChange={(email) => setInput({ ...input, email })} error={problems.email} autoComplete="off" />
        <SelectField label="Role" name="role" value={input.role} options={ROLES} onChange={(role) => setInput({ ...input, role: role as typeof input.role })} />
      </div>
      <div className="ui-form-actions">
        <button type="submit" className="ui-button" data-variant="primary" disabled={fetching}>{fetching ? "Inviting…" : "Send invitation"}</button>
      </div>
    </form>
  );
}
