import { builder } from "../builder.js";
import { addRules, allow } from "../permissions.js";
import { pendingInvitation } from "./invitations.js";

type InvitationPreview = {
  kind: "STAFF" | "CLIENT";
  inviteeName: string;
  partnerName: string;
  client: { name: string; logoUrl: string | null; primaryColor: string; accentColor: string } | null;
  expiresAt: Date;
};

const InvitationKindEnum = builder.enumType("InvitationKind", {
  values: { STAFF: { description: "To a partner's staff: accept with acceptStaffInvitation" }, CLIENT: { description: "To a client's portal: accept with acceptClientInvitation" } } as const,
});

const InvitationPreviewRef = builder.objectRef<InvitationPreview>("InvitationPreview").implement({
  description: "What the page behind an invitation link shows before the invitee sets a password: whose invitation it is, in whose branding",
  fields: (t) => ({
    kind: t.field({ type: InvitationKindEnum, resolve: (preview) => preview.kind }),
    inviteeName: t.exposeString("inviteeName"),
    partnerName: t.exposeString("partnerName"),
    clientName: t.string({ nullable: true, description: "CLIENT invitations only", resolve: (preview) => preview.client?.name ?? null }),
    logoUrl: t.string({ nullable: true, description: "The client's logo (CLIENT invitations only)", resolve: (preview) => preview.client?.logoUrl ?? null }),
    primaryColor: t.string({ nullable: true, description: "The client's primary colour, #rrggbb (CLIENT invitations only)", resolve: (preview) => preview.client?.primaryColor ?? null }),
    accentColor: t.string({ nullable: true, description: "The client's accent colour, #rrggbb (CLIENT invitations only)", resolve: (preview) => preview.client?.accentColor ?? null }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", description: "When the link stops working" }),
  }),
});

builder.queryField("invitation", (t) =>
  t.field({
    type: InvitationPreviewRef,
    nullable: true,
    description: "The pending invitation a one-time token belongs to, for its link's page (no sign-in needed). Null for a token that is unknown, used, revoked or expired: they cannot be told apart",
    args: { token: t.arg.string({ required: true }) },
    // Identity, not tenant data: the token itself names the user (and it is 256 random bits).
    resolve: async (_root, { token }, { database }): Promise<InvitationPreview | null> => {
      const where = pendingInvitation(token);
      const staff = await database.prisma.staffUser.findFirst({ where: { ...where, disabledAt: null }, select: { name: true, invitationExpiresAt: true, partner: { select: { name: true } } } });
      if (staff?.partner) return { kind: "STAFF", inviteeName: staff.name, partnerName: staff.partner.name, client: null, expiresAt: staff.invitationExpiresAt! };
      const client = await database.prisma.clientUser.findFirst({
        where,
        select: { name: true, invitationExpiresAt: true, partner: { select: { name: true } }, client: { select: { name: true, logoUrl: true, primaryColor: true, accentColor: true } } },
      });
      if (!client) return null;
      return { kind: "CLIENT", inviteeName: client.name, partnerName: client.partner.name, client: client.client, expiresAt: client.invitationExpiresAt! };
    },
  }),
);

addRules({ Query: { invitation: allow }, InvitationPreview: { "*": allow } });
