import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { decryptJson, encryptJson } from "@mspgraph/schema";
import { afterEach, describe, expect, it } from "vitest";
import { readApiEnv } from "./env.js";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "mspgraph-env-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const key = () => randomBytes(32).toString("base64");

describe("the API's environment", () => {
  it("embedded: generates keys once into the data directory, owner-only, and reuses them", () => {
    const dataDir = tempDir();
    const first = readApiEnv({ MSPGRAPH_DATA_DIR: dataDir });
    const file = path.join(dataDir, "secrets.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = readApiEnv({ MSPGRAPH_DATA_DIR: dataDir });
    expect(Buffer.from(second.secrets.jwtSecret)).toEqual(Buffer.from(first.secrets.jwtSecret));
    const sealed = encryptJson(first.secrets.keyRing, { token: "x" }, "row");
    expect(decryptJson(second.secrets.keyRing, sealed, "row")).toEqual({ token: "x" });
    expect(first.secrets.auditKey.byteLength).toBe(32);
    expect(Buffer.from(second.secrets.auditKey)).toEqual(Buffer.from(first.secrets.auditKey));
  });

  it("embedded: adds an audit key to a secrets file from before the trail was keyed, keeping the other keys", () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, "secrets.json");
    const old = { jwtSecret: randomBytes(32).toString("base64url"), encryptionKeys: { k1: randomBytes(32).toString("base64url") }, activeEncryptionKeyId: "k1" };
    writeFileSync(file, JSON.stringify(old));
    const env = readApiEnv({ MSPGRAPH_DATA_DIR: dataDir });
    const stored = JSON.parse(readFileSync(file, "utf8"));
    expect(stored).toMatchObject(old);
    expect(Buffer.from(env.secrets.auditKey).toString("base64url")).toBe(stored.auditKey);
  });

  it("embedded: adds an encryption key to a secrets file from before credentials were encrypted, keeping its JWT secret", () => {
    const dataDir = tempDir();
    const jwtSecret = randomBytes(32).toString("base64url");
    writeFileSync(path.join(dataDir, "secrets.json"), JSON.stringify({ jwtSecret }));
    const env = readApiEnv({ MSPGRAPH_DATA_DIR: dataDir });
    expect(Buffer.from(env.secrets.jwtSecret).toString("base64url")).toBe(jwtSecret);
    expect(JSON.parse(readFileSync(path.join(dataDir, "secrets.json"), "utf8")).encryptionKeys.k1).toEqual(expect.any(String));
  });

  it("reads MSPGRAPH_OUTBOUND_ALLOW into the outbound policy, strict when unset, and names a bad entry", () => {
    const dataDir = tempDir();
    expect(readApiEnv({ MSPGRAPH_DATA_DIR: dataDir }).outbound).toEqual({ hosts: [], ranges: [] });
    const allowed = readApiEnv({ MSPGRAPH_DATA_DIR: dataDir, MSPGRAPH_OUTBOUND_ALLOW: "syncro.internal:8443, 10.20.0.0/16" }).outbound;
    expect(allowed.hosts).toEqual([{ host: "syncro.internal", port: 8443 }]);
    expect(allowed.ranges).toHaveLength(1);
    expect(() => readApiEnv({ MSPGRAPH_DATA_DIR: dataDir, MSPGRAPH_OUTBOUND_ALLOW: "https://x.test/" })).toThrow('MSPGRAPH_OUTBOUND_ALLOW: "https://x.test/" is not a host, host:port or CIDR range');
  });

  it("server: requires the JWT secret and encryption keys, and names what is missing", () => {
    const url = "postgres://u@localhost/db";
    expect(() => readApiEnv({ DATABASE_URL: url })).toThrow(/MSPGRAPH_JWT_SECRET is required/);
    expect(() => readApiEnv({ DATABASE_URL: url, MSPGRAPH_JWT_SECRET: key() })).toThrow(/MSPGRAPH_ENCRYPTION_KEYS is required/);
    expect(() => readApiEnv({ DATABASE_URL: url, MSPGRAPH_JWT_SECRET: "short" })).toThrow(/at least 32 random bytes/);
    expect(() => readApiEnv({ DATABASE_URL: url, MSPGRAPH_JWT_SECRET: key(), MSPGRAPH_ENCRYPTION_KEYS: "nokey" })).toThrow(/must look like/);
    const withKeys = { DATABASE_URL: url, MSPGRAPH_JWT_SECRET: key(), MSPGRAPH_ENCRYPTION_KEYS: `k1:${key()}` };
    expect(() => readApiEnv(withKeys)).toThrow(/MSPGRAPH_AUDIT_KEY is required/);
    expect(() => readApiEnv({ ...withKeys, MSPGRAPH_AUDIT_KEY: "short" })).toThrow(/MSPGRAPH_AUDIT_KEY must be at least 32 random bytes/);
    const auditKey = randomBytes(32);
    expect(Buffer.from(readApiEnv({ ...withKeys, MSPGRAPH_AUDIT_KEY: auditKey.toString("base64") }).secrets.auditKey)).toEqual(auditKey);
  });

  it("server: reads a key ring for rotation; the last key (or the named one) encrypts", () => {
    const base = { DATABASE_URL: "postgres://u@localhost/db", MSPGRAPH_JWT_SECRET: key(), MSPGRAPH_AUDIT_KEY: key() };
    const keys = `old:${key()},new:${key()}`;
    expect(readApiEnv({ ...base, MSPGRAPH_ENCRYPTION_KEYS: keys }).secrets.keyRing.activeKeyId).toBe("new");
    const pinned = readApiEnv({ ...base, MSPGRAPH_ENCRYPTION_KEYS: keys, MSPGRAPH_ENCRYPTION_KEY_ID: "old" }).secrets.keyRing;
    expect([pinned.activeKeyId, [...pinned.keys.keys()]]).toEqual(["old", ["old", "new"]]);
    expect(() => readApiEnv({ ...base, MSPGRAPH_ENCRYPTION_KEYS: keys, MSPGRAPH_ENCRYPTION_KEY_ID: "gone" })).toThrow(/not among the keys/);
  });

  it("trusts no proxy's X-Forwarded-For unless MSPGRAPH_TRUSTED_PROXIES names it, and names a bad entry", () => {
    const dataDir = tempDir();
    expect(readApiEnv({ MSPGRAPH_DATA_DIR: dataDir }).trustedProxies.has("127.0.0.1")).toBe(false);
    const trusted = readApiEnv({ MSPGRAPH_DATA_DIR: dataDir, MSPGRAPH_TRUSTED_PROXIES: "10.0.0.0/8, 2001:db8::/32 loopback" }).trustedProxies;
    expect(["10.1.2.3", "2001:db8::7", "127.0.0.1", "::1", "::ffff:10.0.0.1"].map(trusted.has)).toEqual([true, true, true, true, true]);
    expect(["11.0.0.1", "2001:db9::1", "192.168.0.1"].map(trusted.has)).toEqual([false, false, false]);
    for (const bad of ["10.0.0.0/33", "10.0.0/8", "proxy.internal", "10.0.0.0/"]) {
      expect(() => readApiEnv({ MSPGRAPH_DATA_DIR: dataDir, MSPGRAPH_TRUSTED_PROXIES: bad })).toThrow(`MSPGRAPH_TRUSTED_PROXIES: not an IP address or CIDR: "${bad}"`);
    }
  });

  it("reads the hourly point budget, 5,000 unless MSPGRAPH_HOURLY_BUDGET says otherwise, and refuses a bad one", () => {
    const dataDir = tempDir();
    expect(readApiEnv({ MSPGRAPH_DATA_DIR: dataDir }).MSPGRAPH_HOURLY_BUDGET).toBe(5000);
    expect(readApiEnv({ MSPGRAPH_DATA_DIR: dataDir, MSPGRAPH_HOURLY_BUDGET: "250" }).MSPGRAPH_HOURLY_BUDGET).toBe(250);
    for (const bad of ["0", "-5", "lots", "2.5"]) expect(() => readApiEnv({ MSPGRAPH_DATA_DIR: dataDir, MSPGRAPH_HOURLY_BUDGET: bad })).toThrow(/MSPGRAPH_HOURLY_BUDGET/);
  });

  it("refuses a bad port or a non-PostgreSQL DATABASE_URL", () => {
    expect(() => readApiEnv({ API_PORT: "70000", MSPGRAPH_DATA_DIR: tempDir() })).toThrow(/API_PORT/);
    expect(() => readApiEnv({ DATABASE_URL: "mysql://x" })).toThrow(/postgres/);
  });

  it("reads Syncro's egress and rate limit: one shared budget of 170 a minute unless told otherwise, and names a bad value", () => {
    const dataDir = tempDir();
    expect(readApiEnv({ MSPGRAPH_DATA_DIR: dataDir }).syncroRateLimit).toEqual({ egress: "shared", maxRequests: 170, windowMs: 60_000 });
    expect(readApiEnv({ MSPGRAPH_DATA_DIR: dataDir, MSPGRAPH_SYNCRO_EGRESS: "nat-eu-1", MSPGRAPH_SYNCRO_RATE_LIMIT: "150/0.5s" }).syncroRateLimit).toEqual({ egress: "nat-eu-1", maxRequests: 150, windowMs: 500 });
    expect(() => readApiEnv({ MSPGRAPH_DATA_DIR: dataDir, MSPGRAPH_SYNCRO_RATE_LIMIT: "200/60s" })).toThrow(/MSPGRAPH_SYNCRO_RATE_LIMIT: allows 12 to 180 requests/);
    expect(() => readApiEnv({ MSPGRAPH_DATA_DIR: dataDir, MSPGRAPH_SYNCRO_RATE_LIMIT: "170 a minute" })).toThrow(/MSPGRAPH_SYNCRO_RATE_LIMIT: must look like/);
  });

  it("reads the mail settings: the demo's without SMTP, MSPGRAPH_MAIL_FROM required with it, and a bad URL named without its password", () => {
    const dataDir = tempDir();
    const demo = readApiEnv({ MSPGRAPH_DATA_DIR: dataDir });
    expect(demo.mail).toEqual({ publicUrl: "http://localhost:3000", from: "mspgraph <no-reply@localhost>", delivers: false });
    expect(demo.smtpUrl).toBeUndefined();
    const smtp = "smtp://mailer:hunter2@mail.example.test:587";
    const configured = readApiEnv({ MSPGRAPH_DATA_DIR: dataDir, MSPGRAPH_SMTP_URL: smtp, MSPGRAPH_MAIL_FROM: "IT <it@example.test>", MSPGRAPH_PUBLIC_URL: "https://portal.example.test" });
    expect(configured.mail).toEqual({ publicUrl: "https://portal.example.test", from: "IT <it@example.test>", delivers: true });
    expect(configured.smtpUrl).toBe(smtp);
    expect(() => readApiEnv({ MSPGRAPH_DATA_DIR: dataDir, MSPGRAPH_SMTP_URL: smtp })).toThrow("MSPGRAPH_MAIL_FROM is required with MSPGRAPH_SMTP_URL");
    expect(() => readApiEnv({ MSPGRAPH_DATA_DIR: dataDir, MSPGRAPH_SMTP_URL: "https://mailer:hunter2@mail.example.test", MSPGRAPH_MAIL_FROM: "x@example.test" })).toThrow(/^Invalid environment: MSPGRAPH_SMTP_URL: must start with smtp:\/\/ or smtps:\/\/$/);
    expect(() => readApiEnv({ MSPGRAPH_DATA_DIR: dataDir, MSPGRAPH_PUBLIC_URL: "ftp://portal.example.test" })).toThrow("MSPGRAPH_PUBLIC_URL");
  });
});
