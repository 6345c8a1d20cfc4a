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
