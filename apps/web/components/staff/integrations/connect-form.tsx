"use client";

import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../lib/graphql";
import { TextField } from "../../ui/field";
import { ErrorState, Notice } from "../../ui/states";
import { Time } from "../../ui/time";
import { FormErrors, splitUserErrors } from "../../ui/user-errors";
import { type TConnectMode, type TConnectSpec, type TSettingField, connectInput, fieldAliases, initialValues, validateConnect } from "./connect-spec";

const ConnectMutation = graphql(`
  mutation ConnectIntegration($input: ConnectIntegrationInput!) {
    connectIntegration(input: $input) { integration { pluginId status } userErrors { field message code } }
  }
`);
const UpdateMutation = graphql(`
  mutation UpdateIntegration($input: UpdateIntegrationInput!) {
    updateIntegration(input: $input) { integration { pluginId status } userErrors { field message code } }
  }
`);

type TIntegration = { name: string; hasCredentials: boolean; credentialsUpdatedAt?: string | null; config?: Record<string, unknown> | null };

function inputType(field: TSettingField) {
  return field.kind === "secret" ? "password" : field.kind === "url" ? "url" : field.kind === "minutes" || field.kind === "id" ? "number" : "text";
}

/**
 * Connects a plugin or changes its connection. Stored credentials are never shown: every
 * credential input starts empty, says a value is stored, and is emptied again after saving.
 */
export function ConnectForm({ spec, integration, mode, onDone }: { spec: TConnectSpec; integration: TIntegration; mode: TConnectMode; onDone: () => void }) {
  const [values, setValues] = useState(() => initialValues(spec, mode === "update" ? integration.config : null));
  const names = [...spec.credentials, ...spec.config].map((f) => f.key);
  const [errors, setErrors] = useState(() => splitUserErrors([], [...names, "credentials"]));
  const [connect, connectIntegration] = useMutation(ConnectMutation);
  const [update, updateIntegration] = useMutation(UpdateMutation);
  const busy = connect.fetching || update.fetching;
  const failure = connect.error ?? update.error;
  const stored = mode === "update" && integration.hasCredentials;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = validateConnect(spec, values, mode);
    if (Object.keys(local).length > 0) return setErrors({ fields: local, form: [] });
    const input = connectInput(spec, values, mode);
    const result = mode === "connect" ? await connectIntegration({ input: { ...input, credentials: input.credentials ?? {} } }) : await updateIntegration({ input });
    const payload = result.data && ("connectIntegration" in result.data ? result.data.connectIntegration : result.data.updateIntegration);
    // Secrets leave the page's memory whatever the answer: a retry means typing them again.
    setValues((current) => ({ ...current, ...Object.fromEntries(spec.credentials.filter((f) => f.kind === "secret").map((f) => [f.key, ""])) }));
    if (!payload) return;
    setErrors(splitUserErrors(payload.userErrors, [...names, "credentials"], fieldAliases(spec)));
    if (payload.integration && payload.userErrors.length === 0) onDone();
  };

  const field = (setting: TSettingField) => (
    <TextField
      key={setting.key}
      label={setting.label}
      type={inputType(setting)}
      value={values[setting.key] ?? ""}
      onChange={(value) => setValues({ ...values, [setting.key]: value })}
      error={errors.fields[setting.key]}
      placeholder={stored && spec.credentials.includes(setting) ? "•••••• stored" : setting.placeholder}
      autoComplete={setting.kind === "secret" ? "new-password" : "off"}
      hint={stored && spec.credentials.includes(setting) ? "Stored — enter a new one to replace" : setting.hint}
      required={setting.required && (mode === "connect" || spec.credentials.includes(setting) === false)}
    />
  );

  return (
    <form className="ui-form" onSubmit={submit} noValidate aria-label={`${mode === "connect" ? "Connect" : "Update"} ${integration.name}`}>
      {stored ? (
        <Notice tone="info">
          Credentials are stored encrypted{integration.credentialsUpdatedAt ? <> (set <Time value={integration.credentialsUpdatedAt} />)</> : null} and cannot be shown. Leave them empty to keep them.
        </Notice>
      ) : null}
      {errors.fields.credentials ? <Notice tone="bad" title="The connection check failed">{errors.fields.credentials}</Notice> : null}
      <div className="ui-form-row">{spec.credentials.map(field)}</div>
      <div className="ui-form-row">{spec.config.map(field)}</div>
      <FormErrors messages={errors.form} />
      {failure ? <ErrorState error={failure} title="The connection was not saved" /> : null}
      <div className="ui-form-actions">
        <button type="submit" className="ui-button" data-variant="primary" disabled={busy}>
          {busy ? "Checking with the service…" : mode === "connect" ? `Connect ${integration.name}` : "Save changes"}
        </button>
        <button type="button" className="ui-button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
