import { backupTone } from "../../../../components/staff/backups/backup-tones";
import { Badge } from "../../../../components/ui/badge";
import { Card } from "../../../../components/ui/page-header";
import { EmptyState } from "../../../../components/ui/states";

type TSummary = { ok: number; warning: number; failed: number; missed: number; running: number; unknown: number };

const ROWS: { key: keyof TSummary; label: string }[] = [
  { key: "failed", label: "Failed" },
  { key: "missed", label: "Missed their schedule" },
  { key: "warning", label: "Finished with warnings" },
  { key: "running", label: "Running now" },
  { key: "ok", label: "Succeeded" },
  { key: "unknown", label: "No result yet" },
];

/** The client's backup plans by state: what needs their IT provider's attention first. */
export function BackupWidget({ summary }: { summary: TSummary }) {
  const total = ROWS.reduce((sum, row) => sum + summary[row.key], 0);
  const trouble = summary.failed + summary.missed + summary.warning;
  return (
    <Card title="Backups" actions={total > 0 ? <Badge tone={trouble > 0 ? "bad" : "ok"}>{trouble > 0 ? `${trouble} need attention` : "All good"}</Badge> : null}>
      {total === 0 ? (
        <EmptyState title="No backups are monitored yet">Your IT provider connects them.</EmptyState>
      ) : (
        <ul className="list" aria-label="Backup plans by state">
          {ROWS.filter((row) => summary[row.key] > 0 || row.key === "failed").map((row) => (
            <li key={row.key}>
              <span>{row.label}</span>
              <Badge tone={summary[row.key] > 0 ? backupTone(row.key.toUpperCase()) : "neutral"}>{summary[row.key]}</Badge>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
