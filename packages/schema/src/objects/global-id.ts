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
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(decoded.id)) throw badInput(`\`${field}\` is not a valid id`, field);
  return decoded.id;
}
