-- CreateTable
CREATE TABLE "Msp360CompanyLink" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "connectionId" UUID NOT NULL,
    "companyName" TEXT NOT NULL,
    "clientId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Msp360CompanyLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Msp360CompanyLink_partnerId_clientId_idx" ON "Msp360CompanyLink"("partnerId", "clientId");

-- CreateIndex
CREATE UNIQUE INDEX "Msp360CompanyLink_connectionId_companyName_key" ON "Msp360CompanyLink"("connectionId", "companyName");

-- AddForeignKey (by hand: the plugin's model declares no relations)
ALTER TABLE "Msp360CompanyLink" ADD CONSTRAINT "Msp360CompanyLink_clientId_partnerId_fkey" FOREIGN KEY ("clientId", "partnerId") REFERENCES "Client"("id", "partnerId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Msp360CompanyLink" ADD CONSTRAINT "Msp360CompanyLink_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "IntegrationConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
