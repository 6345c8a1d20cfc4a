import { Suspense } from "react";
import { AgentList } from "../../../components/staff/agents/agent-list";
import { Loading } from "../../../components/ui/states";

export const metadata = { title: "Agents · mspgraph" };

export default function AgentsPage() {
  return (
    <Suspense fallback={<Loading label="Loading agents…" />}>
      <AgentList />
    </Suspense>
  );
}
