"use client";

import { QrImage } from "./qr-image";
import { type FormEvent, useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../lib/graphql";
import { TextField } from "../ui/field";
import { ErrorState, Notice } from "../ui/states";
import { FormErrors } from "../ui/user-errors";
import { DisableTotpForm } from "./disable-totp-form";

const TotpStatusQuery = graphql(`query TotpStatus { viewer { id email totpEnabled mfaRequired } }`);
const StartMutation = graphql(`
  mutation StartTotpEnrollment { startTotpEnrollment { secret otpauthUrl userErrors { field message code } } }
`);
const ConfirmMutation = graphql(`
  mutation ConfirmTotpEnrollment($input: ConfirmTotpEnrollmentInput!) {
    confirmTotpEnrollment(input: $input) { recoveryCodes userErrors { field message code } }
  }
`);

/** Shows whether the authenticator is on, and sets it up (QR code, a code to confirm, recovery codes once) or turns it off. */
export function TotpSettings() {
  const [{ data, error }, refetch] = useQuery({ query: TotpStatusQuery });
  const [started, setStarted] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const [code, setCode] = useState("");
  const [problems, setProblems] = useState<string[]>([]);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [start, startEnrollment] = useMutation(StartMutation);
  const [confirm, confirmEnrollment] = useMutation(ConfirmMutation);
  const viewer = data?.viewer;

  const begin = async () => {
    setRecoveryCodes(null);
    const payload = (await startEnrollment({})).data?.startTotpEnrollment;
    setProblems(payload?.userErrors.map((e) => e.message) ?? []);
    if (payload?.secret && payload.otpauthUrl) setStarted({ secret: payload.secret, otpauthUrl: payload.otpauthUrl });
  };
  const finish = async (event: FormEvent) => {
    event.preventDefault();
    const payload = (await confirmEnrollment({ input: { code: code.trim() } })).data?.confirmTotpEnrollment;
    setProblems(payload?.userErrors.map((e) => e.message) ?? []);
    if (payload?.recoveryCodes) {
      setRecoveryCodes(payload.recoveryCodes);
      setStarted(null);
      setCode("");
      refetch({ requestPolicy: "network-only" });
    }
  };

  if (error) return <ErrorState error={error} title="Two-step sign-in settings could not be loaded" />;
  if (!viewer) return null;
  return (
    <div className="ui-form">
      {recoveryCodes ? (
        <Notice tone="warn" title="Store these recovery codes now">
          <p>Each signs you in once if you lose your authenticator. This is the only time they are shown.</p>
          <ul aria-label="Recovery codes">
            {recoveryCodes.map((recovery) => (
              <li key={recovery}>
                <code>{recovery}</code>
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <p>{viewer.totpEnabled ? "Two-step sign-in is on: signing in asks for a code from your authenticator app." : "Two-step sign-in is off."}</p>
      {viewer.mfaRequired && !viewer.totpEnabled ? <Notice tone="info">Your account requires it: set it up now.</Notice> : null}
      <FormErrors messages={problems} />
      {start.error ? <ErrorState error={start.error} title="Setup did not start" /> : null}
      {confirm.error ? <ErrorState error={confirm.error} title="The code was not checked" /> : null}
      {!viewer.totpEnabled && !started ? (
        <div className="ui-form-actions">
          <button type="button" className="ui-button" data-variant="primary" onClick={begin} disabled={start.fetching}>
            Set up an authenticator app
          </button>
        </div>
      ) : null}
      {started ? (
        <form onSubmit={finish} noValidate>
          <p>Scan this with your authenticator app, or type the key into it, then enter the 6-digit code it shows.</p>
          <QrImage url={started.otpauthUrl} />
          <p>
            Key: <code>{started.secret}</code>
          </p>
          <TextField label="Code from the app" value={code} onChange={setCode} autoComplete="one-time-code" required />
          <div className="ui-form-actions">
            <button type="submit" className="ui-button" data-variant="primary" disabled={confirm.fetching}>
              Turn on
            </button>
          </div>
        </form>
      ) : null}
      {viewer.totpEnabled && !viewer.mfaRequired ? <DisableTotpForm onDisabled={() => refetch({ requestPolicy: "network-only" })} /> : null}
    </div>
  );
}
