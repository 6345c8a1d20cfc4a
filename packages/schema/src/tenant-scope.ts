import type { Prisma, PrismaClient } from "@mspgraph/db";
import { forbidden } from "./errors.js";
import type { Principal } from "./principal.js";

/** The slice of data a principal may touch. `platform` is the vendor's support reach. */
export type TenantScope =
  | { kind: "platform" }
  | { kind: "partner"; partnerId: string }
  | { kind: "client"; partnerId: string; clientId: string }
  | { kind: "none" };

export function scopeOf(principal: Principal): TenantScope {
  if (principal.kind === "client") return { kind: "client", partnerId: principal.partnerId, clientId: principal.clientId };
  if (principal.kind === "staff") return principal.partnerId ? { kind: "partner", partnerId: principal.partnerId } : { kind: "platform" };
  if (principal.kind === "apiKey") return { kind: "partner", partnerId: principal.partnerId };
  return { kind: "none" };
}

/**
 * The partner a staff user or API key acts for; FORBIDDEN for platform admins (they act on
 * a partner's settings by impersonating it) and for client users.
 */
export function callerPartnerId(principal: Principal): string {
  if ((principal.kind === "staff" || principal.kind === "apiKey") && principal.partnerId) return principal.partnerId;
  throw forbidden();
}

// Models that carry partnerId / clientId. Identity tables (sessions, tokens, throttles)
// are absent on purpose: the scoped client refuses them; only the auth code reaches them.
const PARTNER_OWNED = new Set(["SyncroCustomerLink", "Msp360CompanyLink", "BackupPlan", "Client", "StaffUser", "ClientUser", "Site", "Agent", "Alert", "Document", "AuditEvent", "ApiKey", "IntegrationConnection", "IntegrationEvent", "Ticket", "TicketComment", "TimeEntry", "Product", "LineItem"]);
const CLIENT_OWNED = new Set(["BackupPlan", "ClientUser", "Site", "Agent", "Alert", "Document", "AuditEvent", "Ticket", "TicketComment", "LineItem"]);
// Partner-level settings a client user may never read, whatever the field rules say.
const PARTNER_ONLY = new Set(["SyncroCustomerLink", "Msp360CompanyLink", "ApiKey", "IntegrationConnection", "IntegrationEvent", "TimeEntry", "Product"]);
const TENANT_MODELS = new Set(["Partner", ...PARTNER_OWNED]);
// Columns a client user's queries never read, whatever the field rules say: a provider's raw
// error text is for staff (client users see the plan's state).
const STAFF_ONLY_COLUMNS: Record<string, string[]> = { BackupPlan: ["errorMessage"] };

/** The filter that keeps `model` inside `scope`; throws for models outside tenancy. */
export function scopeFilter(model: string, scope: TenantScope): Record<string, unknown> {
  if (!TENANT_MODELS.has(model)) {
    if (scope.kind === "platform") return {};
    throw forbidden();
  }
  switch (scope.kind) {
    case "platform":
      return {};
    case "none":
      throw forbidden();
    case "partner":
      return model === "Partner" ? { id: scope.partnerId } : { partnerId: scope.partnerId };
    case "client":
      if (PARTNER_ONLY.has(model)) throw forbidden();
      if (model === "Partner") return { id: scope.partnerId };
      if (model === "Client") return { id: scope.clientId, partnerId: scope.partnerId };
      if (model === "Document") return { partnerId: scope.partnerId, clientId: scope.clientId, visibility: "CLIENT" };
      // Internal notes never reach a client user, whatever the query asks.
      if (model === "TicketComment") return { partnerId: scope.partnerId, clientId: scope.clientId, hidden: false };
      // A client's trail holds its users' acts and the staff acts they see anyway, nothing staff-only.
      if (model === "AuditEvent") return { partnerId: scope.partnerId, clientId: scope.clientId, clientVisible: true };
      if (CLIENT_OWNED.has(model)) return { partnerId: scope.partnerId, clientId: scope.clientId };
      return { partnerId: scope.partnerId };
  }
}

const FILTERED_OPERATIONS = new Set([
  "findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "count", "aggregate", "groupBy",
  "update", "updateMany", "updateManyAndReturn", "delete", "deleteMany", "upsert",
]);
const CREATE_OPERATIONS = new Set(["create", "createMany", "createManyAndReturn", "upsert"]);

// A new row must name the scope's own tenant; a missing tenant column is filled in.
function checkCreateData(data: Record<string, unknown>, filter: Record<string, unknown>): Record<string, unknown> {
  const result = { ...data };
  for (const [column, value] of Object.entries(filter)) {
    if (column === "id" || column === "visibility") continue;
    if (result[column] === undefined) result[column] = value;
    else if (result[column] !== value) throw forbidden();
  }
  return result;
}

type OperationArgs = { where?: Record<string, unknown>; data?: unknown; create?: Record<string, unknown>; select?: Record<string, unknown>; omit?: Record<string, unknown> };

const READ_OPERATIONS = new Set(["findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany"]);

// Prisma refuses `omit` beside `select`: a selection simply loses the column instead.
function withoutColumns(args: OperationArgs, columns: string[]): OperationArgs {
  if (args.select) return { ...args, select: Object.fromEntries(Object.entries(args.select).filter(([key]) => !columns.includes(key))) };
  return { ...args, omit: { ...args.omit, ...Object.fromEntries(columns.map((column) => [column, true])) } };
}

/**
 * A Prisma client that adds the scope's tenant filter to every query on a tenant model
 * and refuses to create rows in another tenant.
 * @remarks Nested writes are not rewritten: resolvers write tenant rows with top-level
 * calls only. Nested reads follow relations of rows already in scope, and the database's
 * composite foreign keys keep those inside the same partner and client.
 */
export function scopedPrisma(prisma: PrismaClient, scope: TenantScope): PrismaClient {
  if (scope.kind === "platform") return prisma;
  return prisma.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const filter = scopeFilter(model, scope);
          let next = { ...(args as OperationArgs) };
          if (FILTERED_OPERATIONS.has(operation)) {
            const where = next.where ?? {};
            const and = Array.isArray(where.AND) ? where.AND : where.AND ? [where.AND] : [];
            next.where = { ...where, AND: [...and, filter] };
          }
          if (CREATE_OPERATIONS.has(operation)) {
            if (operation === "upsert") next.create = checkCreateData(next.create ?? {}, filter);
            else if (Array.isArray(next.data)) next.data = next.data.map((row: Record<string, unknown>) => checkCreateData(row, filter));
            else next.data = checkCreateData((next.data ?? {}) as Record<string, unknown>, filter);
          }
          const hidden = scope.kind === "client" ? STAFF_ONLY_COLUMNS[model] : undefined;
          if (hidden && READ_OPERATIONS.has(operation)) next = withoutColumns(next, hidden);
          return query(next as Prisma.Args<unknown, "findMany">);
        },
      },
    },
  }) as unknown as PrismaClient;
}

/**
 * The row-visibility part of a scope (not the tenant columns) for `model`: nested relation
 * reads are not rewritten by the scoped client, so relation fields apply this themselves.
 */
export function visibilityFilter(model: "Document" | "TicketComment", principal: Principal): Record<string, unknown> {
  if (principal.kind !== "client") return {};
  return model === "Document" ? { visibility: "CLIENT" } : { hidden: false };
}
