import type { PrismaClient } from "@mspgraph/db";
import { isUniqueViolation } from "../objects/user-error.js";

// Numbers are sequential per partner; a race for the same number is retried.
export async function createWithNumber(db: PrismaClient, data: Omit<Parameters<PrismaClient["ticket"]["create"]>[0]["data"], "number"> & { partnerId: string }) {
  for (let attempt = 0; ; attempt++) {
    const last = await db.ticket.aggregate({ where: { partnerId: data.partnerId }, _max: { number: true } });
    try {
      return await db.ticket.create({ data: { ...data, number: (last._max.number ?? 0) + 1 } as never, select: { id: true } });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 4) throw error;
    }
  }
}

