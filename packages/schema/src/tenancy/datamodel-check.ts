import { getDatamodel } from "../generated/pothos-prisma-types.js";
import type { ModelTenancy } from "./define-tenancy.js";
import type { Tenancy } from "./tenancy.js";

/** The part of Prisma's datamodel the check reads: each model's fields. */
export type DatamodelModels = Record<string, { fields: ReadonlyArray<{ name: string; kind: string }> }>;

function columnsNamed(declared: ModelTenancy): string[] {
  if (declared.owner === "none") return [];
  const staffOnly = declared.staffOnlyColumns ?? [];
  if (declared.owner === "partner") return [declared.partnerColumn, ...staffOnly];
  return [declared.partnerColumn, declared.clientColumn, ...staffOnly, ...Object.keys(declared.clientRows ?? {})];
}

function problemsOf(model: string, declared: ModelTenancy, columns: Set<string>): string[] {
  const problems = columnsNamed(declared)
    .filter((column) => !columns.has(column))
    .map((column) => `${model}: "${column}" is not a column of the model`);
  const tenantColumns = ["partnerId", "clientId"].filter((column) => columns.has(column));
  if (declared.owner === "none" && tenantColumns.length > 0) problems.push(`${model} has ${tenantColumns.join(" and ")} but is declared non-tenant`);
  // A partner-owned declaration of a client's rows would show them to the whole partner.
  if (declared.owner === "partner" && columns.has("clientId")) problems.push(`${model} has clientId but is declared partner-owned: declare it client-owned`);
  return problems;
}

/**
 * What is wrong with `tenancy` against Prisma's datamodel: a model without a declaration
 * (identity tables are declared `owner: "none"`), a declaration of no model, a named column
 * the model lacks, a model with tenant columns declared non-tenant, or one with clientId
 * declared partner-owned. Empty when all is well.
 * @param models Prisma's models (the generated Pothos datamodel by default)
 */
export function tenancyProblems(tenancy: Tenancy, models: DatamodelModels = getDatamodel().datamodel.models): string[] {
  const problems: string[] = [];
  for (const [model, { fields }] of Object.entries(models)) {
    const declared = tenancy.get(model);
    if (!declared) {
      problems.push(`${model} has no tenancy declaration: add one with defineTenancy beside its feature (owner "none" for identity tables)`);
      continue;
    }
    problems.push(...problemsOf(model, declared, new Set(fields.filter((field) => field.kind === "scalar" || field.kind === "enum").map((field) => field.name))));
  }
  for (const model of tenancy.keys()) if (!(model in models)) problems.push(`${model} is declared but is no Prisma model`);
  return problems;
}
