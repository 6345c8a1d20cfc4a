"use client";

import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { z } from "zod";
import { graphql } from "../../lib/graphql";
import { UrqlProvider } from "../../lib/urql";

const RequestPasswordReset = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) { ok userErrors { field message code } }
  }
`);

const ZEmail = z.string().trim().min(1, "Enter your email address.").email("Enter a valid email address, like name@company.com.");

type Props = { kind: "staff" | "client" };

function Form({ kind }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [{ fetching }, request] = useMutation(RequestPasswordReset);
  const id = `${kind}-forgot-email`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZEmail.safeParse(new FormData(event.currentTarget).get("email") ?? "");
    setMessage(null);
    if (!parsed.success) return setProblem(parsed.error.issues[0]!.message);
    setProblem(null);
    const result = await request({ input: { email: parsed.data, kind: kind === "staff" ? "STAFF" : "CLIENT" } });
    if (result.data?.requestPasswordReset.ok) return setSentTo(parsed.data);
    if (result.data?.requestPasswordReset.userErrors.length) return setProblem("Enter a valid email address, like name@company.com.");
    const limited = result.error?.graphQLErrors.some((error) => error.extensions?.code === "RATE_LIMITED");
    setMessage(limited ? "Too many reset requests came from your network. Wait a while, then try again." : "The link could not be sent just now. Try again in a moment.");
  }

  if (sentTo) {
    // The same words whatever the address: the page never tells whether an account exists.
    return (
      <p className="notice notice-ok" role="status">
        If {sentTo} belongs to an account, we have emailed it a link to choose a new password. The link works once, for 30 minutes. If nothing arrives in a few minutes, check your spam folder or ask again.
      </p>
    );
  }
  return (
    <form className="stack" onSubmit={submit} noValidate aria-busy={fetching}>
      {message ? (
        <p className="notice notice-error" role="alert">
          {message}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={id}>Email</label>
        <input id={id} name="email" type="email" autoComplete="username" inputMode="email" aria-invalid={Boolean(problem)} aria-describedby={problem ? `${id}-problem` : undefined} />
        {problem ? <p id={`${id}-problem`} className="field-problem">{problem}</p> : null}
      </div>
      <button type="submit" className="button button-primary button-wide" disabled={fetching}>
        {fetching ? "Sending…" : "Send reset link"}
      </button>
    </form>
  );
}

/** Asks for a reset link by email; stands alone (no session) with its own GraphQL client. */
export function ForgotPasswordForm({ kind }: Props) {
  return (
    <UrqlProvider>
      <Form kind={kind} />
    </UrqlProvider>
  );
}
