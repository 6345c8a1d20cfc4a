import { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it } from "vitest";
import { type Database, databaseFromPGlite } from "./client.js";
import { applyMigrations, committedMigrations } from "./migrate.js";

const KEYED = "20261203113700_audit_keyed_chain";

describe("the migration that keys the audit trail", () => {
  let database: Database | undefined;
  afterEach(() => database?.close());

  it("moves earlier events, unchanged, to AuditEventLegacy and starts fresh chains", async () => {
    database = databaseFromPGlite(new PGlite());
    await applyMigrations(database, committedMigrations().filter((m) => m.name < KEYED));
    await database.sql.exec(`INSERT INTO "AuditEvent" (id, chain, seq, action, outcome, "actorType", metadata, "prevHash", hash)
      VALUES ('00000000-0000-4000-8000-000000000001', 'platform', 1, 'mutation.addTicketComment', 'SUCCESS', 'STAFF', '{"input":{"body":"old note"}}', 'p', 'h');
      INSERT INTO "AuditChainHead" (chain, "lastSeq", "lastHash") VALUES ('platform', 1, 'h');`);
    expect(await applyMigrations(database)).toContain(KEYED);
    expect(await database.sql.query(`SELECT count(*)::int AS n FROM "AuditEvent"`)).toEqual([{ n: 0 }]);
    expect(await database.sql.query(`SELECT count(*)::int AS n FROM "AuditChainHead"`)).toEqual([{ n: 0 }]);
    expect(await database.sql.query(`SELECT action, metadata FROM "AuditEventLegacy"`)).toEqual([{ action: "mutation.addTicketComment", metadata: { input: { body: "old note" } } }]);
    await expect(database.sql.exec(`DELETE FROM "AuditEventLegacy"`)).rejects.toThrow(/append-only/);
  });
});
