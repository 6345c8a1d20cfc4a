import type { Prisma, StaffRole } from "@mspgraph/db";
import { and } from "graphql-shield";
import { forbidden } from "../errors.js";
import type { Principal } from "../principal.js";
import { isPartnerManager, isPerson } from "../rules/roles.js";
import type { TUserError } from "./user-error.js";

/**
 * Who may manage a partner's staff: its OWNERs and ADMINs, as people (an API key may not
 * grant roles), including a platform admin impersonating the partner (who acts as its ADMIN).
 */
export const managesStaff = and(isPartnerManager, isPerson);

/** The staff manager making a change: their id, role and partner. */
export type StaffCaller = { userId: string; role: StaffRole; partnerId: string };

/** The caller of a staff mutation; FORBIDDEN for anyone not bound to a partner (a platform admin acting as themselves). */
export function staffCaller(principal: Principal): StaffCaller {
  if (principal.kind !== "staff" || !principal.partnerId) throw forbidden();
  return { userId: principal.userId, role: principal.role, partnerId: principal.partnerId };
}

/** What a staff mutation would do to its target. */
export type StaffChange = { role?: StaffRole; disable?: boolean; remove?: boolean };

/** The target as the checks need it, read inside the locked transaction. */
export type StaffTarget = { id: string; role: StaffRole; partnerId: string | null; disabledAt: Date | null; passwordHash: string | null };

const refuse = (field: string, message: string, code: TUserError["code"] = "FORBIDDEN"): TUserError[] => [{ field, message, code }];

/** The role a manager may give: only an OWNER makes an OWNER, and nobody here makes a platform admin. */
export function grantErrors(caller: StaffCaller, role: StaffRole | null | undefined): TUserError[] {
  if (role === "PLATFORM_ADMIN") return refuse("role", "a partner's staff can be an owner, an admin or a technician");
  if (role === "OWNER" && caller.role !== "OWNER") return refuse("role", "only an owner can make someone an owner");
  return [];
}

/** Only an OWNER changes, disables, removes or re-invites another OWNER. */
export function ownerTargetErrors(caller: StaffCaller, target: { role: StaffRole }, field = "id"): TUserError[] {
  return target.role === "OWNER" && caller.role !== "OWNER" ? refuse(field, "only an owner can change an owner") : [];
}

const isActiveOwner = (user: Pick<StaffTarget, "role" | "disabledAt" | "passwordHash">) => user.role === "OWNER" && !user.disabledAt && user.passwordHash !== null;

/**
 * Serialises every staff change of one partner: the partner's row is locked until the
 * transaction ends, so two changes cannot each see another active owner and both leave.
 */
export async function lockPartnerStaff(tx: Prisma.TransactionClient, partnerId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Partner" WHERE id = ${partnerId}::uuid FOR UPDATE`;
}

/**
 * Every rule a change to an existing staff member must pass, in the order a manager would want
 * to hear them. Call inside the transaction, after lockPartnerStaff.
 */
export async function changeErrors(tx: Prisma.TransactionClient, caller: StaffCaller, target: StaffTarget, change: StaffChange): Promise<TUserError[]> {
  const denied = [...ownerTargetErrors(caller, target), ...grantErrors(caller, change.role)];
  if (denied.length > 0) return denied;
  const leavesOwners = change.remove || change.disable || (change.role !== undefined && change.role !== "OWNER");
  if (leavesOwners && isActiveOwner(target)) {
    const others = await tx.staffUser.count({ where: { partnerId: target.partnerId, role: "OWNER", disabledAt: null, passwordHash: { not: null }, id: { not: target.id } } });
    if (others === 0) return refuse(change.role ? "role" : "id", "the partner must keep at least one active owner: make someone else an owner first", "CONFLICT");
  }
  if (target.id === caller.userId && (change.remove || change.disable)) return refuse("id", change.remove ? "you cannot remove yourself" : "you cannot disable yourself");
  return [];
}
