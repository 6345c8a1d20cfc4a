import { z } from "zod";
import { setAuditNote } from "../audit/mutation-audit.js";
import { partnerSessionIds } from "../auth/suspension.js";
import { builder } from "../builder.js";
import type { GraphQLContext } from "../context.js";
import { notFound } from "../errors.js";
import { partnerLastActivity } from "../loaders/partner-activity.js";
import { addRules, allow } from "../permissions.js";
import { isPlatformAdmin } from "../rules/roles.js";
import { idOf } from "./global-id.js";
import { PartnerRef } from "./partner.js";
import { type TUserError, UserErrorRef, zodUserErrors } from "./user-error.js";

builder.prismaObjectFields(PartnerRef, (t) => ({
  suspendedAt: t.expose("suspendedAt", {
    type: "DateTime",
    nullable: true,
    description: "Platform admins only: when a platform admin suspended the partner (its staff, client users and API keys are refused); null while it is active",
  }),
  lastActivityAt: t.field({
    type: "DateTime",
    nullable: true,
    description: "Platform admins only: when its staff, its client users or its API keys were last used (sessions count from sign-in and each refresh); null when never",
    resolve: (partner, _args, context) => partnerLastActivity(context).load(partner.id),
  }),
}));

export type PartnerPayload = { partner: { id: string } | null; userErrors: TUserError[] };

export const PartnerPayloadRef = builder.objectRef<PartnerPayload>("PartnerPayload").implement({
  fields: (t) => ({
    partner: t.prismaField({
      type: PartnerRef,
      nullable: true,
      resolve: (query, payload, _args, { db }) => (payload.partner ? db.partner.findUnique({ ...query, where: { id: payload.partner.id } }) : null),
    }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

const SuspendPartnerInput = builder.inputType("SuspendPartnerInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    reason: t.string({ required: false, description: "Why, for the audit trail (e.g. a contract or ticket reference)" }),
  }),
});
const ReactivatePartnerInput = builder.inputType("ReactivatePartnerInput", { fields: (t) => ({ id: t.id({ required: true }) }) });

const ZSuspendPartnerInput = z.object({ reason: z.string().trim().max(500, "must be at most 500 characters").nullish() });

/** Sets or clears `suspendedAt` when it is not already so; false when nothing changed. */
async function setSuspended(context: GraphQLContext, id: string, suspended: boolean): Promise<boolean> {
  if (!(await context.db.partner.findUnique({ where: { id }, select: { id: true } }))) throw notFound("Partner");
  const { count } = await context.db.partner.updateMany({
    where: { id, suspendedAt: suspended ? null : { not: null } },
    data: { suspendedAt: suspended ? new Date() : null },
  });
  return count === 1;
}

builder.mutationFields((t) => ({
  suspendPartner: t.field({
    type: PartnerPayloadRef,
    description:
      "Suspends a partner (platform admins): from the next request its staff's and client users' tokens, its API keys and sign-ins are refused (PARTNER_SUSPENDED) and open subscriptions end. Nothing is deleted or revoked: reactivatePartner restores access.",
    args: { input: t.arg({ type: SuspendPartnerInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<PartnerPayload> => {
      const id = idOf(String(input.id), "Partner");
      const parsed = ZSuspendPartnerInput.safeParse(input);
      if (!parsed.success) return { partner: null, userErrors: zodUserErrors(parsed.error) };
      if (!(await setSuspended(context, id, true))) return { partner: { id }, userErrors: [{ field: "id", message: "the partner is already suspended", code: "CONFLICT" }] };
      if (parsed.data.reason) setAuditNote(context, { reason: parsed.data.reason });
      // Streams in this instance end now; other instances' end at their next periodic check.
      context.events.publish("sessionsEnded", { sessionIds: await partnerSessionIds(context.database.prisma, id) });
      return { partner: { id }, userErrors: [] };
    },
  }),
  reactivatePartner: t.field({
    type: PartnerPayloadRef,
    description: "Ends a partner's suspension (platform admins): its people sign in again, and the sessions and API keys it had work again",
    args: { input: t.arg({ type: ReactivatePartnerInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<PartnerPayload> => {
      const id = idOf(String(input.id), "Partner");
      if (!(await setSuspended(context, id, false))) return { partner: { id }, userErrors: [{ field: "id", message: "the partner is not suspended", code: "CONFLICT" }] };
      return { partner: { id }, userErrors: [] };
    },
  }),
}));

addRules({
  Mutation: { suspendPartner: isPlatformAdmin, reactivatePartner: isPlatformAdmin },
  Partner: { suspendedAt: isPlatformAdmin, lastActivityAt: isPlatformAdmin },
  PartnerPayload: { "*": allow },
});
