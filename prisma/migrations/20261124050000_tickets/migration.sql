-- CreateEnum
CREATE TYPE "TicketStatus" AS ENUM ('NEW', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'SCHEDULED', 'RESOLVED', 'CLOSED');

-- CreateEnum
CREATE TYPE "TicketPriority" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT');

-- CreateTable
CREATE TABLE "Ticket" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "provider" TEXT NOT NULL DEFAULT 'psa',
    "subject" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "TicketStatus" NOT NULL DEFAULT 'NEW',
    "priority" "TicketPriority" NOT NULL DEFAULT 'NORMAL',
    "contactId" UUID,
    "assigneeId" UUID,
    "createdByStaffId" UUID,
    "createdByClientUserId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketComment" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "tech" TEXT NOT NULL,
    "authorStaffId" UUID,
    "authorClientUserId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimeEntry" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "staffUserId" UUID NOT NULL,
    "minutes" INTEGER NOT NULL,
    "billable" BOOLEAN NOT NULL DEFAULT true,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TimeEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "sku" TEXT,
    "unitPrice" DECIMAL(12,2) NOT NULL,
    "costPrice" DECIMAL(12,2) NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LineItem" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "productId" UUID,
    "name" TEXT NOT NULL,
    "quantity" DECIMAL(12,2) NOT NULL,
    "unitPrice" DECIMAL(12,2) NOT NULL,
    "costPrice" DECIMAL(12,2) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LineItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Ticket_partnerId_clientId_status_idx" ON "Ticket"("partnerId", "clientId", "status");

-- CreateIndex
CREATE INDEX "Ticket_partnerId_status_updatedAt_idx" ON "Ticket"("partnerId", "status", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_partnerId_number_key" ON "Ticket"("partnerId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_id_clientId_partnerId_key" ON "Ticket"("id", "clientId", "partnerId");

-- CreateIndex
CREATE INDEX "TicketComment_partnerId_clientId_ticketId_idx" ON "TicketComment"("partnerId", "clientId", "ticketId");

-- CreateIndex
CREATE INDEX "TimeEntry_partnerId_clientId_ticketId_idx" ON "TimeEntry"("partnerId", "clientId", "ticketId");

-- CreateIndex
CREATE UNIQUE INDEX "Product_partnerId_name_key" ON "Product"("partnerId", "name");

-- CreateIndex
CREATE INDEX "LineItem_partnerId_clientId_ticketId_idx" ON "LineItem"("partnerId", "clientId", "ticketId");

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_clientId_partnerId_fkey" FOREIGN KEY ("clientId", "partnerId") REFERENCES "Client"("id", "partnerId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "ClientUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketComment" ADD CONSTRAINT "TicketComment_ticketId_clientId_partnerId_fkey" FOREIGN KEY ("ticketId", "clientId", "partnerId") REFERENCES "Ticket"("id", "clientId", "partnerId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_ticketId_clientId_partnerId_fkey" FOREIGN KEY ("ticketId", "clientId", "partnerId") REFERENCES "Ticket"("id", "clientId", "partnerId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineItem" ADD CONSTRAINT "LineItem_ticketId_clientId_partnerId_fkey" FOREIGN KEY ("ticketId", "clientId", "partnerId") REFERENCES "Ticket"("id", "clientId", "partnerId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineItem" ADD CONSTRAINT "LineItem_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE SET NULL ON UPDATE CASCADE;

