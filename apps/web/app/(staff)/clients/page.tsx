import { Suspense } from "react";
import { ClientList } from "../../../components/staff/clients/client-list";
import { Loading } from "../../../components/ui/states";

export const metadata = { title: "Clients · mspgraph" };

export default function ClientsPage() {
  return (
    <Suspense fallback={<Loading label="Loading clients…" />}>
      <ClientList />
    </Suspense>
  );
}
