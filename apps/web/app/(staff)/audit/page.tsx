import { Suspense } from "react";
import { AuditView } from "../../../components/staff/audit/audit-view";
import { Loading } from "../../../components/ui/states";

export const metadata = { title: "Audit log · mspgraph" };

export default function AuditPage() {
  return (
    <Suspense fallback={<Loading label="Loading the audit log…" />}>
      <AuditView />
    </Suspense>
  );
}
