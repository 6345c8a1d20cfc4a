import { TicketDetail } from "../../../../components/staff/tickets/ticket-detail";

export const metadata = { title: "Ticket · mspgraph" };

export default async function TicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <TicketDetail id={decodeURIComponent(id)} />;
}
