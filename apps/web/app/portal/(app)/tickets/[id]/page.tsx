"use client";

import { useParams, useSearchParams } from "next/navigation";
import { TicketView } from "../../_components/ticket-view";

export default function PortalTicket() {
  const { id } = useParams<{ id: string }>();
  const created = useSearchParams().get("created") === "1";
  return <TicketView id={decodeURIComponent(id)} created={created} />;
}
