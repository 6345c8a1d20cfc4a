import type { Prisma } from "@mspgraph/db";
import type { FieldRule } from "../permissions.js";
import { isStaff } from "../rules/roles.js";
import { coreTenancyOf } from "./tenancy.js";

/**
 * Shield rules for the fields named after `model`'s staff-only columns: staff and API keys
 * only. The scoped client already leaves those columns out of a client user's reads.
 */
export function staffOnlyFieldRules(model: Prisma.ModelName): Record<string, FieldRule> {
  const declared = coreTenancyOf(model);
  const columns = declared.owner === "none" ? [] : (declared.staffOnlyColumns ?? []);
  return Object.fromEntries(columns.map((column) => [column, isStaff]));
}
