/**
 * An error a plugin throws when its service refuses or fails a call; its message is shown to
 * the caller (plain words, no secrets), with the code `PROVIDER_ERROR`.
 * @remarks Any other error a plugin throws is logged and shown as a generic failure.
 */
export class ProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProviderError";
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
