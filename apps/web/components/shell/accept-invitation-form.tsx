"use client";

import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { z } from "zod";
import { graphql } from "../../lib/graphql";

const AcceptInvitation = graphql(`
  mutation AcceptInvitation($input: AcceptClientInvitationInput!) {
    acceptClientInvitation(input: $input) { ok userErrors { field message code } }
  }
`);
const AcceptStaffInvitation = graphql(`
  mutation AcceptStaffInvitation($input: AcceptStaffInvitationInput!) {
    acceptStaffInvitation(input: $input) { ok userErrors { field message code } }
  }
`);

/** The API's rule (12 characters at least) plus a second entry, checked before sending. */
export const ZNewPassword = z
  .object({ token: z.string().trim().min(1, "Paste the invitation token you were given."), password: z.string().min(12, "Use at least 12 characters."), confirm: z.string() })
  .refine((input) => input.password === input.confirm, { path: ["confirm"], message: "The two passwords are not the same." });

export type TInvitationKind = "CLIENT" | "STAFF";

// A client user's form keeps the portal's words; a staff member's says "Password" and "Set your password".
const WORDS = {
  CLIENT: { password: "New password", confirm: "New password again", submit: "Set password", signIn: "/portal/login", signInLabel: "Sign in to your client portal" },
  STAFF: { password: "Password", confirm: "Password again", submit: "Set your password", signIn: "/login", signInLabel: "Sign in to mspgraph" },
} as const;

/**
 * Sets an invited user's password with the token of their link (a client user's or a staff
 * member's, by `kind`); needs an urql provider above it and no session.
 */
export function AcceptInvitationForm({ token: initialToken, kind = "CLIENT" }: { token: string; kind?: TInvitationKind }) {
  const words = WORDS[kind];
  const [input, setInput] = useState({ token: initialToken, password: "", confirm: "" });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const [client, acceptClient] = useMutation(AcceptInvitation);
  const [staff, acceptStaff] = useMutation(AcceptStaffInvitation);
  const { fetching, error } = kind === "STAFF" ? staff : client;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ZNewPassword.safeParse(input);
    if (!parsed.success) return setProblems(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]).reverse()));
    setProblems({});
    const variables = { input: { token: parsed.data.token, password: parsed.data.password } };
    const payload = kind === "STAFF" ? (await acceptStaff(variables)).data?.acceptStaffInvitation : (await acceptClient(variables)).data?.acceptClientInvitation;
    if (payload?.ok) return setDone(true);
    const problem = payload?.userErrors[0];
    if (problem) setProblems({ [problem.field === "password" ? "password" : "token"]: problem.field === "password" ? `Your password ${problem.message}.` : "This invitation is not valid any more (used, or older than 7 days). Ask for a new one." });
  }

  if (done) {
    return (
      <div className="stack">
        <p className="notice notice-ok" role="status">Your password is set.</p>
        <a className="button button-primary button-wide" href={words.signIn}>{words.signInLabel}</a>
      </div>
    );
  }
  const field = (name: "token" | "password" | "confirm", label: string, type: string, autoComplete: string) => (
    <div className="field">
      <label htmlFor={`invite-${name}`}>{label}</label>
      <input id={`invite-${name}`} name={name} type={type} autoComplete={autoComplete} value={input[name]} onChange={(event) => setInput({ ...input, [name]: event.target.value })} aria-invalid={Boolean(problems[name])} aria-describedby={problems[name] ? `invite-${name}-problem` : undefined} />
      {problems[name] ? <p id={`invite-${name}-problem`} className="field-problem">{problems[name]}</p> : null}
    </div>
  );
  return (
    <form className="stack" onSubmit={submit} noValidate>
      {error ? <p className="notice notice-error" role="alert">The password could not be set just now. Try again in a moment.</p> : null}
      {initialToken ? (problems.token ? <p className="notice notice-error" role="alert">{problems.token}</p> : null) : field("token", "Invitation token", "text", "off")}
      {field("password", words.password, "password", "new-password")}
      {field("confirm", words.confirm, "password", "new-password")}
      <button type="submit" className="button button-primary button-wide" disabled={fetching}>{fetching ? "Saving…" : words.submit}</button>
    </form>
  );
}
