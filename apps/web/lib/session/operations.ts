import { graphql } from "../graphql";

const SessionFields = graphql(`
  fragment SessionFields on SessionPayload {
    accessToken
    refreshToken
    expiresAt
    mfaRequired
    mfaEnrollmentRequired
    mfaToken
    viewer { email kind staffRole }
    userErrors { field code message }
  }
`);

export const LoginMutation = graphql(
  `mutation WebLogin($input: LoginInput!) { login(input: $input) { ...SessionFields } }`,
  [SessionFields],
);

export const ClientLoginMutation = graphql(
  `mutation WebClientLogin($input: LoginInput!) { clientLogin(input: $input) { ...SessionFields } }`,
  [SessionFields],
);

export const RefreshMutation = graphql(
  `mutation WebRefresh($input: RefreshSessionInput!) { refreshSession(input: $input) { ...SessionFields } }`,
  [SessionFields],
);

export const VerifyMfaMutation = graphql(
  `mutation WebVerifyMfa($input: VerifyMfaInput!) { verifyMfa(input: $input) { ...SessionFields } }`,
  [SessionFields],
);

export const StartEnrollmentMutation = graphql(`
  mutation WebStartTotpEnrollment($input: StartTotpEnrollmentInput) { startTotpEnrollment(input: $input) { secret otpauthUrl userErrors { code message } } }
`);

export const ConfirmEnrollmentMutation = graphql(
  `mutation WebConfirmTotpEnrollment($input: ConfirmTotpEnrollmentInput!) { confirmTotpEnrollment(input: $input) { recoveryCodes session { ...SessionFields } userErrors { code message } } }`,
  [SessionFields],
);

export const LogoutMutation = graphql(`mutation WebLogout { logout { ok } }`);

export const StartImpersonationMutation = graphql(`
  mutation WebStartImpersonation($input: StartImpersonationInput!) {
    startImpersonation(input: $input) {
      accessToken
      expiresAt
      userErrors { field code message }
    }
  }
`);

export const StopImpersonationMutation = graphql(`
  mutation WebStopImpersonation {
    stopImpersonation { accessToken expiresAt userErrors { code message } }
  }
`);

export { SessionFields };
