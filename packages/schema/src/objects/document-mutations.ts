import { z } from "zod";
import { setAuditTarget } from "../audit/mutation-audit.js";
import { builder } from "../builder.js";
import { notFound } from "../errors.js";
import { addRules, allow } from "../permissions.js";
import { isStaff } from "../rules/roles.js";
import { DocumentRef } from "./document.js";
import { DocumentVisibilityEnum } from "./enums.js";
import { idOf } from "./global-id.js";
import { type TUserError, UserErrorRef, zodUserErrors } from "./user-error.js";

const ZDocumentFields = z.object({
  title: z.string().trim().min(1, "must not be empty").max(300),
  body: z.string().max(200_000, "must be at most 200,000 characters"),
});

type DocumentPayload = { document: { id: string } | null; userErrors: TUserError[] };

const DocumentPayloadRef = builder.objectRef<DocumentPayload>("DocumentPayload").implement({
  fields: (t) => ({
    document: t.prismaField({
      type: DocumentRef,
      nullable: true,
      resolve: (query, payload, _args, { db }) => (payload.document ? db.document.findUnique({ ...query, where: { id: payload.document.id } }) : null),
    }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

const CreateDocumentInput = builder.inputType("CreateDocumentInput", {
  fields: (t) => ({
    clientId: t.id({ required: true }),
    title: t.string({ required: true }),
    body: t.string({ required: true, description: "Markdown" }),
    visibility: t.field({ type: DocumentVisibilityEnum, required: false, description: "Defaults to INTERNAL" }),
  }),
});
const UpdateDocumentInput = builder.inputType("UpdateDocumentInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    title: t.string({ required: false }),
    body: t.string({ required: false }),
    visibility: t.field({ type: DocumentVisibilityEnum, required: false }),
  }),
});
const DeleteDocumentInput = builder.inputType("DeleteDocumentInput", { fields: (t) => ({ id: t.id({ required: true }) }) });

builder.mutationFields((t) => ({
  createDocument: t.field({
    type: DocumentPayloadRef,
    args: { input: t.arg({ type: CreateDocumentInput, required: true }) },
    resolve: async (_root, { input }, { db, principal }): Promise<DocumentPayload> => {
      const clientId = idOf(String(input.clientId), "Client", "clientId");
      const parsed = ZDocumentFields.safeParse(input);
      if (!parsed.success) return { document: null, userErrors: zodUserErrors(parsed.error) };
      const client = await db.client.findUnique({ where: { id: clientId }, select: { partnerId: true } });
      if (!client) throw notFound("Client");
      const document = await db.document.create({
        data: { ...parsed.data, clientId, partnerId: client.partnerId, visibility: input.visibility ?? "INTERNAL", createdById: principal.kind === "staff" ? principal.userId : null },
        select: { id: true },
      });
      return { document, userErrors: [] };
    },
  }),
  updateDocument: t.field({
    type: DocumentPayloadRef,
    args: { input: t.arg({ type: UpdateDocumentInput, required: true }) },
    resolve: async (_root, { input }, { db }): Promise<DocumentPayload> => {
      const id = idOf(String(input.id), "Document");
      const parsed = ZDocumentFields.partial().safeParse({ ...(input.title != null ? { title: input.title } : {}), ...(input.body != null ? { body: input.body } : {}) });
      if (!parsed.success) return { document: null, userErrors: zodUserErrors(parsed.error) };
      if (!(await db.document.findUnique({ where: { id }, select: { id: true } }))) throw notFound("Document");
      await db.document.update({ where: { id }, data: { ...parsed.data, ...(input.visibility ? { visibility: input.visibility } : {}) } });
      return { document: { id }, userErrors: [] };
    },
  }),
  deleteDocument: t.field({
    type: DocumentPayloadRef,
    args: { input: t.arg({ type: DeleteDocumentInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<DocumentPayload> => {
      const id = idOf(String(input.id), "Document");
      const found = await context.db.document.findUnique({ where: { id }, select: { partnerId: true, clientId: true } });
      if (!found) throw notFound("Document");
      await context.db.document.deleteMany({ where: { id } });
      setAuditTarget(context, { type: "Document", id, ...found });
      return { document: null, userErrors: [] };
    },
  }),
}));

addRules({
  Mutation: { createDocument: isStaff, updateDocument: isStaff, deleteDocument: isStaff },
  DocumentPayload: { "*": allow },
});
