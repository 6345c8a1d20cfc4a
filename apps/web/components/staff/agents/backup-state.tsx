import { Badge } from "../../ui/badge";
import { plural } from "../../ui/plural";
import { Time } from "../../ui/time";
import { backupLabel, backupTone, worstBackupState } from "../backups/backup-tones";

type TPlan = { id: string; planName: string; state: string; lastStart?: string | null };

/** A machine's backups at a glance: the worst plan state, and each plan on hover and for screen readers. */
export function BackupState({ plans }: { plans: readonly TPlan[] }) {
  const worst = worstBackupState(plans.map((plan) => plan.state));
  if (!worst) return <span className="ui-muted">No backup plan</span>;
  const latest = plans.map((plan) => plan.lastStart).filter((at): at is string => Boolean(at)).sort().at(-1);
  const detail = plans.map((plan) => `${plan.planName}: ${backupLabel(plan.state)}`).join("; ");
  return (
    <span title={detail}>
      <Badge tone={backupTone(worst)}>{backupLabel(worst)}</Badge>{" "}
      <span className="ui-muted" style={{ fontSize: "0.8rem" }}>
        {plural(plans.length, "plan")}
        {latest ? <> · last run <Time value={latest} /></> : null}
      </span>
      <span className="ui-sr-only">{detail}</span>
    </span>
  );
}
