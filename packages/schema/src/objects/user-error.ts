import { Prisma } from "@mspgraph/db";
import type { z } from "zod";
import { builder } from "../builder.js";
import { addRules, allow } from "../permissions.js";

export type UserErrorCode = "BAD_USER_INPUT" | "CONFLICT" | "NOT_FOUND" | "INVALID_CREDENTIALS" | "INVALID_CODE" | "FORBIDDEN" | "OUTBOUND_NOT_ALLOWED" | "PROVIDER_SETTING_REQUIRED" | "PARTNER_SUSPENDED";
export type TUserError = { field: string | null; message: string; code: UserErrorCode };

const UserErrorCodeEnum = builder.enumType("UserErrorCode", {
  values: {
    BAD_USER_INPUT: {},
    CONFLICT: {},
    NOT_FOUND: {},
    INVALID_CREDENTIALS: {},
    INVALID_CODE: { description: "The authenticator or recovery code is wrong, already used, or not for this step" },
    FORBIDDEN: {},
    OUTBOUND_NOT_ALLOWED: { description: "The address is one this server may not call (not https, not public, or a redirect); see MSPGRAPH_OUTBOUND_ALLOW" },
    PROVIDER_SETTING_REQUIRED: { description: "The partner's ticket provider needs a setting first (e.g. Syncro requires a ticket type: set the connection's defaultTicketTypeId)" },
    PARTNER_SUSPENDED: { description: "The partner is suspended: its people cannot sign in and nobody can act as it until a platform admin reactivates it" },
  } as const,
});

/** An expected failure of a mutation, in its payload (Shopify's `userErrors` convention). */
export const UserErrorRef = builder.objectRef<TUserError>("UserError").implement({
  description: "A reason the mutation did not do what was asked; nothing was changed",
  fields: (t) => ({
    field: t.exposeString("field", { nullable: true, description: "The input field at fault, if one is" }),
    message: t.exposeString("message"),
    code: t.expose("code", { type: UserErrorCodeEnum }),
  }),
});

addRules({ UserError: { "*": allow } });

/** The zod issues of an invalid input, as user errors naming the fields. */
export function zodUserErrors(error: z.ZodError): TUserError[] {
  return error.issues.map((issue) => ({ field: issue.path.join(".") || null, message: issue.message, code: "BAD_USER_INPUT" }));
}

/**
 * True for a unique constraint violation. Prisma reports it as P2002 through the pg adapter;
 * the PGlite adapter passes PostgreSQL's own error (code 23505) through as a DriverAdapterError.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2002";
  const cause = (error as { cause?: { kind?: string; code?: string } } | null)?.cause;
  return (error as Error | null)?.name === "DriverAdapterError" && cause?.kind === "postgres" && cause.code === "23505";
}

/** A unique constraint violation as a CONFLICT user error; anything else is rethrown. */
export function conflictOrThrow(error: unknown, field: string, message: string): TUserError[] {
  if (isUniqueViolation(error)) return [{ field, message, code: "CONFLICT" }];
  throw error;
}
