import { ProviderSettingError } from "@mspgraph/schema";
import type { SyncroClient } from "./client/client.js";
import type { TSyncroTicketSettings } from "./client/schemas.js";
import type { TSyncroConfig } from "./connection-client.js";

const typeList = (settings: TSyncroTicketSettings) => settings.ticketTypes.map((type) => `${type.name} (${type.id})`).join(", ") || "none";

/** Why the connection's default ticket type or problem type is not one of the account's, or null. */
export function ticketDefaultsProblem(settings: TSyncroTicketSettings, config: Partial<TSyncroConfig>): { field: string; message: string } | null {
  const typeId = config.defaultTicketTypeId;
  if (typeId !== undefined && !settings.ticketTypes.some((type) => type.id === typeId)) {
    return { field: "config.defaultTicketTypeId", message: `Syncro has no ticket type ${typeId}; its ticket types are: ${typeList(settings)}` };
  }
  const problem = config.defaultProblemType;
  // Accounts whose settings list no problem types take any text.
  if (problem !== undefined && settings.problemTypes.length > 0 && !settings.problemTypes.includes(problem)) {
    return { field: "config.defaultProblemType", message: `"${problem}" is not one of Syncro's problem types: ${settings.problemTypes.join(", ")}` };
  }
  return null;
}

/**
 * The ticket type and problem type a new ticket is created with: the connection's defaults,
 * checked against the account's ticket settings.
 * @throws ProviderSettingError when Syncro requires a ticket type and none is chosen, or the
 * chosen one no longer exists, so staff learn which setting to make instead of a bare 422
 */
export async function newTicketDefaults(client: SyncroClient, config: Partial<TSyncroConfig>): Promise<{ ticketTypeId?: number; problemType?: string }> {
  // Read for every new ticket (one cheap call): an admin who turns on "require ticket type" in
  // Syncro gets the clear message at once, not a bare 422 until a cache expires.
  const settings = await client.ticketSettings();
  const problem = ticketDefaultsProblem(settings, config);
  if (problem) throw new ProviderSettingError(`The Syncro connection's ${problem.field} must be changed: ${problem.message}`);
  if (config.defaultTicketTypeId === undefined && settings.requireTicketType) {
    throw new ProviderSettingError(
      `Syncro requires a ticket type on new tickets and the Syncro connection has no default: an OWNER or ADMIN sets config.defaultTicketTypeId (Syncro's ticket types: ${typeList(settings)})`,
    );
  }
  return {
    ...(config.defaultTicketTypeId === undefined ? {} : { ticketTypeId: config.defaultTicketTypeId }),
    ...(config.defaultProblemType === undefined ? {} : { problemType: config.defaultProblemType }),
  };
}
