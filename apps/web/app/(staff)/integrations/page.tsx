import { IntegrationsView } from "../../../components/staff/integrations/integrations-view";

export const metadata = { title: "Integrations · mspgraph" };

export default function IntegrationsPage() {
  return <IntegrationsView />;
}
