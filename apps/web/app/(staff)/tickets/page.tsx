import { Suspense } from "react";
import { TicketList } from "../../../components/staff/tickets/ticket-list";
import { Loading } from "../../../components/ui/states";

export const metadata = { title: "Tickets · mspgraph" };

export default function TicketsPage() {
  return (
    <Suspense fallback={<Loading label="Loading tickets…" />}>
      <TicketList />
    </Suspense>
  );
}
