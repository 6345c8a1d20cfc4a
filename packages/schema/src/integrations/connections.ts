import { randomBytes } from "node:crypto";
import type { IntegrationConnection, PrismaClient } from "@mspgraph/db";
import type { z } from "zod";
import { type KeyRing, decryptJson, encryptJson } from "../crypto/credential-cipher.js";
import type { GraphQLContext } from "../context.js";
import type { IntegrationPlugin } from "./plugin-contract.js";

// Binds a ciphertext to its partner and plugin: a value copied to another row will not decrypt.
export const associatedData = (partnerId: string, pluginId: string) => `integration:${partnerId}:${pluginId}`;

export function encryptCredentials(context: Pick<GraphQLContext, "keyRing">, partnerId: string, pluginId: string, credentials: Record<string, unknown>): string {
  return encryptCredentialsWith(context.keyRing, partnerId, pluginId, credentials);
}

export function encryptCredentialsWith(ring: KeyRing, partnerId: string, pluginId: string, credentials: Record<string, unknown>): string {
  return encryptJson(ring, credentials, associatedData(partnerId, pluginId));
}

/** Decrypts a connection's credentials, for a plugin's own calls only; never returned by a field. */
export function decryptCredentials(context: Pick<GraphQLContext, "keyRing">, connection: Pick<IntegrationConnection, "partnerId" | "pluginId" | "credentialsCiphertext">) {
  if (!connection.credentialsCiphertext) return null;
  return decryptJson<Record<string, unknown>>(context.keyRing, connection.credentialsCiphertext, associatedData(connection.partnerId, connection.pluginId));
}

export type ParsedSettings = { ok: true; value: Record<string, unknown> } | { ok: false; issues: z.core.$ZodIssue[] };

export function parseWith(schema: z.ZodObject, value: unknown): ParsedSettings {
  const parsed = schema.safeParse(value ?? {});
  return parsed.success ? { ok: true, value: parsed.data as Record<string, unknown> } : { ok: false, issues: parsed.error.issues };
}

export function pluginById(context: GraphQLContext, pluginId: string): IntegrationPlugin | undefined {
  return context.plugins.find((plugin) => plugin.id === pluginId);
}

/** A plugin a partner connects (not the built-in psa, which needs no connection). */
export function connectablePlugin(context: GraphQLContext, pluginId: string): IntegrationPlugin | undefined {
  const plugin = pluginById(context, pluginId);
  return plugin?.needsConnection ? plugin : undefined;
}

/** The partner's connection to a plugin, through the caller's tenant scope. */
export function findConnection(db: PrismaClient, partnerId: string, pluginId: string) {
  return db.integrationConnection.findUnique({ where: { partnerId_pluginId: { partnerId, pluginId } } });
}

export const webhookData = (partnerId: string, pluginId: string) => `webhook:${partnerId}:${pluginId}`;

/** A new secret for a connection's webhook URL, encrypted for storage. */
export function newWebhookSecret(ring: KeyRing, partnerId: string, pluginId: string): { secret: string; ciphertext: string } {
  const secret = randomBytes(24).toString("base64url");
  return { secret, ciphertext: encryptJson(ring, secret, webhookData(partnerId, pluginId)) };
}

export function decryptWebhookSecret(context: Pick<GraphQLContext, "keyRing">, connection: Pick<IntegrationConnection, "partnerId" | "pluginId" | "webhookSecretCiphertext">): string | null {
  if (!connection.webhookSecretCiphertext) return null;
  return decryptJson<string>(context.keyRing, connection.webhookSecretCiphertext, webhookData(connection.partnerId, connection.pluginId));
}
