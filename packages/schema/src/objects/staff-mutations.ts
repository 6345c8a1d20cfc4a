import type { Prisma } from "@mspgraph/db";
import { z } from "zod";
import { normalizeEmail } from "../auth/sign-in.js";
import { builder } from "../builder.js";
import type { GraphQLContext } from "../context.js";
import { addRules, allow } from "../permissions.js";
import { StaffRoleEnum } from "./enums.js";
import { idOf } from "./global-id.js";
import { handBack } from "./invitations.js";
import { cancelMail } from "../mail/outbox.js";
import { issueStaffInvitation, staffInvitationTopic } from "./staff-invitation.js";
import { type StaffChange, grantErrors, managesStaff, staffCaller } from "./staff-rules.js";
import { changeStaff } from "./staff-changes.js";
import { type TUserError, UserErrorRef, conflictOrThrow, zodUserErrors } from "./user-error.js";
import { StaffUserRef } from "./users.js";

const ZInviteStaffUserInput = z.object({
  email: z.string().trim().toLowerCase().email("must be an email address"),
  name: z.string().trim().min(1, "must not be empty").max(200),
});

export type StaffUserPayload = { staffUser: { id: string } | null; invitationLink?: string | null; userErrors: TUserError[] };

export const StaffUserPayloadRef = builder.objectRef<StaffUserPayload>("StaffUserPayload").implement({
  fields: (t) => ({
    staffUser: t.prismaField({
      type: StaffUserRef,
      nullable: true,
      resolve: (query, payload, _args, { db }) => (payload.staffUser ? db.staffUser.findUnique({ ...query, where: { id: payload.staffUser.id } }) : null),
    }),
    invitationLink: t.string({
      nullable: true,
      description:
        "inviteStaffUser and resendStaffInvitation only, and only when this server sends no mail (MSPGRAPH_SMTP_URL unset, as in the embedded demo): the one-time link the invitation email would carry, for the inviter to pass on. Null when the invitation was emailed. Valid 7 days.",
      resolve: (payload) => payload.invitationLink ?? null,
    }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

const InviteStaffUserInput = builder.inputType("InviteStaffUserInput", {
  fields: (t) => ({
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    role: t.field({ type: StaffRoleEnum, required: true, description: "OWNER (by an OWNER only), ADMIN or TECHNICIAN" }),
  }),
});
const UpdateStaffUserInput = builder.inputType("UpdateStaffUserInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ required: false }),
    role: t.field({ type: StaffRoleEnum, required: false, description: "Only an OWNER grants OWNER or changes an OWNER; the last active OWNER keeps the role" }),
  }),
});
const StaffUserIdInput = builder.inputType("StaffUserIdInput", { fields: (t) => ({ id: t.id({ required: true, description: "A StaffUser id" }) }) });

/** The inviter's own name for the mail: the real person, also while impersonating. */
async function inviterName(context: GraphQLContext, userId: string): Promise<string> {
  return (await context.database.prisma.staffUser.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? "A colleague";
}

const byId = (context: GraphQLContext, input: { id: string | number }, change: StaffChange, write?: (tx: Prisma.TransactionClient, id: string) => Promise<unknown>) =>
  changeStaff(context, idOf(String(input.id), "StaffUser"), change, write);

builder.mutationFields((t) => ({
  inviteStaffUser: t.field({
    type: StaffUserPayloadRef,
    description: "Adds a member to the partner's staff and emails them a one-time link, valid 7 days, to choose a password (see invitationLink when no mail is sent)",
    args: { input: t.arg({ type: InviteStaffUserInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<StaffUserPayload> => {
      const caller = staffCaller(context.principal);
      const parsed = ZInviteStaffUserInput.safeParse(input);
      if (!parsed.success) return { staffUser: null, userErrors: zodUserErrors(parsed.error) };
      const denied = grantErrors(caller, input.role);
      if (denied.length > 0) return { staffUser: null, userErrors: denied };
      const { keyRing, mail } = context;
      const name = await inviterName(context, caller.userId);
      try {
        const { staffUser, invitation } = await context.database.prisma.$transaction(async (tx) => {
          const staffUser = await tx.staffUser.create({
            data: { partnerId: caller.partnerId, email: normalizeEmail(parsed.data.email), name: parsed.data.name, role: input.role },
            select: { id: true },
          });
          return { staffUser, invitation: await issueStaffInvitation(tx, { keyRing, mail, staffUserId: staffUser.id, inviterName: name }) };
        });
        return { staffUser, invitationLink: handBack(mail, invitation).invitationLink ?? null, userErrors: [] };
      } catch (error) {
        return { staffUser: null, userErrors: conflictOrThrow(error, "email", "a staff member with this email already exists") };
      }
    },
  }),
  updateStaffUser: t.field({
    type: StaffUserPayloadRef,
    description: "Renames a staff member or changes their role",
    args: { input: t.arg({ type: UpdateStaffUserInput, required: true }) },
    resolve: (_root, { input }, context): StaffUserPayload | Promise<StaffUserPayload> => {
      const name = input.name?.trim();
      if (name !== undefined && (name.length === 0 || name.length > 200)) {
        return { staffUser: null, userErrors: [{ field: "name", message: "must be 1 to 200 characters", code: "BAD_USER_INPUT" }] };
      }
      return byId(context, input, input.role ? { role: input.role } : {}, (tx, id) =>
        tx.staffUser.update({ where: { id }, data: { ...(name ? { name } : {}), ...(input.role ? { role: input.role } : {}) } }),
      );
    },
  }),
  disableStaffUser: t.field({
    type: StaffUserPayloadRef,
    description: "Stops a staff member signing in and ends their sessions, impersonations included, at once",
    args: { input: t.arg({ type: StaffUserIdInput, required: true }) },
    resolve: (_root, { input }, context) =>
      byId(context, input, { disable: true }, (tx, id) => tx.staffUser.update({ where: { id }, data: { disabledAt: new Date() } })),
  }),
  enableStaffUser: t.field({
    type: StaffUserPayloadRef,
    description: "Lets a disabled staff member sign in again",
    args: { input: t.arg({ type: StaffUserIdInput, required: true }) },
    resolve: (_root, { input }, context) => byId(context, input, {}, (tx, id) => tx.staffUser.update({ where: { id }, data: { disabledAt: null } })),
  }),
  removeStaffUser: t.field({
    type: StaffUserPayloadRef,
    description: "Deletes a staff member: their sessions and pending invitation end and their tickets become unassigned; their comments and time entries stay",
    args: { input: t.arg({ type: StaffUserIdInput, required: true }) },
    resolve: (_root, { input }, context) =>
      byId(context, input, { remove: true }, async (tx, id) => {
        await cancelMail(tx, staffInvitationTopic(id));
        await tx.staffUser.delete({ where: { id } });
      }),
  }),
}));

addRules({
  Mutation: { inviteStaffUser: managesStaff, updateStaffUser: managesStaff, disableStaffUser: managesStaff, enableStaffUser: managesStaff, removeStaffUser: managesStaff },
  StaffUserPayload: { "*": allow },
});
