"use client";

import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../lib/graphql";
import { TextField } from "../ui/field";
import { ErrorState, Notice } from "../ui/states";
import { FormErrors, splitUserErrors } from "../ui/user-errors";

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) { ok userErrors { field message code } }
  }
`);

const FIELDS = ["currentPassword", "newPassword"] as const;

/** Sets a new password; the API signs the user's other devices out. */
export function ChangePasswordForm() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [again, setAgain] = useState("");
  const [errors, setErrors] = useState(() => splitUserErrors([], FIELDS));
  const [done, setDone] = useState(false);
  const [{ fetching, error }, change] = useMutation(ChangePasswordMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (next !== again) return setErrors({ fields: { newPassword: "The two new passwords differ" }, form: [] });
    const result = await change({ input: { currentPassword: current, newPassword: next } });
    const payload = result.data?.changePassword;
    if (!payload) return;
    setErrors(splitUserErrors(payload.userErrors, FIELDS));
    if (payload.ok) {
      setDone(true);
      setCurrent("");
      setNext("");
      setAgain("");
    }
  };

  return (
    <form className="ui-form" onSubmit={submit} noValidate>
      {done ? <Notice tone="ok" title="Password changed">Your other devices were signed out.</Notice> : null}
      <TextField label="Current password" type="password" autoComplete="current-password" value={current} onChange={setCurrent} error={errors.fields.currentPassword} required />
      <TextField label="New password" type="password" autoComplete="new-password" value={next} onChange={setNext} error={errors.fields.newPassword} hint="At least 12 characters, and not a common password." required />
      <TextField label="New password again" type="password" autoComplete="new-password" value={again} onChange={setAgain} required />
      <FormErrors messages={errors.form} />
      {error ? <ErrorState error={error} title="The password was not changed" /> : null}
      <div className="ui-form-actions">
        <button type="submit" className="ui-button" data-variant="primary" disabled={fetching}>
          {fetching ? "Changing…" : "Change password"}
        </button>
      </div>
    </form>
  );
}
