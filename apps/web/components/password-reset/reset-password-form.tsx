"use client";

import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../lib/graphql";
import { UrqlProvider } from "../../lib/urql";
import { RESET_PAGES } from "./auth-frame";

const ResetPassword = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) { ok userErrors { field message code } }
  }
`);

type Props = { kind: "staff" | "client"; token: string };
type Field = "password" | "confirm";

function Form({ kind, token }: Props) {
  const pages = RESET_PAGES[kind];
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [linkDead, setLinkDead] = useState(!token);
  const [done, setDone] = useState(false);
  const [{ fetching }, reset] = useMutation(ResetPassword);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    const found: Partial<Record<Field, string>> = {};
    if (password.length < 12) found.password = "Use at least 12 characters.";
    if (password !== String(form.get("confirm") ?? "")) found.confirm = "The two passwords are not the same.";
    setProblems(found);
    setMessage(null);
    if (Object.keys(found).length > 0) return;
    const result = await reset({ input: { token, newPassword: password } });
    const payload = result.data?.resetPassword;
    if (payload?.ok) return setDone(true);
    if (!payload) return setMessage("Your password could not be set just now. Try again in a moment.");
    if (payload.userErrors.some((error) => error.field === "token")) return setLinkDead(true);
    // The API's policy messages read as the end of a sentence ("must be at least 12 characters").
    setProblems({ password: payload.userErrors.map((error) => `Your new password ${error.message}.`)[0] });
  }

  if (done) {
    return (
      <div className="stack">
        <p className="notice notice-ok" role="status">
          Your new password is set, and every device that was signed in to your account has been signed out. Sign in with your new password (and your authenticator app, if you use one).
        </p>
        <a className="button button-primary button-wide" href={pages.signIn}>
          Sign in
        </a>
      </div>
    );
  }
  if (linkDead) {
    return (
      <div className="stack">
        <p className="notice notice-error" role="alert">
          This link does not work any more: it was already used, has expired (links last 30 minutes), or a newer one was sent.
        </p>
        <a className="button button-primary button-wide" href={pages.forgot}>
          Send a new link
        </a>
      </div>
    );
  }
  const field = (name: Field, label: string) => (
    <div className="field">
      <label htmlFor={`reset-${name}`}>{label}</label>
      <input id={`reset-${name}`} name={name} type="password" autoComplete="new-password" aria-invalid={Boolean(problems[name])} aria-describedby={problems[name] ? `reset-${name}-problem` : undefined} />
      {problems[name] ? <p id={`reset-${name}-problem`} className="field-problem">{problems[name]}</p> : null}
    </div>
  );
  return (
    <form className="stack" onSubmit={submit} noValidate aria-busy={fetching}>
      {message ? (
        <p className="notice notice-error" role="alert">
          {message}
        </p>
      ) : null}
      {field("password", "New password")}
      {field("confirm", "New password again")}
      <button type="submit" className="button button-primary button-wide" disabled={fetching}>
        {fetching ? "Saving…" : "Set new password"}
      </button>
    </form>
  );
}

/** Sets a new password with the token of an emailed link; stands alone (no session) with its own GraphQL client. */
export function ResetPasswordForm(props: Props) {
  return (
    <UrqlProvider>
      <Form {...props} />
    </UrqlProvider>
  );
}
