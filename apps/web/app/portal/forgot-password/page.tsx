import { AuthFrame } from "../../../components/password-reset/auth-frame";
import { ForgotPasswordForm } from "../../../components/password-reset/forgot-password-form";

export const metadata = { title: "Forgot your password? · Client portal" };

export default function PortalForgotPassword() {
  return (
    <AuthFrame
      titleId="forgot-title"
      title="Forgot your portal password?"
      lead="Enter the email you sign in to your client portal with. We will send you a link to choose a new password."
      footer={
        <>
          Remembered it? <a href="/portal/login">Sign in to your client portal</a>.
        </>
      }
    >
      <ForgotPasswordForm kind="client" />
    </AuthFrame>
  );
}
