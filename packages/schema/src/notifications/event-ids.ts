import { decodeGlobalID } from "@pothos/plugin-relay";
import type { Prisma } from "@mspgraph/db";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type JsonObject = { [key: string]: Prisma.JsonValue };
const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

/** A database id from a GraphQL global id or a raw uuid; undefined for anything else. */
export function databaseId(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  if (UUID.test(value)) return value;
  try {
    const { id } = decodeGlobalID(value);
    return UUID.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The id of `name` (e.g. "ticket") in an event payload: `ticketId`, or `ticket.id`.
 * @remarks The notifier reads ids only and loads the rest from the database, so it does
 * not depend on which other fields a payload version carries.
 */
export function payloadId(payload: Prisma.JsonValue, name: string): string | undefined {
  if (!isObject(payload)) return undefined;
  const nested = payload[name];
  return databaseId(payload[`${name}Id`]) ?? (isObject(nested) ? databaseId(nested.id) : undefined);
}

const AFTER = ["to", "new", "after", "current", "value"];
const BEFORE = new Set(["from", "old", "before", "previous"]);

/** Whether a payload says a `status` became `value` (`status: X` or `status: { to: X }`, at any depth). */
export function statusBecame(payload: Prisma.JsonValue, value: string): boolean {
  if (Array.isArray(payload)) return payload.some((item) => statusBecame(item, value));
  if (!isObject(payload)) return false;
  const status = payload.status;
  if (status === value) return true;
  if (isObject(status) && AFTER.some((key) => status[key] === value)) return true;
  return Object.entries(payload).some(([key, nested]) => key !== "status" && !BEFORE.has(key) && typeof nested === "object" && statusBecame(nested, value));
}
