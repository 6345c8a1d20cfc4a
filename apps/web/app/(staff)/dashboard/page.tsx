import { DashboardView } from "../../../components/staff/dashboard/dashboard-view";

export const metadata = { title: "Dashboard · mspgraph" };

export default function DashboardPage() {
  return <DashboardView />;
}
