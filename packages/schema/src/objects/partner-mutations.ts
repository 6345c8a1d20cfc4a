import { z } from "zod";
import { normalizeEmail } from "../auth/sign-in.js";
import { builder } from "../builder.js";
import type { GraphQLContext } from "../context.js";
import { addRules, allow } from "../permissions.js";
import { isPlatformAdmin } from "../rules/roles.js";
import type { IssuedInvitation } from "./client-invitation.js";
import { handBack } from "./invitations.js";
import { PartnerRef } from "./partner.js";
import { issueStaffInvitation } from "./staff-invitation.js";
import { type TUserError, UserErrorRef, isUniqueViolation, zodUserErrors } from "./user-error.js";

// Named in the invitation mail as who invited a new partner's first owner.
const PLATFORM_INVITER = "The mspgraph team";

const ZCreatePartnerInput = z.object({
  name: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  slug: z.string().trim().regex(/^[a-z0-9-]{2,40}$/, "must be 2 to 40 lowercase letters, digits or hyphens"),
  ownerEmail: z.string().trim().toLowerCase().email("must be an email address"),
  ownerName: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
});
type TCreatePartnerInput = z.infer<typeof ZCreatePartnerInput>;

type CreatePartnerPayload = { partner: { id: string } | null; invitationLink?: string | null; userErrors: TUserError[] };

const CreatePartnerPayloadRef = builder.objectRef<CreatePartnerPayload>("CreatePartnerPayload").implement({
  fields: (t) => ({
    partner: t.prismaField({
      type: PartnerRef,
      nullable: true,
      resolve: (query, payload, _args, { db }) => (payload.partner ? db.partner.findUnique({ ...query, where: { id: payload.partner.id } }) : null),
    }),
    invitationLink: t.string({
      nullable: true,
      description:
        "Only when this server sends no mail (MSPGRAPH_SMTP_URL unset, as in the embedded demo): the one-time link the owner's invitation email would carry, for you to pass on. Null when it was emailed. Valid 7 days.",
      resolve: (payload) => payload.invitationLink ?? null,
    }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

const CreatePartnerInput = builder.inputType("CreatePartnerInput", {
  fields: (t) => ({
    name: t.string({ required: true }),
    slug: t.string({ required: true, description: "2 to 40 lowercase letters, digits or hyphens; unique" }),
    ownerEmail: t.string({ required: true, description: "The first OWNER's email; no staff user may have it yet" }),
    ownerName: t.string({ required: true }),
  }),
});

/** A unique constraint that failed at one step of the creation, as the input field at fault. */
class Taken extends Error {
  constructor(readonly userError: TUserError) {
    super(userError.message);
  }
}

async function step<T>(run: () => Promise<T>, field: string, message: string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw isUniqueViolation(error) ? new Taken({ field, message, code: "CONFLICT" }) : error;
  }
}

/**
 * The partner, its OWNER (no password yet) and the owner's emailed invitation, in one
 * transaction: a taken slug or email, or any failure after the partner row was written,
 * leaves nothing behind. The database's unique constraints decide, so two racing calls
 * cannot both win.
 */
async function createPartnerWithOwner(context: GraphQLContext, input: TCreatePartnerInput): Promise<{ partnerId: string; invitation: IssuedInvitation }> {
  return context.database.prisma.$transaction(async (tx) => {
    const partner = await step(() => tx.partner.create({ data: { name: input.name, slug: input.slug }, select: { id: true } }), "slug", "a partner with this slug already exists");
    const owner = await step(
      () => tx.staffUser.create({ data: { partnerId: partner.id, email: normalizeEmail(input.ownerEmail), name: input.ownerName, role: "OWNER" }, select: { id: true } }),
      "ownerEmail",
      "a staff user with this email already exists",
    );
    const invitation = await issueStaffInvitation(tx, { keyRing: context.keyRing, mail: context.mail, staffUserId: owner.id, inviterName: PLATFORM_INVITER });
    return { partnerId: partner.id, invitation };
  });
}

builder.mutationField("createPartner", (t) =>
  t.field({
    type: CreatePartnerPayloadRef,
    description:
      "Onboards a partner (platform admins): creates it with no clients and invites its first OWNER, who gets an email with a one-time link, valid 7 days, to choose a password (see invitationLink when no mail is sent)",
    args: { input: t.arg({ type: CreatePartnerInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<CreatePartnerPayload> => {
      const parsed = ZCreatePartnerInput.safeParse(input);
      if (!parsed.success) return { partner: null, userErrors: zodUserErrors(parsed.error) };
      try {
        const { partnerId, invitation } = await createPartnerWithOwner(context, parsed.data);
        return { partner: { id: partnerId }, invitationLink: handBack(context.mail, invitation).invitationLink ?? null, userErrors: [] };
      } catch (error) {
        if (error instanceof Taken) return { partner: null, userErrors: [error.userError] };
        throw error;
      }
    },
  }),
);

addRules({
  Mutation: { createPartner: isPlatformAdmin },
  CreatePartnerPayload: { "*": allow },
});
