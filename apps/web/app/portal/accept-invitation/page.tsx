import { AcceptInvitationForm } from "../../../components/shell/accept-invitation-form";

export const metadata = { title: "Set your password · Client portal" };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function AcceptInvitation({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <main className="auth">
      <section className="auth-card" aria-labelledby="invite-title">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true">m</span> mspgraph
        </p>
        <h1 id="invite-title">Set your portal password</h1>
        <p className="muted">You were invited to your IT provider&apos;s client portal. Choose a password of at least 12 characters.</p>
        <AcceptInvitationForm token={token ?? ""} />
        <p className="auth-footer">
          Already set? <a href="/portal/login">Sign in</a>.
        </p>
      </section>
    </main>
  );
}
