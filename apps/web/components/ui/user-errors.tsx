import "./ui.css";

export type TUserError = { field?: string | null; message: string; code: string };
export type TSplitErrors = { fields: Record<string, string>; form: string[] };

/**
 * Sorts a payload's userErrors into the form's own fields and the rest.
 * @param aliases maps the API's field path (e.g. "credentials.apiToken") to the form's field name
 */
export function splitUserErrors(errors: readonly TUserError[], knownFields: readonly string[], aliases: Record<string, string> = {}): TSplitErrors {
  const fields: Record<string, string> = {};
  const form: string[] = [];
  for (const error of errors) {
    const name = error.field ? (aliases[error.field] ?? error.field) : null;
    if (name && knownFields.includes(name) && !fields[name]) fields[name] = error.message;
    else form.push(error.field ? `${error.field}: ${error.message}` : error.message);
  }
  return { fields, form };
}

export function FormErrors({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="ui-alert" data-tone="bad" role="alert">
      {messages.length === 1 ? messages[0] : (
        <ul style={{ margin: 0, paddingLeft: "1.1rem" }}>
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
