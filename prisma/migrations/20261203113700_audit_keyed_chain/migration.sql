-- The audit trail is keyed (HMAC-SHA256 under MSPGRAPH_AUDIT_KEY) and keeps names and ids
-- instead of mutation inputs. Events written before this migration are moved, unchanged,
-- to "AuditEventLegacy": their unkeyed chains cannot be checked under the key, and their
-- metadata holds whole inputs (staff-only text included). The API starts fresh chains.
CREATE TABLE "AuditEventLegacy" AS TABLE "AuditEvent";
ALTER TABLE "AuditEventLegacy" ADD CONSTRAINT "AuditEventLegacy_pkey" PRIMARY KEY ("id");
CREATE TRIGGER "AuditEventLegacy_append_only" BEFORE UPDATE OR DELETE ON "AuditEventLegacy"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

-- TRUNCATE skips row triggers: this is the one place the trail is emptied on purpose.
TRUNCATE "AuditEvent";
TRUNCATE "AuditChainHead";

ALTER TABLE "AuditEvent" ADD COLUMN "actorName" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "clientVisible" BOOLEAN NOT NULL DEFAULT false;

-- From now on TRUNCATE is refused like UPDATE and DELETE (statement-level: it has no rows).
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER "AuditEventLegacy_no_truncate" BEFORE TRUNCATE ON "AuditEventLegacy"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
