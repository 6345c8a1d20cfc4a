import { z } from "zod";
import { permissionError, type SyncroApiError } from "./errors.js";
import { requiredPermission } from "./permissions.js";
import { sendOnce } from "./send-once.js";
import type { TSyncroRequest, TSyncroTransport } from "./transport.js";

/** `GET /me`: who the token belongs to and what it may do. Only the fields we read. */
export const ZSyncroMe = z
  .object({
    user_id: z.number().nullish(),
    user_name: z.string().nullish(),
    admin: z.boolean().nullish(),
    // e.g. { customer: { read: true, write: false }, ticket: { ... } }
    permissions: z.record(z.string(), z.record(z.string(), z.boolean().nullish())).nullish(),
  })
  .transform((wire) => ({ userId: wire.user_id ?? null, userName: wire.user_name ?? null, admin: wire.admin ?? false, permissions: wire.permissions ?? {} }));
export type TSyncroMe = z.output<typeof ZSyncroMe>;

export const ME_REQUEST: TSyncroRequest<TSyncroMe> = { method: "GET", path: "/me", schema: ZSyncroMe };

/**
 * Tells a dead token from a missing permission after a 401: Syncro answers 401 for both.
 * `GET /me` needs no permission, so when it works the token is alive and the call was refused
 * for a permission (`forbidden`, naming it); when it too is refused the token is dead.
 * @remarks Any other failure of `GET /me` leaves the 401 as it was: the token may be dead.
 */
export async function explainUnauthorized(transport: TSyncroTransport, request: TSyncroRequest<unknown>, error: SyncroApiError): Promise<SyncroApiError> {
  if (request.path === ME_REQUEST.path) return error;
  try {
    await transport.limiter.acquire();
    await sendOnce(transport, ME_REQUEST);
  } catch {
    return error;
  }
  const call = `${request.method} ${request.path}`;
  return permissionError({ call, status: error.status ?? 401, permission: requiredPermission(call) });
}
