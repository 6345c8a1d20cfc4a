import { Suspense } from "react";
import { AuditView } from "../../../components/staff/audit/audit-view";
import { RoleGate } from "../../../components/staff/role-gate";
import { Loading } from "../../../components/ui/states";

export const metadata = { title: "Audit log · mspgraph" };

export default function AuditPage() {
  return (
    <RoleGate title="Audit log" who="managers-or-platform" reason="Only your MSP's owners and admins read the audit log.">
      <Suspense fallback={<Loading label="Loading the audit log…" />}>
        <AuditView />
      </Suspense>
    </RoleGate>
  );
}
