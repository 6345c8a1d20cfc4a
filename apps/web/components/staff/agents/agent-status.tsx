import { Badge } from "../../ui/badge";
import { Time } from "../../ui/time";

export function AgentStatus({ status, lastSeenAt }: { status: "ONLINE" | "OFFLINE"; lastSeenAt?: string | null }) {
  if (status === "ONLINE") return <Badge tone="ok">Online</Badge>;
  return (
    <span>
      <Badge tone="warn">Offline</Badge>{" "}
      <span className="ui-muted" style={{ fontSize: "0.8rem" }}>
        last seen <Time value={lastSeenAt} />
      </span>
    </span>
  );
}
