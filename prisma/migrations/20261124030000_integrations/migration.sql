-- CreateEnum
CREATE TYPE "IntegrationStatus" AS ENUM ('OK', 'DEGRADED', 'FAILING', 'DISCONNECTED');

-- CreateTable
CREATE TABLE "IntegrationConnection" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "pluginId" TEXT NOT NULL,
    "status" "IntegrationStatus" NOT NULL DEFAULT 'OK',
    "config" JSONB NOT NULL,
    "credentialsCiphertext" TEXT,
    "credentialsUpdatedAt" TIMESTAMP(3),
    "lastSyncAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IntegrationConnection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IntegrationConnection_partnerId_pluginId_key" ON "IntegrationConnection"("partnerId", "pluginId");

-- AddForeignKey
ALTER TABLE "IntegrationConnection" ADD CONSTRAINT "IntegrationConnection_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

