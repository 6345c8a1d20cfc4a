import type { Database, PrismaClient } from "@mspgraph/db";
import type { Principal } from "./principal.js";

/** Facts about the HTTP request a resolver may need (audit, throttling). */
export type RequestInfo = { ip: string; userAgent: string };

/** The per-request context every resolver and shield rule receives. */
export type GraphQLContext = {
  requestId: string;
  principal: Principal;
  /** Tenant-scoped Prisma client: every query on a tenant model is limited to the principal's reach. */
  db: PrismaClient;
  database: Database;
  request: RequestInfo;
};
