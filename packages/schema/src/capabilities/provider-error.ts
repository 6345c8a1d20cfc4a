/**
 * Why an outside service (Syncro, MSP360, a third party's PSA) did not do what was asked,
 * coarse enough for a caller to decide what to do next. Callers read it in
 * `extensions.reason` of a `PROVIDER_ERROR`.
 */
export const PROVIDER_ERROR_REASONS = [
  /** The credentials are dead (revoked, expired, changed): reconnect with new ones. */
  "CREDENTIALS_REJECTED",
  /** The credentials work but lack a permission for this call; `extensions.permission` names it when known. */
  "PERMISSION_MISSING",
  /** The service has no such record. */
  "NOT_FOUND",
  /** The service refused the input (a validation error on its side), or the record is not set up for it. */
  "REFUSED",
  /** The service's rate limit was reached: try again in a minute. */
  "RATE_LIMITED",
  /** The service did not answer, timed out, failed, or answered something unexpected: try again later. */
  "UNAVAILABLE",
  /** This server may not call the configured address (see MSPGRAPH_OUTBOUND_ALLOW). */
  "NOT_ALLOWED",
] as const;
export type TProviderErrorReason = (typeof PROVIDER_ERROR_REASONS)[number];

/**
 * An error a plugin throws when its service refuses or fails a call; its message is shown to
 * the caller (plain words, no secrets), with the code `PROVIDER_ERROR`, the plugin's id in
 * `extensions.provider` and the classified `extensions.reason`.
 * @remarks Any other error a plugin throws is logged and shown as a generic failure.
 */
export class ProviderError extends Error {
  readonly reason: TProviderErrorReason;
  /** The plugin whose service failed, e.g. "syncro". */
  readonly provider: string | undefined;
  /** For PERMISSION_MISSING: the permission the service asked for, in its own words. */
  readonly permission: string | undefined;
  /**
   * What a caller reads beside the message: the code and the classification, no secrets.
   * @remarks graphql-js copies an original error's `extensions` onto the GraphQL error, so a
   * ProviderError thrown from any resolver answers PROVIDER_ERROR rather than a masked failure.
   */
  readonly extensions: { code: "PROVIDER_ERROR"; reason: TProviderErrorReason; provider?: string; permission?: string };

  constructor(message: string, options: { reason?: TProviderErrorReason; provider?: string; permission?: string } = {}) {
    super(message);
    this.name = "ProviderError";
    this.reason = options.reason ?? "REFUSED";
    this.provider = options.provider;
    this.permission = options.permission;
    this.extensions = {
      code: "PROVIDER_ERROR",
      reason: this.reason,
      ...(options.provider === undefined ? {} : { provider: options.provider }),
      ...(options.permission === undefined ? {} : { permission: options.permission }),
    };
  }
}

/**
 * A write the provider cannot make until the partner changes a setting (Syncro requires a
 * ticket type and none is chosen): answered as a user error in the mutation's payload, with
 * the code `PROVIDER_SETTING_REQUIRED` and the field at fault, instead of a `PROVIDER_ERROR`.
 */
export class ProviderSettingError extends ProviderError {
  readonly field: string | null;
  constructor(message: string, options: { field?: string | null } = {}) {
    super(message);
    this.name = "ProviderSettingError";
    this.field = options.field ?? null;
  }
}
