import { SignInPage } from "../../components/shell/sign-in-page";

export const metadata = { title: "Sign in · mspgraph" };

type Props = { searchParams: Promise<{ reason?: string; next?: string }> };

export default async function StaffLogin({ searchParams }: Props) {
  const { reason, next } = await searchParams;
  return (
    <SignInPage
      kind="staff"
      title="Sign in to your MSP workspace"
      lead="For your team: clients, machines, alerts, tickets and backups in one place."
      reason={reason}
      next={next}
      footer={
        <>
          Are you a client of an MSP? <a href="/portal/login">Sign in to your client portal</a>.
        </>
      }
    />
  );
}
