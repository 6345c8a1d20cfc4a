import { or } from "graphql-shield";
import { staffDetail } from "../audit/client-view.js";
import { verifyAuditChains } from "../audit/verify.js";
import { builder } from "../builder.js";
import { addRules, allow } from "../permissions.js";
import { isClientAdmin, isPartnerManager, isPlatformAdmin } from "../rules/roles.js";
import { idOf, nodeLookup } from "./global-id.js";
import { startsWithText } from "./text-match.js";

const AuditOutcomeEnum = builder.enumType("AuditOutcome", { values: ["SUCCESS", "FAILURE"] as const });

export const AuditEventRef = builder.prismaNode("AuditEvent", {
  id: { field: "id" },
  ...nodeLookup,
  description: "One entry of the tamper-evident audit trail. Client users see staff by name only: no staff id, email, IP, user agent or impersonation path.",
  fields: (t) => ({
    at: t.expose("at", { type: "DateTime" }),
    action: t.exposeString("action", { description: "e.g. auth.login, impersonation.started, mutation.updateClient" }),
    outcome: t.field({ type: AuditOutcomeEnum, resolve: (e) => e.outcome as "SUCCESS" | "FAILURE" }),
    actorType: t.exposeString("actorType", { description: "STAFF, CLIENT, API_KEY or ANONYMOUS" }),
    actorId: t.string({ nullable: true, resolve: (e, _a, { principal }) => staffDetail(principal, e, e.actorId) }),
    actorLabel: t.string({
      nullable: true,
      description: "Who acted: their email (the sign-in name given, for a failed sign-in) or the API key's name; for client users, staff show by name",
      resolve: (e, _a, { principal }) => staffDetail(principal, e, e.actorLabel) ?? (e.actorType === "STAFF" ? (e.actorName ?? "Staff") : e.actorType === "API_KEY" ? "API key" : null),
    }),
    actorName: t.string({
      nullable: true,
      description: "The actor's display name, when they had one",
      resolve: (e, _a, { principal }) => (principal.kind === "client" && e.actorType === "API_KEY" ? null : e.actorName),
    }),
    impersonationChain: t.string({
      nullable: true,
      description: "JSON: the impersonation path when the actor was impersonating",
      resolve: (e, _a, { principal }) => staffDetail(principal, e, e.impersonation ? JSON.stringify(e.impersonation) : null),
    }),
    partnerId: t.exposeString("partnerId", { nullable: true }),
    clientId: t.exposeString("clientId", { nullable: true }),
    targetType: t.exposeString("targetType", { nullable: true }),
    targetId: t.exposeString("targetId", { nullable: true }),
    ip: t.string({ nullable: true, resolve: (e, _a, { principal }) => staffDetail(principal, e, e.ip) }),
    userAgent: t.string({ nullable: true, resolve: (e, _a, { principal }) => staffDetail(principal, e, e.userAgent) }),
    metadata: t.string({ description: "JSON: the arguments' names (`fields`) and the values of their ids, enums and flags (`values`); never text or secrets", resolve: (e) => JSON.stringify(e.metadata) }),
    chain: t.exposeString("chain"),
    seq: t.exposeInt("seq"),
    hash: t.exposeString("hash"),
  }),
});

const AuditEventFilter = builder.inputType("AuditEventFilter", {
  fields: (t) => ({
    action: t.string({ required: false, description: "Exact action, or a prefix ending in * (auth.*)" }),
    actorId: t.string({ required: false }),
    clientId: t.id({ required: false }),
    from: t.field({ type: "DateTime", required: false }),
    to: t.field({ type: "DateTime", required: false }),
  }),
});

type TAuditFilter = { action?: string | null; actorId?: string | null; clientId?: string | number | null; from?: Date | null; to?: Date | null } | null | undefined;

function auditWhere(filter: TAuditFilter) {
  const action = filter?.action;
  return {
    ...(action ? (action.endsWith("*") ? { action: startsWithText(action.slice(0, -1)) } : { action }) : {}),
    ...(filter?.actorId ? { actorId: filter.actorId } : {}),
    ...(filter?.clientId ? { clientId: idOf(String(filter.clientId), "Client", "filter.clientId") } : {}),
    ...(filter?.from || filter?.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
  };
}

builder.queryField("auditEvents", (t) =>
  t.prismaConnection({
    type: "AuditEvent",
    cursor: "id",
    description: "The audit trail, newest first: platform admins see all, partner OWNER/ADMIN their partner's, client ADMIN their own users' acts and the staff acts they see anyway (see docs/api.md)",
    args: { filter: t.arg({ type: AuditEventFilter, required: false }) },
    resolve: (query, _root, { filter }, { db }) => db.auditEvent.findMany({ ...query, where: auditWhere(filter), orderBy: [{ at: "desc" }, { id: "asc" }] }),
    totalCount: (_root, { filter }, { db }) => db.auditEvent.count({ where: auditWhere(filter) }),
  }),
);

type Report = Awaited<ReturnType<typeof verifyAuditChains>>;
const BrokenLinkRef = builder.objectRef<NonNullable<Report["firstBroken"]>>("AuditChainBreak").implement({
  fields: (t) => ({
    chain: t.exposeString("chain", { description: "A partner id, or platform" }),
    seq: t.exposeInt("seq"),
    eventId: t.exposeString("eventId", { nullable: true }),
    reason: t.exposeString("reason"),
  }),
});
const AuditChainReportRef = builder.objectRef<Report>("AuditChainReport").implement({
  fields: (t) => ({
    ok: t.exposeBoolean("ok"),
    chainsChecked: t.exposeInt("chainsChecked"),
    eventsChecked: t.exposeInt("eventsChecked"),
    firstBroken: t.field({ type: BrokenLinkRef, nullable: true, resolve: (r) => r.firstBroken }),
  }),
});

builder.queryField("verifyAuditChain", (t) =>
  t.field({
    type: AuditChainReportRef,
    description: "Recomputes every audit hash chain under the audit key and names the first broken link (platform admins)",
    resolve: (_root, _args, { database, auditKey }) => verifyAuditChains(database.prisma, auditKey),
  }),
);

addRules({
  Query: { auditEvents: or(isPlatformAdmin, isPartnerManager, isClientAdmin), verifyAuditChain: isPlatformAdmin },
  AuditEvent: { "*": or(isPlatformAdmin, isPartnerManager, isClientAdmin) },
  AuditChainReport: { "*": allow },
  AuditChainBreak: { "*": allow },
});
