-- CreateEnum
CREATE TYPE "IntegrationEventStatus" AS ENUM ('PENDING', 'PROCESSING', 'DONE', 'DEAD');

-- AlterTable
ALTER TABLE "IntegrationConnection" ADD COLUMN     "webhookSecretCiphertext" TEXT;

-- CreateTable
CREATE TABLE "IntegrationEvent" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "connectionId" UUID NOT NULL,
    "pluginId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "providerEventId" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "IntegrationEventStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 6,
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "processedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IntegrationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IntegrationEvent_status_runAt_idx" ON "IntegrationEvent"("status", "runAt");

-- CreateIndex
CREATE INDEX "IntegrationEvent_partnerId_status_createdAt_idx" ON "IntegrationEvent"("partnerId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IntegrationEvent_connectionId_providerEventId_key" ON "IntegrationEvent"("connectionId", "providerEventId");

-- AddForeignKey
ALTER TABLE "IntegrationEvent" ADD CONSTRAINT "IntegrationEvent_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "IntegrationConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

