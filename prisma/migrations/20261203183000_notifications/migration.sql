-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('TICKET_OPENED', 'TICKET_CLIENT_REPLY', 'TICKET_REPLY', 'TICKET_RESOLVED', 'ALERT_RAISED', 'ALERT_RESOLVED', 'BACKUP_FAILED', 'BACKUP_RECOVERED');

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "onCallEmails" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "ticketQueueEmails" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "clientId" UUID,
    "staffUserId" UUID,
    "clientUserId" UUID,
    "eventId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "title" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "clientId" UUID,
    "staffUserId" UUID,
    "clientUserId" UUID,
    "emailOff" "NotificationKind"[] DEFAULT ARRAY[]::"NotificationKind"[],
    "inAppOff" "NotificationKind"[] DEFAULT ARRAY[]::"NotificationKind"[],
    "allClientTickets" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationMail" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "clientId" UUID,
    "topic" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "items" JSONB NOT NULL,
    "sendAfter" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationMail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_staffUserId_readAt_createdAt_idx" ON "Notification"("staffUserId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_clientUserId_readAt_createdAt_idx" ON "Notification"("clientUserId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationPreference_staffUserId_key" ON "NotificationPreference"("staffUserId");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationPreference_clientUserId_key" ON "NotificationPreference"("clientUserId");

-- CreateIndex
CREATE INDEX "NotificationMail_sentAt_sendAfter_idx" ON "NotificationMail"("sentAt", "sendAfter");

-- CreateIndex
CREATE INDEX "NotificationMail_topic_recipient_createdAt_idx" ON "NotificationMail"("topic", "recipient", "createdAt");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_clientUserId_fkey" FOREIGN KEY ("clientUserId") REFERENCES "ClientUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_clientUserId_fkey" FOREIGN KEY ("clientUserId") REFERENCES "ClientUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationMail" ADD CONSTRAINT "NotificationMail_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

