import { Suspense } from "react";
import { AlertList } from "../../../components/staff/alerts/alert-list";
import { Loading } from "../../../components/ui/states";

export const metadata = { title: "Alerts · mspgraph" };

export default function AlertsPage() {
  return (
    <Suspense fallback={<Loading label="Loading alerts…" />}>
      <AlertList />
    </Suspense>
  );
}
