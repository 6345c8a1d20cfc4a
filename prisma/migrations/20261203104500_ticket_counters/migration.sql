-- CreateTable
CREATE TABLE "TicketCounter" (
    "partnerId" UUID NOT NULL,
    "lastNumber" INTEGER NOT NULL,

    CONSTRAINT "TicketCounter_pkey" PRIMARY KEY ("partnerId")
);

-- AddForeignKey
ALTER TABLE "TicketCounter" ADD CONSTRAINT "TicketCounter_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing partners go on from their highest ticket number (by hand: data, not schema).
INSERT INTO "TicketCounter" ("partnerId", "lastNumber")
SELECT "partnerId", MAX("number") FROM "Ticket" GROUP BY "partnerId";
