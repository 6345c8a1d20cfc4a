import { SecuritySettings } from "../../../../components/account/security-settings";

export const metadata = { title: "Account security · mspgraph" };

export default function PortalSecurityPage() {
  return <SecuritySettings />;
}
