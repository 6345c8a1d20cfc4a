-- AlterTable
ALTER TABLE "AuthSession" ADD COLUMN "parentTokenExpiresAt" TIMESTAMP(3);
