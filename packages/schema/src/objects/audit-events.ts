import { or } from "graphql-shield";
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
  description: "One entry of the tamper-evident audit trail",
  fields: (t) => ({
    at: t.expose("at", { type: "DateTime" }),
    action: t.exposeString("action", { description: "e.g. auth.login, impersonation.started, mutation.updateClient" }),
    outcome: t.field({ type: AuditOutcomeEnum, resolve: (e) => e.outcome as "SUCCESS" | "FAILURE" }),
    actorType: t.exposeString("actorType", { description: "STAFF, CLIENT, API_KEY or ANONYMOUS" }),
    actorId: t.exposeString("actorId", { nullable: true }),
    actorLabel: t.exposeString("actorLabel", { nullable: true }),
    impersonationChain: t.string({ nullable: true, description: "JSON: the impersonation path when the actor was impersonating", resolve: (e) => (e.impersonation ? JSON.stringify(e.impersonation) : null) }),
    partnerId: t.exposeString("partnerId", { nullable: true }),
    clientId: t.exposeString("clientId", { nullable: true }),
    targetType: t.exposeString("targetType", { nullable: true }),
    targetId: t.exposeString("targetId", { nullable: true }),
    ip: t.exposeString("ip", { nullable: true }),
    userAgent: t.exposeString("userAgent", { nullable: true }),
    metadata: t.string({ description: "JSON, with secrets redacted", resolve: (e) => JSON.stringify(e.metadata) }),
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
    description: "The audit trail, newest first: platform admins see all, partner OWNER/ADMIN their partner's, client ADMIN their client's",
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
    description: "Recomputes every audit hash chain and names the first broken link (platform admins)",
    resolve: (_root, _args, { database }) => verifyAuditChains(database.prisma),
  }),
);

addRules({
  Query: { auditEvents: or(isPlatformAdmin, isPartnerManager, isClientAdmin), verifyAuditChain: isPlatformAdmin },
  AuditEvent: { "*": or(isPlatformAdmin, isPartnerManager, isClientAdmin) },
  AuditChainReport: { "*": allow },
  AuditChainBreak: { "*": allow },
});
