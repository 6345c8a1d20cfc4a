import { SignInPage } from "../../../components/shell/sign-in-page";

export const metadata = { title: "Client portal sign-in · mspgraph" };

type Props = { searchParams: Promise<{ reason?: string; next?: string }> };

export default async function PortalLogin({ searchParams }: Props) {
  const { reason, next } = await searchParams;
  return (
    <SignInPage
      kind="client"
      title="Sign in to your client portal"
      lead="See your machines, open tickets with your IT provider and read your documentation."
      reason={reason}
      next={next}
      footer={
        <>
          MSP staff? <a href="/login">Sign in here</a>.
        </>
      }
    />
  );
}
