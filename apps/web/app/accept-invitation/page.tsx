import { InvitationCard } from "../../components/shell/invitation-card";

export const metadata = { title: "Set your password · mspgraph" };

type Props = { searchParams: Promise<{ token?: string }> };

/** Where a staff invitation's link leads: the invited member chooses their password. */
export default async function AcceptStaffInvitation({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <main className="auth">
      <InvitationCard token={token ?? ""} kind="STAFF" />
    </main>
  );
}
