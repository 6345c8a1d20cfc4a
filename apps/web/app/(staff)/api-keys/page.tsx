import { ApiKeysView } from "../../../components/staff/api-keys/api-keys-view";
import { RoleGate } from "../../../components/staff/role-gate";

export const metadata = { title: "API keys · mspgraph" };

export default function ApiKeysPage() {
  return (
    <RoleGate title="API keys" who="managers" reason="Only your MSP's owners and admins create and revoke API keys.">
      <ApiKeysView />
    </RoleGate>
  );
}
