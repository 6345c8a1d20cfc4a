-- AlterTable
ALTER TABLE "IntegrationConnection" ADD COLUMN     "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "stateCiphertext" TEXT,
ADD COLUMN     "syncProgress" JSONB;

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "ticketProvider" TEXT NOT NULL DEFAULT 'psa';

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "statusLabel" TEXT;

-- AlterTable
ALTER TABLE "TicketComment" ADD COLUMN     "externalId" TEXT;

-- AlterTable
ALTER TABLE "TimeEntry" ADD COLUMN     "externalId" TEXT;

-- AlterTable
ALTER TABLE "LineItem" ADD COLUMN     "externalId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_partnerId_provider_externalId_key" ON "Ticket"("partnerId", "provider", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "TicketComment_ticketId_externalId_key" ON "TicketComment"("ticketId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "TimeEntry_ticketId_externalId_key" ON "TimeEntry"("ticketId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "LineItem_ticketId_externalId_key" ON "LineItem"("ticketId", "externalId");

