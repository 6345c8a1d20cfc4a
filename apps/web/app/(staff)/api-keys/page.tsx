import { ApiKeysView } from "../../../components/staff/api-keys/api-keys-view";

export const metadata = { title: "API keys · mspgraph" };

export default function ApiKeysPage() {
  return <ApiKeysView />;
}
