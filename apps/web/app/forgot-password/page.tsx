import { AuthFrame } from "../../components/password-reset/auth-frame";
import { ForgotPasswordForm } from "../../components/password-reset/forgot-password-form";

export const metadata = { title: "Forgot your password? · mspgraph" };

export default function StaffForgotPassword() {
  return (
    <AuthFrame
      titleId="forgot-title"
      title="Forgot your password?"
      lead="Enter the email you sign in with. We will send you a link to choose a new password."
      footer={
        <>
          Remembered it? <a href="/login">Sign in</a>.
        </>
      }
    >
      <ForgotPasswordForm kind="staff" />
    </AuthFrame>
  );
}
