"use client";

import { QrImage } from "../account/qr-image";
import { type FormEvent, useEffect, useState } from "react";
import { postSession } from "../../lib/session/actions";

type TStepReply = { ok: boolean; message?: string; redirectTo?: string; recoveryCodes?: string[]; secret?: string; otpauthUrl?: string };
const post = (body: object) => postSession("mfa", body) as Promise<TStepReply>;

/**
 * The second step of a sign-in whose password was right: a code from the authenticator app
 * (or a recovery code), or, where two-step sign-in is required and not set up, enrolling first.
 */
export function MfaStep({ enroll, onSignedIn }: { enroll: boolean; onSignedIn: (redirectTo: string) => void }) {
  const [code, setCode] = useState("");
  const [recovery, setRecovery] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const [signedIn, setSignedIn] = useState<{ redirectTo: string; recoveryCodes: string[] } | null>(null);

  useEffect(() => {
    if (!enroll) return;
    void post({ action: "start-enrollment" }).then((reply) => (reply.secret && reply.otpauthUrl ? setSecret({ secret: reply.secret, otpauthUrl: reply.otpauthUrl }) : setMessage(reply.message ?? "Setup could not start.")));
  }, [enroll]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const reply = enroll ? await post({ action: "confirm-enrollment", code }) : await post(recovery ? { action: "verify", recoveryCode: code } : { action: "verify", code });
    setBusy(false);
    if (!reply.ok || !reply.redirectTo) return setMessage(reply.message ?? "That didn't work. Try again.");
    if (reply.recoveryCodes) return setSignedIn({ redirectTo: reply.redirectTo, recoveryCodes: reply.recoveryCodes });
    onSignedIn(reply.redirectTo);
  }

  if (signedIn) {
    return (
      <div className="stack">
        <p className="notice" role="status">Two-step sign-in is on. Store these recovery codes now: each signs you in once if you lose your authenticator, and they are not shown again.</p>
        <ul aria-label="Recovery codes">
          {signedIn.recoveryCodes.map((recoveryCode) => (
            <li key={recoveryCode}><code>{recoveryCode}</code></li>
          ))}
        </ul>
        <button type="button" className="button button-primary button-wide" onClick={() => onSignedIn(signedIn.redirectTo)}>I have stored them: continue</button>
      </div>
    );
  }
  const label = recovery ? "Recovery code" : "Code from your authenticator app";
  return (
    <form className="stack" onSubmit={submit} noValidate aria-busy={busy}>
      {message ? <p className="notice notice-error" role="alert">{message}</p> : null}
      {enroll ? (
        <div className="stack">
          <p>Your account needs two-step sign-in. Scan this with an authenticator app, or type the key into it, then enter the code it shows.</p>
          {secret ? <QrImage url={secret.otpauthUrl} /> : null}
          {secret ? <p>Key: <code>{secret.secret}</code></p> : null}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="mfa-code">{label}</label>
        <input id="mfa-code" name="code" autoComplete="one-time-code" inputMode={recovery ? "text" : "numeric"} value={code} onChange={(event) => setCode(event.target.value)} />
      </div>
      <button type="submit" className="button button-primary button-wide" disabled={busy || (enroll && !secret)}>
        {busy ? "Checking…" : enroll ? "Turn on and sign in" : "Sign in"}
      </button>
      {enroll ? null : (
        <button type="button" className="button button-ghost" onClick={() => { setRecovery(!recovery); setCode(""); }}>
          {recovery ? "Use a code from the app instead" : "Use a recovery code instead"}
        </button>
      )}
    </form>
  );
}
