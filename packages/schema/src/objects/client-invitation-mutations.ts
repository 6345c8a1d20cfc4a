import type { PrismaClient } from "@mspgraph/db";
import { or } from "graphql-shield";
import { builder } from "../builder.js";
import { notFound } from "../errors.js";
import { addRules } from "../permissions.js";
import { isClientAdmin, isPartnerManager } from "../rules/roles.js";
import { issueClientInvitation, revokeClientInvitation } from "./client-invitation.js";
import { type ClientUserPayload, ClientUserPayloadRef } from "./client-user-mutations.js";
import { idOf } from "./global-id.js";
import { handBack } from "./invitations.js";

const ClientInvitationInput = builder.inputType("ClientInvitationInput", {
  fields: (t) => ({ clientUserId: t.id({ required: true, description: "The invited client user" }) }),
});

// Scoped: a client admin reaches only their own client's users, staff only their partner's.
async function invitedUser(context: { db: PrismaClient }, globalId: string) {
  const id = idOf(globalId, "ClientUser", "clientUserId");
  const user = await context.db.clientUser.findUnique({ where: { id }, select: { id: true, passwordHash: true, disabledAt: true, invitationTokenHash: true } });
  if (!user) throw notFound("ClientUser");
  return user;
}

builder.mutationFields((t) => ({
  resendClientInvitation: t.field({
    type: ClientUserPayloadRef,
    description: "Emails an invited client user a new one-time link, valid 7 days; the earlier link stops working",
    args: { input: t.arg({ type: ClientInvitationInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<ClientUserPayload> => {
      const user = await invitedUser(context, String(input.clientUserId));
      if (user.passwordHash) return { clientUser: null, userErrors: [{ field: "clientUserId", message: "this user has already accepted their invitation", code: "CONFLICT" }] };
      if (user.disabledAt) return { clientUser: null, userErrors: [{ field: "clientUserId", message: "this user is disabled: enable them first", code: "CONFLICT" }] };
      const { keyRing, mail } = context;
      const invitation = await context.database.prisma.$transaction((tx) => issueClientInvitation(tx, { keyRing, mail, clientUserId: user.id }));
      return { clientUser: { id: user.id }, ...handBack(mail, invitation), userErrors: [] };
    },
  }),
  revokeClientInvitation: t.field({
    type: ClientUserPayloadRef,
    description: "Ends a pending invitation: its link stops working and an unsent email is withdrawn. The user stays, without a password, until resent or removed",
    args: { input: t.arg({ type: ClientInvitationInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<ClientUserPayload> => {
      const user = await invitedUser(context, String(input.clientUserId));
      if (!user.invitationTokenHash) return { clientUser: null, userErrors: [{ field: "clientUserId", message: "this user has no pending invitation", code: "NOT_FOUND" }] };
      await context.database.prisma.$transaction((tx) => revokeClientInvitation(tx, user.id));
      return { clientUser: { id: user.id }, userErrors: [] };
    },
  }),
}));

const managesClientUsers = or(isPartnerManager, isClientAdmin);
addRules({ Mutation: { resendClientInvitation: managesClientUsers, revokeClientInvitation: managesClientUsers } });
