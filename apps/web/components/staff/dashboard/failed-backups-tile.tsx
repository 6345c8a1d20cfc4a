import { StatTile } from "./stat-tile";

// Backups land with the MSP360 plugin (backupPlans); until the schema has them this tile says so.
export function FailedBackupsTile() {
  return <StatTile href="/integrations" label="Failed backups: connect MSP360" value="–" tone="neutral" />;
}
