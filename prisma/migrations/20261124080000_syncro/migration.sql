-- CreateTable
CREATE TABLE "SyncroCustomerLink" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "connectionId" UUID NOT NULL,
    "customerId" INTEGER NOT NULL,
    "customerName" TEXT NOT NULL,
    "clientId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncroCustomerLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SyncroCustomerLink_partnerId_clientId_idx" ON "SyncroCustomerLink"("partnerId", "clientId");

-- CreateIndex
CREATE UNIQUE INDEX "SyncroCustomerLink_connectionId_customerId_key" ON "SyncroCustomerLink"("connectionId", "customerId");

-- CreateIndex
CREATE UNIQUE INDEX "SyncroCustomerLink_connectionId_clientId_key" ON "SyncroCustomerLink"("connectionId", "clientId");

-- AddForeignKey (by hand: the plugin's model declares no relations)
ALTER TABLE "SyncroCustomerLink" ADD CONSTRAINT "SyncroCustomerLink_clientId_partnerId_fkey" FOREIGN KEY ("clientId", "partnerId") REFERENCES "Client"("id", "partnerId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SyncroCustomerLink" ADD CONSTRAINT "SyncroCustomerLink_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "IntegrationConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
