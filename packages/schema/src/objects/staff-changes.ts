import type { Prisma } from "@mspgraph/db";
import { setAuditTarget } from "../audit/mutation-audit.js";
import type { GraphQLContext } from "../context.js";
import { notFound } from "../errors.js";
import { type StaffChange, changeErrors, lockPartnerStaff, staffCaller } from "./staff-rules.js";
import type { TUserError } from "./user-error.js";

/**
 * Ends every session of a staff member, the impersonations they started included (those are
 * their sessions too), so their access token is refused on the next request.
 * @returns the ended sessions' ids, for telling their live streams once the change is committed
 */
async function endStaffSessions(tx: Prisma.TransactionClient, staffUserId: string, reason: string): Promise<string[]> {
  const live = await tx.authSession.findMany({ where: { staffUserId, revokedAt: null }, select: { id: true } });
  await tx.authSession.updateMany({ where: { staffUserId, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } });
  return live.map((session) => session.id);
}

/**
 * Applies one change to a colleague of the caller's partner, under the partner's staff lock,
 * after the rules of staff-rules.ts; a disable or remove ends the colleague's sessions.
 * @param write the change itself, in the same transaction (none: only the checks and session ends)
 */
export async function changeStaff(
  context: GraphQLContext,
  id: string,
  change: StaffChange,
  write?: (tx: Prisma.TransactionClient, id: string) => Promise<unknown>,
): Promise<{ staffUser: { id: string } | null; userErrors: TUserError[] }> {
  const caller = staffCaller(context.principal);
  // Scoped first: another partner's staff member is simply not found.
  if (!(await context.db.staffUser.findUnique({ where: { id }, select: { id: true } }))) throw notFound("StaffUser");
  const outcome = await context.database.prisma.$transaction(async (tx) => {
    await lockPartnerStaff(tx, caller.partnerId);
    const target = await tx.staffUser.findFirst({ where: { id, partnerId: caller.partnerId }, select: { id: true, role: true, partnerId: true, disabledAt: true, passwordHash: true } });
    if (!target) throw notFound("StaffUser");
    const userErrors = await changeErrors(tx, caller, target, change);
    if (userErrors.length > 0) return { userErrors, ended: [] };
    const ended = change.disable || change.remove ? await endStaffSessions(tx, id, change.remove ? "user removed" : "user disabled") : [];
    await write?.(tx, id);
    return { userErrors, ended };
  });
  if (outcome.ended.length > 0) context.events.publish("sessionsEnded", { sessionIds: outcome.ended });
  if (change.remove && outcome.userErrors.length === 0) {
    // The row is gone, so the audit cannot read its partner from it.
    setAuditTarget(context, { type: "StaffUser", id, partnerId: caller.partnerId });
    return { staffUser: null, userErrors: [] };
  }
  return { staffUser: outcome.userErrors.length > 0 ? null : { id }, userErrors: outcome.userErrors };
}
