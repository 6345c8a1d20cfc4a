import { builder } from "../builder.js";
import type { GraphQLContext } from "../context.js";
import { notFound } from "../errors.js";
import { addRules, allow } from "../permissions.js";
import { idOf } from "./global-id.js";
import { acceptInvitation, handBack } from "./invitations.js";
import { issueStaffInvitation, revokeStaffInvitation } from "./staff-invitation.js";
import { type StaffUserPayload, StaffUserPayloadRef } from "./staff-mutations.js";
import { managesStaff, ownerTargetErrors, staffCaller } from "./staff-rules.js";
import { type TUserError, UserErrorRef } from "./user-error.js";

const StaffInvitationInput = builder.inputType("StaffInvitationInput", {
  fields: (t) => ({ staffUserId: t.id({ required: true, description: "The invited staff member" }) }),
});
const AcceptStaffInvitationInput = builder.inputType("AcceptStaffInvitationInput", {
  fields: (t) => ({ token: t.string({ required: true }), password: t.string({ required: true }) }),
});
const AcceptStaffInvitationPayloadRef = builder.objectRef<{ ok: boolean; userErrors: TUserError[] }>("AcceptStaffInvitationPayload");
AcceptStaffInvitationPayloadRef.implement({
  fields: (t) => ({
    ok: t.exposeBoolean("ok", { description: "True when the password was set; sign in with login" }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

// Scoped: a manager reaches only their own partner's staff; only an OWNER re-invites or revokes an OWNER.
async function invitedStaff(context: GraphQLContext, globalId: string) {
  const caller = staffCaller(context.principal);
  const id = idOf(globalId, "StaffUser", "staffUserId");
  const user = await context.db.staffUser.findUnique({ where: { id }, select: { id: true, role: true, passwordHash: true, disabledAt: true, invitationTokenHash: true } });
  if (!user) throw notFound("StaffUser");
  return { caller, user, denied: ownerTargetErrors(caller, user, "staffUserId") };
}

builder.mutationFields((t) => ({
  resendStaffInvitation: t.field({
    type: StaffUserPayloadRef,
    description: "Emails an invited staff member a new one-time link, valid 7 days; the earlier link stops working",
    args: { input: t.arg({ type: StaffInvitationInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<StaffUserPayload> => {
      const { caller, user, denied } = await invitedStaff(context, String(input.staffUserId));
      if (denied.length > 0) return { staffUser: null, userErrors: denied };
      if (user.passwordHash) return { staffUser: null, userErrors: [{ field: "staffUserId", message: "this staff member has already accepted their invitation", code: "CONFLICT" }] };
      if (user.disabledAt) return { staffUser: null, userErrors: [{ field: "staffUserId", message: "this staff member is disabled: enable them first", code: "CONFLICT" }] };
      const { keyRing, mail, database } = context;
      const inviter = (await database.prisma.staffUser.findUnique({ where: { id: caller.userId }, select: { name: true } }))?.name ?? "A colleague";
      const invitation = await database.prisma.$transaction((tx) => issueStaffInvitation(tx, { keyRing, mail, staffUserId: user.id, inviterName: inviter }));
      return { staffUser: { id: user.id }, invitationLink: handBack(mail, invitation).invitationLink ?? null, userErrors: [] };
    },
  }),
  revokeStaffInvitation: t.field({
    type: StaffUserPayloadRef,
    description: "Ends a pending staff invitation: its link stops working and an unsent email is withdrawn. The member stays, without a password, until resent or removed",
    args: { input: t.arg({ type: StaffInvitationInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<StaffUserPayload> => {
      const { user, denied } = await invitedStaff(context, String(input.staffUserId));
      if (denied.length > 0) return { staffUser: null, userErrors: denied };
      if (!user.invitationTokenHash) return { staffUser: null, userErrors: [{ field: "staffUserId", message: "this staff member has no pending invitation", code: "NOT_FOUND" }] };
      await context.database.prisma.$transaction((tx) => revokeStaffInvitation(tx, user.id));
      return { staffUser: { id: user.id }, userErrors: [] };
    },
  }),
  acceptStaffInvitation: t.field({
    type: AcceptStaffInvitationPayloadRef,
    description: "Sets an invited staff member's password with their invitation token (once; the link is valid 7 days)",
    args: { input: t.arg({ type: AcceptStaffInvitationInput, required: true }) },
    resolve: (_root, { input }, context) =>
      // Identity, not tenant data: the token itself names the user. A disabled member cannot accept.
      acceptInvitation(context, input, {
        type: "StaffUser",
        find: (where) => context.database.prisma.staffUser.findFirst({ where: { ...where, disabledAt: null }, select: { id: true, email: true, partnerId: true } }),
        claim: async (id, where, passwordHash) =>
          (await context.database.prisma.staffUser.updateMany({ where: { id, ...where, disabledAt: null }, data: { passwordHash, invitationTokenHash: null, invitationExpiresAt: null } })).count,
      }),
  }),
}));

addRules({
  Mutation: { resendStaffInvitation: managesStaff, revokeStaffInvitation: managesStaff, acceptStaffInvitation: allow },
  AcceptStaffInvitationPayload: { "*": allow },
});
