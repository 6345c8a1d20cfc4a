import { decodeGlobalID } from "@pothos/plugin-relay";
import { badInput } from "../errors.js";

/**
 * The database id inside a Relay global id of the expected type.
 * @remarks A malformed id, or the id of another type, is the caller's mistake (BAD_USER_INPUT);
 * an id of the right type that the caller cannot see is NOT_FOUND, decided by the lookup.
 */
export function idOf(globalId: string, typename: string, field = "id"): string {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    throw badInput(`\`${field}\` is not a valid id`, field);
  }
  if (decoded.typename !== typename) throw badInput(`\`${field}\` must be the id of a ${typename}`, field);
  return uuidOrBadInput(decoded.id, field);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidOrBadInput(id: string, field: string): string {
  if (!UUID.test(id)) throw badInput(`\`${field}\` is not a valid id`, field);
  return id;
}

/**
 * How `node`/`nodes` load every type: a missing row (or one outside the caller's tenant
 * scope) is null, not an error, and a malformed id is the caller's mistake.
 */
export const nodeLookup = { nullable: true, findUnique: (id: string) => ({ id: uuidOrBadInput(id, "id") }) } as const;
