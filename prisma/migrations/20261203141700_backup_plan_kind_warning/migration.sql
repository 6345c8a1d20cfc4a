-- Backup plans get a kind (providers list restores and consistency checks too), a warning
-- state and the provider's report link. Existing rows are backups; the MSP360 plugin's next
-- poll moves each onto its PlanId (it adopts the row stored under the old name-based key).
ALTER TYPE "BackupState" ADD VALUE 'WARNING' AFTER 'OK';

CREATE TYPE "BackupPlanKind" AS ENUM ('BACKUP', 'RESTORE', 'CONSISTENCY_CHECK');

ALTER TABLE "BackupPlan" ADD COLUMN "kind" "BackupPlanKind" NOT NULL DEFAULT 'BACKUP',
ADD COLUMN "reportUrl" TEXT;
