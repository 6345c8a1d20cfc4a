import { decodeGlobalID } from "@pothos/plugin-relay";
import type { GraphQLResolveInfo } from "graphql";
import type { IMiddlewareFieldMap } from "graphql-middleware";
import type { Prisma } from "@mspgraph/db";
import type { GraphQLContext } from "../context.js";
import { type InputSummary, summarizeInput } from "./input-summary.js";
import { tenancyOf } from "../tenancy/tenancy.js";
import { type AuditTarget, recordAuditEvent } from "./record.js";

// Mutations that write their own, more specific events (sign-in, sessions, impersonation).
const SELF_AUDITED = new Set(["login", "clientLogin", "refreshSession", "logout", "acceptClientInvitation", "acceptStaffInvitation", "startImpersonation", "stopImpersonation", "verifyMfa", "startTotpEnrollment", "confirmTotpEnrollment", "requestPasswordReset", "resetPassword"]);

// Staff acts a client's users see anyway (on their tickets and their own users), so their
// trail shows them; a hidden comment is staff-only work and stays out of it.
const CLIENT_VISIBLE: Record<string, (input: InputSummary) => boolean> = {
  createTicket: () => true,
  updateTicket: () => true,
  changeTicketStatus: () => true,
  addTicketComment: (input) => input.values.hidden !== true,
  inviteClientUser: () => true,
  updateClientUser: () => true,
  removeClientUser: () => true,
  resendClientInvitation: () => true,
  revokeClientInvitation: () => true,
};

const targets = new WeakMap<object, AuditTarget>();
const notes = new WeakMap<object, Record<string, unknown>>();

/** Names what a mutation acted on, for its audit event (called by the resolver). */
export function setAuditTarget(context: GraphQLContext, target: AuditTarget): void {
  targets.set(context, target);
}

/**
 * Adds to the mutation's audit event what its input summary leaves out on purpose but the
 * trail needs (a suspension's stated reason); never a secret or staff-only text.
 */
export function setAuditNote(context: GraphQLContext, note: Record<string, unknown>): void {
  notes.set(context, note);
}

/**
 * What the mutation acted on when its resolver did not say: the object in its payload, or
 * the global id in `input.id`; its partner and client are read from the row.
 */
async function inferTarget(context: GraphQLContext, args: Record<string, unknown>, result: unknown): Promise<AuditTarget | undefined> {
  let type: string | undefined;
  let id: string | undefined;
  for (const [key, value] of Object.entries((result ?? {}) as Record<string, unknown>)) {
    if (key !== "userErrors" && value && typeof value === "object" && typeof (value as { id?: unknown }).id === "string") {
      type = key.charAt(0).toUpperCase() + key.slice(1);
      id = (value as { id: string }).id;
      break;
    }
  }
  const inputId = (args.input as { id?: unknown } | undefined)?.id;
  if (!id && typeof inputId === "string") {
    try {
      ({ typename: type, id } = decodeGlobalID(inputId));
    } catch {
      return undefined;
    }
  }
  if (!type || !id) return undefined;
  // A node type is named after its model; the model's declaration names its tenant columns.
  const declared = tenancyOf(context.plugins).get(type);
  if (!declared || declared.owner === "none") return { type, id };
  const clientColumn = declared.owner === "client" ? declared.clientColumn : null;
  const delegate = context.database.prisma[(type.charAt(0).toLowerCase() + type.slice(1)) as Uncapitalize<Prisma.ModelName>] as unknown as {
    findUnique(args: object): Promise<Record<string, string | null> | null>;
  };
  const select = { [declared.partnerColumn]: true, ...(clientColumn ? { [clientColumn]: true } : {}) };
  const row = await delegate.findUnique({ where: { id }, select }).catch(() => null);
  return { type, id, partnerId: row?.[declared.partnerColumn] ?? null, clientId: clientColumn ? (row?.[clientColumn] ?? null) : null };
}

type Resolve = (parent: unknown, args: Record<string, unknown>, context: GraphQLContext, info: GraphQLResolveInfo) => unknown;

/**
 * Writes exactly one audit event for every mutation call (except the self-audited ones):
 * SUCCESS, or FAILURE with the user errors' or the thrown error's code. The event names the
 * arguments given and keeps only their ids, enums and flags (see summarizeInput).
 */
export function mutationAuditMiddleware(mutationFields: string[]): IMiddlewareFieldMap {
  const fields: Record<string, unknown> = {};
  for (const name of mutationFields) {
    if (SELF_AUDITED.has(name)) continue;
    fields[name] = async (resolve: Resolve, parent: unknown, args: Record<string, unknown>, context: GraphQLContext, info: GraphQLResolveInfo) => {
      let result: unknown;
      let failure: string | null = null;
      try {
        result = await resolve(parent, args, context, info);
        const userErrors = (result as { userErrors?: Array<{ code: string }> } | null)?.userErrors ?? [];
        if (userErrors.length > 0) failure = userErrors.map((e) => e.code).join(",");
        return result;
      } catch (error) {
        failure = String((error as { extensions?: { code?: string } }).extensions?.code ?? "INTERNAL");
        throw error;
      } finally {
        const input = summarizeInput(info.parentType.getFields()[name]?.args ?? [], args);
        await recordAuditEvent(context, {
          action: `mutation.${name}`,
          outcome: failure ? "FAILURE" : "SUCCESS",
          principal: context.principal,
          target: targets.get(context) ?? (await inferTarget(context, args, result)),
          metadata: { ...input, ...notes.get(context), ...(failure ? { error: failure } : {}) },
          request: context.request,
          clientVisible: !failure && (CLIENT_VISIBLE[name]?.(input) ?? false),
        });
        targets.delete(context);
        notes.delete(context);
      }
    };
  }
  return { Mutation: fields as IMiddlewareFieldMap[string] };
}
