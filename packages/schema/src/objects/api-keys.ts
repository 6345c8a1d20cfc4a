import { and } from "graphql-shield";
import { z } from "zod";
import { setAuditTarget } from "../audit/mutation-audit.js";
import { API_KEY_SCOPES, newApiKey } from "../auth/api-keys.js";
import { builder } from "../builder.js";
import { forbidden, notFound } from "../errors.js";
import { addRules, allow } from "../permissions.js";
import { isNotImpersonating, isPartnerManager } from "../rules/roles.js";
import { idOf, nodeLookup } from "./global-id.js";
import { type TUserError, UserErrorRef, zodUserErrors } from "./user-error.js";

const ApiKeyScopeEnum = builder.enumType("ApiKeyScope", {
  values: { READ: { value: "read", description: "Queries" }, WRITE: { value: "write", description: "Mutations too" } } as const,
});

export const ApiKeyRef = builder.prismaNode("ApiKey", {
  id: { field: "id" },
  ...nodeLookup,
  description: "A partner's key for integrators. The secret is shown once, when created.",
  fields: (t) => ({
    name: t.exposeString("name"),
    prefix: t.exposeString("prefix", { description: "The key's visible start (mspk_<prefix>_…), to tell keys apart" }),
    scopes: t.field({ type: [ApiKeyScopeEnum], resolve: (key) => key.scopes as Array<"read" | "write"> }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    lastUsedAt: t.expose("lastUsedAt", { type: "DateTime", nullable: true }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.queryField("apiKeys", (t) =>
  t.prismaConnection({
    type: "ApiKey",
    cursor: "id",
    description: "The caller's partner's API keys, newest first",
    args: { includeRevoked: t.arg.boolean({ required: false }) },
    resolve: (query, _root, { includeRevoked }, { db }) =>
      db.apiKey.findMany({ ...query, where: includeRevoked ? {} : { revokedAt: null }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] }),
    totalCount: (_root, { includeRevoked }, { db }) => db.apiKey.count({ where: includeRevoked ? {} : { revokedAt: null } }),
  }),
);

const ZCreateApiKeyInput = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, "name at least one scope"),
});

type ApiKeyPayload = { apiKey: { id: string } | null; key?: string | null; userErrors: TUserError[] };

const ApiKeyPayloadRef = builder.objectRef<ApiKeyPayload>("ApiKeyPayload").implement({
  fields: (t) => ({
    apiKey: t.prismaField({
      type: ApiKeyRef,
      nullable: true,
      resolve: (query, payload, _args, { db }) => (payload.apiKey ? db.apiKey.findUnique({ ...query, where: { id: payload.apiKey.id } }) : null),
    }),
    key: t.string({ nullable: true, description: "createApiKey only: the secret, shown this once. Send it as `Authorization: Bearer <key>`.", resolve: (p) => p.key ?? null }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

const CreateApiKeyInput = builder.inputType("CreateApiKeyInput", {
  fields: (t) => ({ name: t.string({ required: true }), scopes: t.field({ type: [ApiKeyScopeEnum], required: true }) }),
});
const RevokeApiKeyInput = builder.inputType("RevokeApiKeyInput", { fields: (t) => ({ id: t.id({ required: true }) }) });

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: ApiKeyPayloadRef,
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<ApiKeyPayload> => {
      const { principal, db } = context;
      if (principal.kind !== "staff" || !principal.partnerId) throw forbidden();
      const parsed = ZCreateApiKeyInput.safeParse(input);
      if (!parsed.success) return { apiKey: null, userErrors: zodUserErrors(parsed.error) };
      const { key, prefix, keyHash } = newApiKey();
      const created = await db.apiKey.create({
        data: { partnerId: principal.partnerId, name: parsed.data.name, scopes: [...new Set(parsed.data.scopes)], prefix, keyHash, createdById: principal.userId },
        select: { id: true },
      });
      setAuditTarget(context, { type: "ApiKey", id: created.id, partnerId: principal.partnerId });
      return { apiKey: created, key, userErrors: [] };
    },
  }),
  revokeApiKey: t.field({
    type: ApiKeyPayloadRef,
    args: { input: t.arg({ type: RevokeApiKeyInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<ApiKeyPayload> => {
      const id = idOf(String(input.id), "ApiKey");
      const found = await context.db.apiKey.findUnique({ where: { id }, select: { id: true, partnerId: true } });
      if (!found) throw notFound("ApiKey");
      await context.db.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
      setAuditTarget(context, { type: "ApiKey", id, partnerId: found.partnerId });
      return { apiKey: { id }, userErrors: [] };
    },
  }),
}));

// Keys are made and revoked by people acting as themselves: an impersonator or a key may not.
const managesKeys = and(isPartnerManager, isNotImpersonating);
addRules({
  Query: { apiKeys: isPartnerManager },
  Mutation: { createApiKey: managesKeys, revokeApiKey: managesKeys },
  ApiKey: { "*": isPartnerManager },
  ApiKeyPayload: { "*": allow },
});
