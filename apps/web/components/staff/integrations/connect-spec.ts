/** One input of a plugin's connect form. Credentials are write-only: never filled from the API. */
export type TSettingField = { key: string; label: string; kind: "text" | "secret" | "url" | "minutes" | "id"; required: boolean; hint?: string; placeholder?: string; min?: number; max?: number };

/** What the connect form of one plugin asks for, split the way connectIntegration takes it. */
export type TConnectSpec = { pluginId: string; credentials: readonly TSettingField[]; config: readonly TSettingField[] };

export type TConnectValues = Record<string, string>;
export type TConnectMode = "connect" | "update";

const URL_PATTERN = /^https?:\/\/[^\s/]+/i;

/** The config values as the form starts them: from the connection's stored (non-secret) config. */
export function initialValues(spec: TConnectSpec, config: Record<string, unknown> | null | undefined): TConnectValues {
  const values: TConnectValues = {};
  for (const field of spec.credentials) values[field.key] = "";
  for (const field of spec.config) {
    const stored = config?.[field.key];
    values[field.key] = typeof stored === "string" || typeof stored === "number" ? String(stored) : "";
  }
  return values;
}

/**
 * Checks the form before it is sent. Connecting needs every required credential; updating may
 * leave all credentials empty (keep the stored ones), but a partial set is refused because the
 * API replaces credentials whole.
 */
export function validateConnect(spec: TConnectSpec, values: TConnectValues, mode: TConnectMode): Record<string, string> {
  const errors: Record<string, string> = {};
  const anyCredential = spec.credentials.some((field) => (values[field.key] ?? "").trim() !== "");
  const needCredentials = mode === "connect" || anyCredential;
  for (const field of spec.credentials) {
    if (needCredentials && field.required && (values[field.key] ?? "").trim() === "") {
      errors[field.key] = mode === "update" ? `Enter the ${field.label.toLowerCase()} too: credentials are replaced together` : `Enter the ${field.label.toLowerCase()}`;
    }
  }
  for (const field of spec.config) {
    const value = (values[field.key] ?? "").trim();
    if (value === "") {
      if (field.required) errors[field.key] = `Enter the ${field.label.toLowerCase()}`;
      continue;
    }
    if (field.kind === "url" && !URL_PATTERN.test(value)) errors[field.key] = "Enter an address starting with https://";
    const [min, max] = [field.min ?? 1, field.max ?? 1440];
    if (field.kind === "minutes" && !(Number.isInteger(Number(value)) && Number(value) >= min && Number(value) <= max)) errors[field.key] = `Enter whole minutes between ${min} and ${max}`;
    if (field.kind === "id" && !/^[1-9][0-9]{0,15}$/.test(value)) errors[field.key] = "Enter the number as the service shows it, e.g. 12";
  }
  return errors;
}

/** The connectIntegration / updateIntegration input; update sends credentials only when entered. */
export function connectInput(spec: TConnectSpec, values: TConnectValues, mode: TConnectMode) {
  const credentials: Record<string, string> = {};
  for (const field of spec.credentials) {
    const value = (values[field.key] ?? "").trim();
    if (value !== "") credentials[field.key] = value;
  }
  const config: Record<string, string | number> = {};
  for (const field of spec.config) {
    const value = (values[field.key] ?? "").trim();
    if (value !== "") config[field.key] = field.kind === "minutes" || field.kind === "id" ? Number(value) : value;
  }
  const sendCredentials = mode === "connect" || Object.keys(credentials).length > 0;
  return { pluginId: spec.pluginId, config, ...(sendCredentials ? { credentials } : {}) };
}

/** The API names fields "credentials.apiToken" / "config.baseUrl"; the form names them "apiToken" / "baseUrl". */
export function fieldAliases(spec: TConnectSpec): Record<string, string> {
  return Object.fromEntries([...spec.credentials.map((f) => [`credentials.${f.key}`, f.key]), ...spec.config.map((f) => [`config.${f.key}`, f.key])]);
}
