import { z } from "zod";
import { recordAuditEvent } from "../audit/record.js";
import { type ImpersonationSubject, resumeParentSession, startImpersonationSession } from "../auth/impersonation.js";
import { revokeSession } from "../auth/sessions.js";
import { builder } from "../builder.js";
import { apiError, forbidden, notFound } from "../errors.js";
import { addRules, allow } from "../permissions.js";
import { isPerson, mayImpersonate } from "../rules/roles.js";
import { actAs } from "../context.js";
import { idOf } from "./global-id.js";
import { type TUserError, UserErrorRef, zodUserErrors } from "./user-error.js";
import { type ViewerShape, ViewerRef, loadViewer } from "./viewer.js";

type ImpersonationPayload = { accessToken: string | null; expiresAt: Date | null; viewer: ViewerShape | null; userErrors: TUserError[] };

const ImpersonationPayloadRef = builder.objectRef<ImpersonationPayload>("ImpersonationPayload").implement({
  description: "Use `accessToken` instead of your own until `expiresAt` or stopImpersonation. There is no refresh token: keep your own.",
  fields: (t) => ({
    accessToken: t.exposeString("accessToken", { nullable: true }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
    viewer: t.field({ type: ViewerRef, nullable: true, resolve: (p) => p.viewer }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

const StartImpersonationInput = builder.inputType("StartImpersonationInput", {
  fields: (t) => ({
    partnerId: t.id({ required: false, description: "Platform admins: the partner to act as (its ADMIN)" }),
    clientId: t.id({ required: false, description: "Partner OWNER/ADMIN: one of your clients to act as (its ADMIN)" }),
    reason: t.string({ required: true, description: "Why, for the audit trail (e.g. a support ticket number)" }),
  }),
});

const ZReason = z.object({ reason: z.string().trim().min(3, "say why, in at least 3 characters").max(500) });

builder.mutationFields((t) => ({
  startImpersonation: t.field({
    type: ImpersonationPayloadRef,
    description: "Token exchange: a 30-minute session acting as a partner's ADMIN (platform admins) or a client's ADMIN (partner OWNER/ADMIN)",
    args: { input: t.arg({ type: StartImpersonationInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<ImpersonationPayload> => {
      const { principal, database } = context;
      if (principal.kind !== "staff") throw forbidden();
      const parsed = ZReason.safeParse(input);
      if (!parsed.success) return { accessToken: null, expiresAt: null, viewer: null, userErrors: zodUserErrors(parsed.error) };
      if (Boolean(input.partnerId) === Boolean(input.clientId)) {
        return { accessToken: null, expiresAt: null, viewer: null, userErrors: [{ field: "partnerId", message: "name exactly one of partnerId and clientId", code: "BAD_USER_INPUT" }] };
      }
      let subject: ImpersonationSubject;
      if (input.partnerId) {
        // Only a platform admin acting as themselves takes on a partner.
        if (principal.role !== "PLATFORM_ADMIN") throw forbidden();
        const partner = await context.db.partner.findUnique({ where: { id: idOf(String(input.partnerId), "Partner", "partnerId") } });
        if (!partner) throw notFound("Partner");
        if (partner.suspendedAt) {
          return { accessToken: null, expiresAt: null, viewer: null, userErrors: [{ field: "partnerId", message: `${partner.name} is suspended: reactivate it to view as it`, code: "PARTNER_SUSPENDED" }] };
        }
        subject = { type: "PARTNER", partnerId: partner.id, name: partner.name };
      } else {
        // A platform admin reaches clients through the partner: impersonate it first.
        if (principal.role === "PLATFORM_ADMIN") throw apiError("FORBIDDEN", "Impersonate the client's partner first, then the client");
        const client = await context.db.client.findUnique({ where: { id: idOf(String(input.clientId), "Client", "clientId") } });
        if (!client || client.archivedAt) throw notFound("Client");
        subject = { type: "CLIENT", partnerId: client.partnerId, clientId: client.id, name: client.name };
      }
      const current = await loadViewer(context);
      const session = await startImpersonationSession({
        prisma: database.prisma,
        config: context.auth,
        actor: principal,
        actorName: current?.name ?? "unknown",
        subject,
        reason: parsed.data.reason,
        request: context.request,
      });
      await recordAuditEvent(context, {
        action: "impersonation.started",
        outcome: "SUCCESS",
        principal,
        target: { type: subject.type === "PARTNER" ? "Partner" : "Client", id: subject.type === "PARTNER" ? subject.partnerId : subject.clientId, partnerId: subject.partnerId, clientId: subject.type === "CLIENT" ? subject.clientId : null },
        metadata: { reason: parsed.data.reason, chain: session.chain, expiresAt: session.expiresAt },
        request: context.request,
      });
      const next = await actAs(context, session.accessToken);
      return { accessToken: session.accessToken, expiresAt: session.expiresAt, viewer: await loadViewer(context, next), userErrors: [] };
    },
  }),
  stopImpersonation: t.field({
    type: ImpersonationPayloadRef,
    description:
      "Ends the current impersonation and returns a token for the session it was started from, expiring no later than the token you started it with; null when that has expired (refresh your own session)",
    resolve: async (_root, _args, context): Promise<ImpersonationPayload> => {
      const { principal, database } = context;
      if ((principal.kind !== "staff" && principal.kind !== "client") || !principal.impersonation) {
        return { accessToken: null, expiresAt: null, viewer: null, userErrors: [{ field: null, message: "you are not impersonating anyone", code: "CONFLICT" }] };
      }
      context.events.publish("sessionsEnded", { sessionIds: await revokeSession(database.prisma, principal.sessionId, "impersonation stopped") });
      await recordAuditEvent(context, {
        action: "impersonation.stopped",
        outcome: "SUCCESS",
        principal,
        target: { type: principal.kind === "client" ? "Client" : "Partner", id: principal.kind === "client" ? principal.clientId : principal.partnerId!, partnerId: principal.partnerId, clientId: principal.kind === "client" ? principal.clientId : null },
        metadata: { chain: principal.impersonation.chain },
        request: context.request,
      });
      const parent = await resumeParentSession({
        prisma: database.prisma,
        config: context.auth,
        parentSessionId: principal.impersonation.parentSessionId,
        notAfter: principal.impersonation.parentTokenExpiresAt,
      });
      if (!parent) return { accessToken: null, expiresAt: null, viewer: null, userErrors: [] };
      const next = await actAs(context, parent.accessToken);
      return { accessToken: parent.accessToken, expiresAt: parent.expiresAt, viewer: await loadViewer(context, next), userErrors: [] };
    },
  }),
}));

addRules({
  Mutation: { startImpersonation: mayImpersonate, stopImpersonation: isPerson },
  ImpersonationPayload: { "*": allow },
});
