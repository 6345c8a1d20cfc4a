import { WebhooksView } from "../../../components/staff/webhooks/webhooks-view";
import { RoleGate } from "../../../components/staff/role-gate";

export const metadata = { title: "Webhooks · mspgraph" };

export default function WebhooksPage() {
  return (
    <RoleGate title="Webhooks" who="managers" reason="Only your MSP's owners and admins register webhook endpoints and read their delivery logs.">
      <WebhooksView />
    </RoleGate>
  );
}
