import { builder } from "../builder.js";
import { notFound } from "../errors.js";
import { addRules } from "../permissions.js";
import { isAuthenticated } from "../rules/roles.js";
import { DocumentVisibilityEnum } from "./enums.js";
import { idOf, nodeLookup } from "./global-id.js";
import { containsText } from "./text-match.js";

export const DocumentRef = builder.prismaNode("Document", {
  id: { field: "id" },
  ...nodeLookup,
  description: "A page of a client's documentation library, in Markdown",
  fields: (t) => ({
    title: t.exposeString("title"),
    body: t.exposeString("body", { description: "Markdown" }),
    visibility: t.expose("visibility", { type: DocumentVisibilityEnum }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    client: t.relation("client"),
  }),
});

const DocumentFilter = builder.inputType("DocumentFilter", {
  fields: (t) => ({
    search: t.string({ required: false, description: "Part of the title, any case" }),
    visibility: t.field({ type: DocumentVisibilityEnum, required: false }),
  }),
});

type TDocumentFilter = { search?: string | null; visibility?: "CLIENT" | "INTERNAL" | null } | null | undefined;

const documentWhere = (clientId: string, filter: TDocumentFilter) => ({
  clientId,
  ...(filter?.visibility ? { visibility: filter.visibility } : {}),
  ...(filter?.search ? { title: containsText(filter.search) } : {}),
});

builder.queryField("documents", (t) =>
  t.prismaConnection({
    type: "Document",
    cursor: "id",
    description: "A client's documentation library; client users see only CLIENT documents",
    args: { clientId: t.arg.id({ required: true }), filter: t.arg({ type: DocumentFilter, required: false }) },
    resolve: async (query, _root, { clientId, filter }, { db }) => {
      const id = idOf(String(clientId), "Client", "clientId");
      // A client outside the caller's reach answers exactly like a missing one.
      if (!(await db.client.findUnique({ where: { id }, select: { id: true } }))) throw notFound("Client");
      return db.document.findMany({ ...query, where: documentWhere(id, filter), orderBy: [{ title: "asc" }, { id: "asc" }] });
    },
    totalCount: (_root, { clientId, filter }, { db }) => db.document.count({ where: documentWhere(idOf(String(clientId), "Client", "clientId"), filter) }),
  }),
);

addRules({ Query: { documents: isAuthenticated }, Document: { "*": isAuthenticated } });
