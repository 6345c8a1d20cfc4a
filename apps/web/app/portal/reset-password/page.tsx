import { AuthFrame } from "../../../components/password-reset/auth-frame";
import { ResetPasswordForm } from "../../../components/password-reset/reset-password-form";

export const metadata = { title: "Choose a new password · Client portal" };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function PortalResetPassword({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <AuthFrame
      titleId="reset-title"
      title="Choose a new portal password"
      lead="At least 12 characters, and not a common password. Every device signed in to your account will be signed out."
      footer={
        <>
          Back to <a href="/portal/login">sign in to your client portal</a>.
        </>
      }
    >
      <ResetPasswordForm kind="client" token={token ?? ""} />
    </AuthFrame>
  );
}
