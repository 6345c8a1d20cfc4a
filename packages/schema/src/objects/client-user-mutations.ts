import { or } from "graphql-shield";
import { z } from "zod";
import { normalizeEmail } from "../auth/sign-in.js";
import { setAuditTarget } from "../audit/mutation-audit.js";
import { builder } from "../builder.js";
import { notFound } from "../errors.js";
import { addRules, allow } from "../permissions.js";
import { isClientAdmin, isPartnerManager } from "../rules/roles.js";
import { issueClientInvitation } from "./client-invitation.js";
import { ClientUserRoleEnum } from "./enums.js";
import { idOf } from "./global-id.js";
import { acceptInvitation, handBack } from "./invitations.js";
import { type TUserError, UserErrorRef, conflictOrThrow, zodUserErrors } from "./user-error.js";
import { ClientUserRef } from "./users.js";

const ZInviteClientUserInput = z.object({
  email: z.string().trim().toLowerCase().email("must be an email address"),
  name: z.string().trim().min(1, "must not be empty").max(200),
});

export type ClientUserPayload = { clientUser: { id: string } | null; invitationToken?: string | null; invitationLink?: string | null; userErrors: TUserError[] };

export const ClientUserPayloadRef = builder.objectRef<ClientUserPayload>("ClientUserPayload").implement({
  fields: (t) => ({
    clientUser: t.prismaField({
      type: ClientUserRef,
      nullable: true,
      resolve: (query, payload, _args, { db }) => (payload.clientUser ? db.clientUser.findUnique({ ...query, where: { id: payload.clientUser.id } }) : null),
    }),
    invitationToken: t.string({
      nullable: true,
      deprecationReason: "Use invitationLink",
      description: "The token in invitationLink; null when the invitation was emailed.",
      resolve: (payload) => payload.invitationToken ?? null,
    }),
    invitationLink: t.string({
      nullable: true,
      description:
        "inviteClientUser and resendClientInvitation only, and only when this server sends no mail (MSPGRAPH_SMTP_URL unset, as in the embedded demo): the one-time link the invitation email would carry, for the inviter to pass on. Null when the invitation was emailed. Valid 7 days.",
      resolve: (payload) => payload.invitationLink ?? null,
    }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

const InviteClientUserInput = builder.inputType("InviteClientUserInput", {
  fields: (t) => ({
    clientId: t.id({ required: true }),
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    role: t.field({ type: ClientUserRoleEnum, required: true }),
  }),
});
const UpdateClientUserInput = builder.inputType("UpdateClientUserInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ required: false }),
    role: t.field({ type: ClientUserRoleEnum, required: false }),
    disabled: t.boolean({ required: false, description: "A disabled user cannot sign in; their sessions end" }),
  }),
});
const RemoveClientUserInput = builder.inputType("RemoveClientUserInput", { fields: (t) => ({ id: t.id({ required: true }) }) });
const AcceptClientInvitationInput = builder.inputType("AcceptClientInvitationInput", {
  fields: (t) => ({ token: t.string({ required: true }), password: t.string({ required: true }) }),
});

const AcceptInvitationPayloadRef = builder.objectRef<{ ok: boolean; userErrors: TUserError[] }>("AcceptClientInvitationPayload").implement({
  fields: (t) => ({
    ok: t.exposeBoolean("ok", { description: "True when the password was set; sign in with clientLogin" }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

builder.mutationFields((t) => ({
  inviteClientUser: t.field({
    type: ClientUserPayloadRef,
    description: "Adds a user to a client and emails them a one-time link, valid 7 days, to choose a password (see invitationLink when no mail is sent)",
    args: { input: t.arg({ type: InviteClientUserInput, required: true }) },
    resolve: async (_root, { input }, { db, database, keyRing, mail }): Promise<ClientUserPayload> => {
      const clientId = idOf(String(input.clientId), "Client", "clientId");
      const parsed = ZInviteClientUserInput.safeParse(input);
      if (!parsed.success) return { clientUser: null, userErrors: zodUserErrors(parsed.error) };
      const client = await db.client.findUnique({ where: { id: clientId }, select: { id: true, partnerId: true, archivedAt: true } });
      if (!client || client.archivedAt) throw notFound("Client");
      try {
        // Unscoped, since a client admin may not read the outbox: the scoped lookup above
        // proved the client is the caller's, and the new user is written into exactly it.
        const { clientUser, invitation } = await database.prisma.$transaction(async (tx) => {
          const clientUser = await tx.clientUser.create({
            data: { partnerId: client.partnerId, clientId, email: normalizeEmail(parsed.data.email), name: parsed.data.name, role: input.role },
            select: { id: true },
          });
          return { clientUser, invitation: await issueClientInvitation(tx, { keyRing, mail, clientUserId: clientUser.id }) };
        });
        return { clientUser, ...handBack(mail, invitation), userErrors: [] };
      } catch (error) {
        return { clientUser: null, userErrors: conflictOrThrow(error, "email", "a client user with this email already exists") };
      }
    },
  }),
  updateClientUser: t.field({
    type: ClientUserPayloadRef,
    args: { input: t.arg({ type: UpdateClientUserInput, required: true }) },
    resolve: async (_root, { input }, { db, database, principal }): Promise<ClientUserPayload> => {
      const id = idOf(String(input.id), "ClientUser");
      if (!(await db.clientUser.findUnique({ where: { id }, select: { id: true } }))) throw notFound("ClientUser");
      if (principal.kind === "client" && principal.userId === id && (input.role === "VIEW_ONLY" || input.disabled)) {
        return { clientUser: null, userErrors: [{ field: "role", message: "you cannot demote or disable yourself", code: "FORBIDDEN" }] };
      }
      const name = input.name?.trim();
      if (name !== undefined && name.length === 0) return { clientUser: null, userErrors: [{ field: "name", message: "must not be empty", code: "BAD_USER_INPUT" }] };
      const disabledAt = input.disabled === true ? new Date() : input.disabled === false ? null : undefined;
      await db.clientUser.update({ where: { id }, data: { ...(name ? { name } : {}), ...(input.role ? { role: input.role } : {}), ...(disabledAt !== undefined ? { disabledAt } : {}) } });
      if (input.disabled) {
        await database.prisma.authSession.updateMany({ where: { clientUserId: id, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: "user disabled" } });
      }
      return { clientUser: { id }, userErrors: [] };
    },
  }),
  removeClientUser: t.field({
    type: ClientUserPayloadRef,
    description: "Deletes the user and ends their sessions",
    args: { input: t.arg({ type: RemoveClientUserInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<ClientUserPayload> => {
      const { db, principal } = context;
      const id = idOf(String(input.id), "ClientUser");
      if (principal.kind === "client" && principal.userId === id) {
        return { clientUser: null, userErrors: [{ field: "id", message: "you cannot remove yourself", code: "FORBIDDEN" }] };
      }
      const found = await db.clientUser.findUnique({ where: { id }, select: { partnerId: true, clientId: true } });
      if (!found) throw notFound("ClientUser");
      await db.clientUser.deleteMany({ where: { id } });
      setAuditTarget(context, { type: "ClientUser", id, ...found });
      return { clientUser: null, userErrors: [] };
    },
  }),
  acceptClientInvitation: t.field({
    type: AcceptInvitationPayloadRef,
    description: "Sets an invited client user's password with their invitation token",
    args: { input: t.arg({ type: AcceptClientInvitationInput, required: true }) },
    resolve: (_root, { input }, context) =>
      // Identity, not tenant data: the token itself names the user.
      acceptInvitation(context, input, {
        type: "ClientUser",
        find: (where) => context.database.prisma.clientUser.findFirst({ where, select: { id: true, email: true, partnerId: true, clientId: true } }),
        claim: async (id, where, passwordHash) =>
          (await context.database.prisma.clientUser.updateMany({ where: { id, ...where }, data: { passwordHash, invitationTokenHash: null, invitationExpiresAt: null } })).count,
      }),
  }),
}));

const managesClientUsers = or(isPartnerManager, isClientAdmin);
addRules({
  Mutation: { inviteClientUser: managesClientUsers, updateClientUser: managesClientUsers, removeClientUser: managesClientUsers, acceptClientInvitation: allow },
  ClientUserPayload: { "*": allow },
  AcceptClientInvitationPayload: { "*": allow },
});
