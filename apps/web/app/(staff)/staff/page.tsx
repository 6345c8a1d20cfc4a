import { RoleGate } from "../../../components/staff/role-gate";
import { StaffView } from "../../../components/staff/staff-users/staff-view";

export const metadata = { title: "Staff · mspgraph" };

export default function StaffPage() {
  return (
    <RoleGate title="Staff" who="managers" reason="Only your MSP's owners and admins manage its staff.">
      <StaffView />
    </RoleGate>
  );
}
