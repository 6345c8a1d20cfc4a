const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// Admins often paste the whole address from their browser instead of the subdomain.
const PASTED_HOST = /^(?:https?:\/\/)?([^./]+)\.syncromsp\.com(?:[/?#].*)?$/;

/**
 * The API base URL of a Syncro account.
 * @param subdomain The account's subdomain (`acme` for acme.syncromsp.com); a pasted
 * `acme.syncromsp.com` or `https://acme.syncromsp.com/...` is accepted too.
 * @remarks Throws a RangeError with a message fit for a form field when the subdomain is
 * not letters, digits and inner hyphens, so nothing else can end up in the host name.
 */
export function syncroBaseUrl(subdomain: string): string {
  const trimmed = subdomain.trim().toLowerCase();
  const name = PASTED_HOST.exec(trimmed)?.[1] ?? trimmed;
  if (!SUBDOMAIN.test(name)) {
    throw new RangeError("The Syncro subdomain may only contain letters, digits and hyphens (for acme.syncromsp.com, enter acme)");
  }
  return `https://${name}.syncromsp.com/api/v1`;
}
