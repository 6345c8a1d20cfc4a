/** GET /api/session: what page scripts may know about their session (timing, never tokens). */
export type TSessionStatus =
  | { signedIn: false }
  | {
      signedIn: true;
      kind: "staff" | "client";
      email: string;
      accessExpiresAt: number;
      sessionEndsAt: number;
      /** When what the browser acts under ends: the impersonation's expiry, else the sign-in's. */
      endsAt: number;
      impersonating: boolean;
      /** The server's clock, so a skewed browser clock does not fire warnings early or late. */
      now: number;
    };
