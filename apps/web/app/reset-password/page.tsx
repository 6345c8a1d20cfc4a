import { AuthFrame } from "../../components/password-reset/auth-frame";
import { ResetPasswordForm } from "../../components/password-reset/reset-password-form";

export const metadata = { title: "Choose a new password · mspgraph" };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function StaffResetPassword({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <AuthFrame
      titleId="reset-title"
      title="Choose a new password"
      lead="At least 12 characters, and not a common password. Every device signed in to your account will be signed out."
      footer={
        <>
          Back to <a href="/login">sign in</a>.
        </>
      }
    >
      <ResetPasswordForm kind="staff" token={token ?? ""} />
    </AuthFrame>
  );
}
