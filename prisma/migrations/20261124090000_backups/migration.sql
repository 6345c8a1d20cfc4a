-- CreateEnum
CREATE TYPE "BackupState" AS ENUM ('OK', 'FAILED', 'MISSED', 'RUNNING', 'UNKNOWN');

-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "clientMessage" TEXT;

-- CreateTable
CREATE TABLE "BackupPlan" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "clientId" UUID,
    "agentId" UUID,
    "connectionId" UUID NOT NULL,
    "pluginId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "planName" TEXT NOT NULL,
    "computerName" TEXT NOT NULL,
    "companyName" TEXT NOT NULL,
    "state" "BackupState" NOT NULL,
    "providerStatus" TEXT NOT NULL,
    "lastStart" TIMESTAMP(3),
    "nextStart" TIMESTAMP(3),
    "errorMessage" TEXT,
    "filesCopied" INTEGER,
    "filesFailed" INTEGER,
    "bytesCopied" BIGINT,
    "durationSeconds" INTEGER,
    "alertId" UUID,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "stateChangedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BackupPlan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BackupPlan_alertId_key" ON "BackupPlan"("alertId");

-- CreateIndex
CREATE INDEX "BackupPlan_partnerId_clientId_idx" ON "BackupPlan"("partnerId", "clientId");

-- CreateIndex
CREATE INDEX "BackupPlan_partnerId_clientId_state_idx" ON "BackupPlan"("partnerId", "clientId", "state");

-- CreateIndex
CREATE INDEX "BackupPlan_agentId_idx" ON "BackupPlan"("agentId");

-- CreateIndex
CREATE INDEX "BackupPlan_connectionId_lastSeenAt_idx" ON "BackupPlan"("connectionId", "lastSeenAt");

-- CreateIndex
CREATE UNIQUE INDEX "BackupPlan_connectionId_externalId_key" ON "BackupPlan"("connectionId", "externalId");

-- AddForeignKey
ALTER TABLE "BackupPlan" ADD CONSTRAINT "BackupPlan_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BackupPlan" ADD CONSTRAINT "BackupPlan_clientId_partnerId_fkey" FOREIGN KEY ("clientId", "partnerId") REFERENCES "Client"("id", "partnerId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BackupPlan" ADD CONSTRAINT "BackupPlan_agentId_clientId_partnerId_fkey" FOREIGN KEY ("agentId", "clientId", "partnerId") REFERENCES "Agent"("id", "clientId", "partnerId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BackupPlan" ADD CONSTRAINT "BackupPlan_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "IntegrationConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BackupPlan" ADD CONSTRAINT "BackupPlan_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE SET NULL ON UPDATE CASCADE;
