import type { Prisma } from "@mspgraph/db";

type Row<Model extends Prisma.ModelName> = Prisma.TypeMap["model"][Model]["payload"]["scalars"];
/** A column of `Model`, checked against Prisma's generated types. */
export type Column<Model extends Prisma.ModelName> = keyof Row<Model> & string;

type Declaration<Col extends string, Rows> =
  /** Not tenant data (sessions, tokens, throttles): the scoped client refuses it; only named platform paths reach it. */
  | { owner: "none"; reason: string }
  | {
      owner: "partner";
      /** The column naming the owning partner (`id` for Partner itself). */
      partnerColumn: Col;
      /** Client users: refused, or every row of their partner (the partner's own record, its staff's names). */
      clientUsers: "refused" | "wholePartner";
      /** Columns a client user's queries never read, and their fields of the same name refuse. */
      staffOnlyColumns?: readonly Col[];
    }
  | {
      owner: "client";
      partnerColumn: Col;
      /** The column naming the owning client (`id` for Client itself); may be null while unassigned. */
      clientColumn: Col;
      /** Client users: refused, or the rows of their own client. */
      clientUsers: "refused" | "ownClient";
      /** What else a client user's rows must match: `{ visibility: "CLIENT" }`, `{ hidden: false }`. */
      clientRows?: Rows;
      staffOnlyColumns?: readonly Col[];
    };

/** One model's tenancy, as the scope, the audit trail and the loaders read it. */
export type ModelTenancy = Declaration<string, Readonly<Record<string, unknown>>>;

/** Tenancy declarations keyed by Prisma model name; columns are checked against the model. */
export type TenancyDeclarations = { readonly [Model in Prisma.ModelName]?: Declaration<Column<Model>, Partial<Row<Model>>> };

/**
 * Declares the tenancy of the models a feature (or a plugin) owns, beside its code.
 * @remarks A model without a declaration is refused to everyone but platform admins, and
 * `tenancy-declarations.test.ts` in apps/api fails the build for it.
 */
export function defineTenancy(declarations: TenancyDeclarations): TenancyDeclarations {
  return declarations;
}
