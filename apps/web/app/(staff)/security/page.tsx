import { SecuritySettings } from "../../../components/account/security-settings";

export const metadata = { title: "Account security · mspgraph" };

export default function SecurityPage() {
  return <SecuritySettings />;
}
