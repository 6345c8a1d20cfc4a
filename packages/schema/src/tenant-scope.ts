import type { Prisma, PrismaClient } from "@mspgraph/db";
import { forbidden } from "./errors.js";
import type { Principal } from "./principal.js";
import type { ModelTenancy } from "./tenancy/define-tenancy.js";
import { type Tenancy, coreTenancy, coreTenancyOf } from "./tenancy/tenancy.js";

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

/**
 * The filter that keeps `model` inside `scope`, read from the model's tenancy declaration.
 * @remarks Fails closed: an undeclared or non-tenant model is refused to everyone but platform
 * admins, and a client user reaches only models declared for client users.
 */
export function scopeFilter(model: string, scope: TenantScope, tenancy: Tenancy = coreTenancy): Record<string, unknown> {
  if (scope.kind === "platform") return {};
  const declared = tenancy.get(model);
  if (!declared || declared.owner === "none" || scope.kind === "none") throw forbidden();
  const partner = { [declared.partnerColumn]: scope.partnerId };
  if (scope.kind === "partner") return partner;
  if (declared.owner === "partner") {
    if (declared.clientUsers !== "wholePartner") throw forbidden();
    return partner;
  }
  if (declared.clientUsers !== "ownClient") throw forbidden();
  return { ...partner, [declared.clientColumn]: scope.clientId, ...declared.clientRows };
}

const FILTERED_OPERATIONS = new Set([
  "findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "count", "aggregate", "groupBy",
  "update", "updateMany", "updateManyAndReturn", "delete", "deleteMany", "upsert",
]);
const CREATE_OPERATIONS = new Set(["create", "createMany", "createManyAndReturn", "upsert"]);

// A new row must be one the scope could read: its tenant columns (a missing one is filled in)
// and a client user's row filter. An `id` column is the row's own key, set by the database.
function checkCreateData(data: Record<string, unknown>, filter: Record<string, unknown>): Record<string, unknown> {
  const result = { ...data };
  for (const [column, value] of Object.entries(filter)) {
    if (column === "id") continue;
    if (result[column] === undefined) result[column] = value;
    else if (result[column] !== value) throw forbidden();
  }
  return result;
}

type OperationArgs = { where?: Record<string, unknown>; data?: unknown; create?: Record<string, unknown>; select?: Record<string, unknown>; omit?: Record<string, unknown> };

const READ_OPERATIONS = new Set(["findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany"]);

// Prisma refuses `omit` beside `select`: a selection simply loses the column instead.
function withoutColumns(args: OperationArgs, columns: readonly string[]): OperationArgs {
  if (args.select) return { ...args, select: Object.fromEntries(Object.entries(args.select).filter(([key]) => !columns.includes(key))) };
  return { ...args, omit: { ...args.omit, ...Object.fromEntries(columns.map((column) => [column, true])) } };
}

/**
 * A Prisma client that adds the scope's tenant filter to every query on a tenant model
 * and refuses to create rows in another tenant.
 * @remarks Nested writes are not rewritten: resolvers write tenant rows with top-level
 * calls only. Nested reads follow relations of rows already in scope, and the database's
 * composite foreign keys keep those inside the same partner and client.
 * @param tenancy the declarations it reads (`tenancyOf(plugins)`); by default the core's
 * alone, which leaves every plugin's models refused
 */
export function scopedPrisma(prisma: PrismaClient, scope: TenantScope, tenancy: Tenancy = coreTenancy): PrismaClient {
  if (scope.kind === "platform") return prisma;
  return prisma.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const filter = scopeFilter(model, scope, tenancy);
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
          const hidden = scope.kind === "client" ? staffOnlyColumns(tenancy.get(model)) : undefined;
          if (hidden && READ_OPERATIONS.has(operation)) next = withoutColumns(next, hidden);
          return query(next as Prisma.Args<unknown, "findMany">);
        },
      },
    },
  }) as unknown as PrismaClient;
}

const staffOnlyColumns = (declared: ModelTenancy | undefined) => (declared && declared.owner !== "none" ? declared.staffOnlyColumns : undefined);

/**
 * The row-visibility part of a client user's scope (not the tenant columns) for `model`, as
 * declared: nested relation reads are not rewritten by the scoped client, so relation fields
 * apply this themselves.
 */
export function visibilityFilter(model: Prisma.ModelName, principal: Principal): Record<string, unknown> {
  if (principal.kind !== "client") return {};
  const declared = coreTenancyOf(model);
  return declared.owner === "client" ? { ...declared.clientRows } : {};
}
