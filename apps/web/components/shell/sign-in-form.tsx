"use client";

import { type FormEvent, useState } from "react";
import { postSession } from "../../lib/session/actions";
import { fieldProblems } from "../../lib/session/sign-in-input";
import { MfaStep } from "./mfa-step";

type Props = {
  /** Which flow: staff (/api/session/login) or the client portal (/api/session/client-login). */
  kind: "staff" | "client";
  /** Where to go after signing in (a same-site path), when the page was sent here. */
  next?: string;
  /** Filled in and fixed, for signing in again as the same person. */
  email?: string;
  onSignedIn?: (redirectTo: string) => void;
};

export function SignInForm({ kind, next, email: fixedEmail, onSignedIn }: Props) {
  const [problems, setProblems] = useState<Partial<Record<"email" | "password", string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [mfa, setMfa] = useState<"code" | "enroll" | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { email: fixedEmail ?? String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), next };
    const found = fieldProblems(input);
    setProblems(found);
    setMessage(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await postSession(kind === "staff" ? "login" : "client-login", input);
    setBusy(false);
    if (!result.ok && (result.code === "MFA_REQUIRED" || result.code === "MFA_ENROLLMENT_REQUIRED")) return setMfa(result.code === "MFA_REQUIRED" ? "code" : "enroll");
    if (!result.ok) {
      if (result.field === "email" || result.field === "password") setProblems({ [result.field]: result.message });
      else setMessage(result.message);
      return;
    }
    done(result.redirectTo ?? (kind === "staff" ? "/dashboard" : "/portal"));
  }

  function done(target: string) {
    if (onSignedIn) onSignedIn(target);
    else window.location.assign(target);
  }

  if (mfa) return <MfaStep enroll={mfa === "enroll"} onSignedIn={done} />;
  return (
    <form className="stack" onSubmit={submit} noValidate aria-busy={busy}>
      {message ? (
        <p className="notice notice-error" role="alert">
          {message}
        </p>
      ) : null}
      {fixedEmail ? null : (
        <div className="field">
          <label htmlFor={`${kind}-email`}>Email</label>
          <input id={`${kind}-email`} name="email" type="email" autoComplete="username" inputMode="email" aria-invalid={Boolean(problems.email)} aria-describedby={problems.email ? `${kind}-email-problem` : undefined} />
          {problems.email ? <p id={`${kind}-email-problem`} className="field-problem">{problems.email}</p> : null}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${kind}-password`}>Password</label>
        <input id={`${kind}-password`} name="password" type="password" autoComplete="current-password" aria-invalid={Boolean(problems.password)} aria-describedby={problems.password ? `${kind}-password-problem` : undefined} />
        {problems.password ? <p id={`${kind}-password-problem`} className="field-problem">{problems.password}</p> : null}
      </div>
      <button type="submit" className="button button-primary button-wide" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
