"use client";

import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../lib/graphql";
import { TextField } from "../ui/field";
import { ErrorState } from "../ui/states";
import { FormErrors, splitUserErrors } from "../ui/user-errors";

const DisableTotpMutation = graphql(`
  mutation DisableTotp($input: DisableTotpInput!) { disableTotp(input: $input) { ok userErrors { field message code } } }
`);
const FIELDS = ["password", "code"] as const;

/** Turns the authenticator off, with the password and a current code. */
export function DisableTotpForm({ onDisabled }: { onDisabled: () => void }) {
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState(() => splitUserErrors([], FIELDS));
  const [{ fetching, error }, disable] = useMutation(DisableTotpMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const payload = (await disable({ input: { password, code: code.trim() } })).data?.disableTotp;
    if (!payload) return;
    setErrors(splitUserErrors(payload.userErrors, FIELDS));
    if (payload.ok) onDisabled();
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Turn two-step sign-in off">
      <TextField label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} error={errors.fields.password} required />
      <TextField label="Current code" value={code} onChange={setCode} autoComplete="one-time-code" error={errors.fields.code} required />
      <FormErrors messages={errors.form} />
      {error ? <ErrorState error={error} title="Two-step sign-in was not turned off" /> : null}
      <div className="ui-form-actions">
        <button type="submit" className="ui-button" disabled={fetching}>
          Turn off
        </button>
      </div>
    </form>
  );
}
