-- CreateTable
CREATE TABLE "SyncroRateLimit" (
    "egress" TEXT NOT NULL,
    "nextSlotMs" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncroRateLimit_pkey" PRIMARY KEY ("egress")
);
