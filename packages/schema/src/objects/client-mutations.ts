import { z } from "zod";
import { eventActorOf } from "../domain-events/actor.js";
import { clientData } from "../domain-events/payloads.js";
import { recordDomainEvent } from "../domain-events/record.js";
import { builder } from "../builder.js";
import { notFound } from "../errors.js";
import { addRules, allow } from "../permissions.js";
import { isPartnerManager } from "../rules/roles.js";
import { ClientRef } from "./client.js";
import { idOf } from "./global-id.js";
import { type TUserError, UserErrorRef, conflictOrThrow, zodUserErrors } from "./user-error.js";

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #1f6feb");
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "must be a domain name like example.com");
const logoUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => v.startsWith("/") || /^https:\/\//.test(v), "must be an https:// URL or a path starting with /");

export const ZCreateClientInput = z.object({
  name: z.string().trim().min(1, "must not be empty").max(200),
  domain,
  logoUrl: logoUrl.nullish(),
  primaryColor: hexColor.nullish(),
  accentColor: hexColor.nullish(),
});
export const ZUpdateClientInput = ZCreateClientInput.partial();

type ClientPayload = { client: { id: string } | null; userErrors: TUserError[] };

const ClientPayloadRef = builder.objectRef<ClientPayload>("ClientPayload").implement({
  fields: (t) => ({
    client: t.prismaField({
      type: ClientRef,
      nullable: true,
      resolve: (query, payload, _args, { db }) => (payload.client ? db.client.findUnique({ ...query, where: { id: payload.client.id } }) : null),
    }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

const CreateClientInput = builder.inputType("CreateClientInput", {
  fields: (t) => ({
    name: t.string({ required: true }),
    domain: t.string({ required: true, description: "Unique among the partner's clients" }),
    logoUrl: t.string({ required: false }),
    primaryColor: t.string({ required: false, description: "#rrggbb" }),
    accentColor: t.string({ required: false, description: "#rrggbb" }),
    partnerId: t.id({ required: false, description: "Platform admins only: the partner to create it for" }),
  }),
});

const UpdateClientInput = builder.inputType("UpdateClientInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ required: false }),
    domain: t.string({ required: false }),
    logoUrl: t.string({ required: false }),
    primaryColor: t.string({ required: false }),
    accentColor: t.string({ required: false }),
  }),
});

const ArchiveClientInput = builder.inputType("ArchiveClientInput", { fields: (t) => ({ id: t.id({ required: true }) }) });

const DUPLICATE_DOMAIN = "another client of this partner already has this domain";

builder.mutationFields((t) => ({
  createClient: t.field({
    type: ClientPayloadRef,
    args: { input: t.arg({ type: CreateClientInput, required: true }) },
    resolve: async (_root, { input }, { db, principal, database }): Promise<ClientPayload> => {
      const parsed = ZCreateClientInput.safeParse(input);
      if (!parsed.success) return { client: null, userErrors: zodUserErrors(parsed.error) };
      const partnerId = input.partnerId ? idOf(String(input.partnerId), "Partner", "partnerId") : principal.kind === "staff" || principal.kind === "apiKey" ? principal.partnerId : null;
      if (!partnerId) return { client: null, userErrors: [{ field: "partnerId", message: "platform admins must name the partner", code: "BAD_USER_INPUT" }] };
      if (!(await db.partner.findUnique({ where: { id: partnerId }, select: { id: true } }))) throw notFound("Partner");
      const { logoUrl: logo, primaryColor, accentColor, ...rest } = parsed.data;
      const actor = await eventActorOf(database.prisma, principal);
      try {
        const client = await db.$transaction(async (tx) => {
          const created = await tx.client.create({ data: { ...rest, partnerId, logoUrl: logo ?? null, ...(primaryColor ? { primaryColor } : {}), ...(accentColor ? { accentColor } : {}) } });
          await recordDomainEvent(tx, { type: "client.created", partnerId, clientId: created.id, actor, payload: { client: clientData(created) } });
          return { id: created.id };
        });
        return { client, userErrors: [] };
      } catch (error) {
        return { client: null, userErrors: conflictOrThrow(error, "domain", DUPLICATE_DOMAIN) };
      }
    },
  }),
  updateClient: t.field({
    type: ClientPayloadRef,
    args: { input: t.arg({ type: UpdateClientInput, required: true }) },
    resolve: async (_root, { input }, { db }): Promise<ClientPayload> => {
      const id = idOf(String(input.id), "Client");
      const { id: _id, ...changes } = input;
      const parsed = ZUpdateClientInput.safeParse(Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== null && v !== undefined)));
      if (!parsed.success) return { client: null, userErrors: zodUserErrors(parsed.error) };
      if (!(await db.client.findUnique({ where: { id }, select: { id: true } }))) throw notFound("Client");
      try {
        const { primaryColor, accentColor, logoUrl: logo, ...rest } = parsed.data;
        const data = { ...rest, ...(logo ? { logoUrl: logo } : {}), ...(primaryColor ? { primaryColor } : {}), ...(accentColor ? { accentColor } : {}) };
        const client = await db.client.update({ where: { id }, data, select: { id: true } });
        return { client, userErrors: [] };
      } catch (error) {
        return { client: null, userErrors: conflictOrThrow(error, "domain", DUPLICATE_DOMAIN) };
      }
    },
  }),
  archiveClient: t.field({
    type: ClientPayloadRef,
    description: "Hides the client from lists and ends its users' access; its data is kept",
    args: { input: t.arg({ type: ArchiveClientInput, required: true }) },
    resolve: async (_root, { input }, { db, principal, database }): Promise<ClientPayload> => {
      const id = idOf(String(input.id), "Client");
      const actor = await eventActorOf(database.prisma, principal);
      const count = await db.$transaction(async (tx) => {
        const { count } = await tx.client.updateMany({ where: { id, archivedAt: null }, data: { archivedAt: new Date() } });
        if (count === 0) return 0;
        const client = await tx.client.findUniqueOrThrow({ where: { id } });
        await recordDomainEvent(tx, { type: "client.archived", partnerId: client.partnerId, clientId: id, actor, payload: { client: clientData(client) } });
        return count;
      });
      if (count === 0 && !(await db.client.findUnique({ where: { id }, select: { id: true } }))) throw notFound("Client");
      return { client: { id }, userErrors: [] };
    },
  }),
}));

addRules({
  Mutation: { createClient: isPartnerManager, updateClient: isPartnerManager, archiveClient: isPartnerManager },
  ClientPayload: { "*": allow },
});
