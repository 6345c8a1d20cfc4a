import Link from "next/link";
import { Badge } from "../../ui/badge";
import { plural } from "../../ui/plural";

type TSummary = { ok: number; warning: number; failed: number; missed: number; running: number; unknown: number };

/** A client's backup plans counted by state, each count linking to those plans. */
export function BackupSummary({ summary, clientId, compact = false }: { summary: TSummary; clientId: string; compact?: boolean }) {
  const total = summary.ok + summary.warning + summary.failed + summary.missed + summary.running + summary.unknown;
  if (total === 0) return <span className="ui-muted">No backup plans</span>;
  const link = (state: string) => `/backups?clientId=${encodeURIComponent(clientId)}&state=${state}`;
  return (
    <span style={{ display: "inline-flex", flexWrap: "wrap", gap: "0.35rem" }}>
      {summary.failed ? <Link href={link("FAILED")}><Badge tone="bad">{summary.failed} failed</Badge></Link> : null}
      {summary.missed ? <Link href={link("MISSED")}><Badge tone="warn">{summary.missed} missed</Badge></Link> : null}
      {summary.warning ? <Link href={link("WARNING")}><Badge tone="warn">{summary.warning} with warnings</Badge></Link> : null}
      {compact && !summary.failed && !summary.missed && !summary.warning ? <Badge tone="ok">{plural(total, "plan")}, none failing</Badge> : null}
      {!compact && summary.running ? <Badge tone="info">{summary.running} running</Badge> : null}
      {!compact && summary.ok ? <Badge tone="ok">{summary.ok} OK</Badge> : null}
      {!compact && summary.unknown ? <Badge>{summary.unknown} unknown</Badge> : null}
    </span>
  );
}
