import { randomBytes } from "node:crypto";
import { type TestDatabase, createTestDatabase } from "@mspgraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyIdOf, keyRing } from "../crypto/credential-cipher.js";
import { reencryptSecrets } from "../integrations/reencrypt.js";
import { createWebhookEndpoint } from "./endpoints.js";
import { openWebhookSecret } from "./secrets.js";

describe("webhook signing secrets at rest", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it("are stored encrypted, bound to their endpoint, and move to a new key with reencryptSecrets", async () => {
    const old = randomBytes(32);
    const before = keyRing("k1", { k1: old });
    const partnerId = (await db.prisma.partner.create({ data: { name: "Northwind MSP", slug: "northwind" }, select: { id: true } })).id;
    const first = await createWebhookEndpoint(db.prisma, before, { partnerId, url: "https://hooks.example.com/a", events: ["ticket.created"], description: "" });
    const second = await createWebhookEndpoint(db.prisma, before, { partnerId, url: "https://hooks.example.com/b", events: ["ticket.created"], description: "" });
    const rows = await db.prisma.webhookEndpoint.findMany({ orderBy: { url: "asc" } });
    expect(JSON.stringify(rows)).not.toContain(first.secret.slice(6));
    // A ciphertext copied onto another endpoint does not open there.
    expect(() => openWebhookSecret(before, { id: second.id, secretCiphertext: rows[0]!.secretCiphertext })).toThrow(/encrypted for another row/);

    const after = keyRing("k2", { k1: old, k2: randomBytes(32) });
    expect(await reencryptSecrets(db.prisma, after)).toBe(2);
    const moved = await db.prisma.webhookEndpoint.findMany({ orderBy: { url: "asc" } });
    expect(moved.map((row) => keyIdOf(row.secretCiphertext))).toEqual(["k2", "k2"]);
    expect(openWebhookSecret(after, moved[0]!)).toBe(first.secret);
    expect(await reencryptSecrets(db.prisma, after)).toBe(0);
  });
});
