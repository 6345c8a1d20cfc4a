import { defineTenancy } from "../tenancy/define-tenancy.js";

const identity = "identity: only the sign-in, session and throttling code reaches it, unscoped";

export const authTenancy = defineTenancy({
  ApiKey: { owner: "partner", partnerColumn: "partnerId", clientUsers: "refused" },
  AuthSession: { owner: "none", reason: identity },
  RefreshToken: { owner: "none", reason: identity },
  LoginThrottle: { owner: "none", reason: identity },
  RateLimitBucket: { owner: "none", reason: identity },
  TotpFactor: { owner: "none", reason: identity },
  RecoveryCode: { owner: "none", reason: identity },
  MfaChallenge: { owner: "none", reason: identity },
  PasswordReset: { owner: "none", reason: identity },
});
