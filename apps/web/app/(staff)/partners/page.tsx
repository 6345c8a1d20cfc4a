import { Suspense } from "react";
import { PartnersView } from "../../../components/staff/partners/partners-view";
import { Loading } from "../../../components/ui/states";

export const metadata = { title: "Partners · mspgraph" };

export default function PartnersPage() {
  return (
    <Suspense fallback={<Loading label="Loading partners…" />}>
      <PartnersView />
    </Suspense>
  );
}
