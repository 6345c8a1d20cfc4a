import { InvitationCard } from "../../../components/shell/invitation-card";

export const metadata = { title: "Set your password · Client portal" };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function AcceptInvitation({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <main className="auth">
      <InvitationCard token={token ?? ""} kind="CLIENT" />
    </main>
  );
}
