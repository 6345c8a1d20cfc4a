import type { TApiError } from "./upstream";

function waitInWords(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/** Plain words for a sign-in the API refused. */
export function signInProblem(kind: "staff" | "client", error: TApiError | { code: string }): string {
  const code = "extensions" in error ? error.extensions?.code : "code" in error ? error.code : undefined;
  if (code === "RATE_LIMITED") {
    const retry = "extensions" in error ? error.extensions?.retryAfterSeconds : undefined;
    return `Too many sign-in attempts. For your security, sign-in is paused${retry ? `: try again in ${waitInWords(retry)}` : " for a while"}.`;
  }
  if (code === "INVALID_CREDENTIALS") {
    return kind === "staff"
      ? "That email and password don't match a staff account. Check them and try again (client users sign in at the client portal)."
      : "That email and password don't match a portal account. Check them and try again.";
  }
  if (code === "PARTNER_SUSPENDED") {
    return kind === "staff"
      ? "Your company's access to mspgraph is suspended. Contact the platform's support to have it restored."
      : "This portal is suspended for now. Contact your IT provider.";
  }
  if (code === "MFA_REQUIRED") return "Enter the 6-digit code from your authenticator app.";
  if (code === "MFA_ENROLLMENT_REQUIRED") return "Your account needs two-step sign-in: set up an authenticator app to continue.";
  return "Sign-in didn't work just now. Try again in a moment.";
}

export const UNREACHABLE_MESSAGE = "mspgraph can't be reached right now. Try again in a moment.";
