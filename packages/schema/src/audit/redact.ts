const SECRET_KEY = /(password|token|secret|credential|authorization|cookie|apikey|^key$)/i;

/** A copy of `value` with every secret-looking field replaced, at any depth. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) ? "[redacted]" : redactSecrets(inner)]));
  }
  return value;
}
