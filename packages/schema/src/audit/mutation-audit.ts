import { decodeGlobalID } from "@pothos/plugin-relay";
import type { GraphQLResolveInfo } from "graphql";
import type { IMiddlewareFieldMap } from "graphql-middleware";
import type { GraphQLContext } from "../context.js";
import { type InputSummary, summarizeInput } from "./input-summary.js";
import { type AuditTarget, recordAuditEvent } from "./record.js";

// Mutations that write their own, more specific events (sign-in, sessions, impersonation).
const SELF_AUDITED = new Set(["login", "clientLogin", "refreshSession", "logout", "acceptClientInvitation", "startImpersonation", "stopImpersonation"]);

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
};

const targets = new WeakMap<object, AuditTarget>();

/** Names what a mutation acted on, for its audit event (called by the resolver). */
export function setAuditTarget(context: GraphQLContext, target: AuditTarget): void {
  targets.set(context, target);
}

const TENANT_MODELS: Record<string, "client" | "clientUser" | "alert" | "document" | "apiKey" | "site" | "agent" | "ticket" | "ticketComment" | "lineItem" | "timeEntry" | "product"> = {
  Client: "client",
  Ticket: "ticket",
  TicketComment: "ticketComment",
  LineItem: "lineItem",
  TimeEntry: "timeEntry",
  Product: "product",
  ClientUser: "clientUser",
  Alert: "alert",
  Document: "document",
  ApiKey: "apiKey",
  Site: "site",
  Agent: "agent",
};

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
  const model = TENANT_MODELS[type];
  if (!model) return { type, id };
  const delegate = context.database.prisma[model] as unknown as { findUnique(args: object): Promise<Record<string, string> | null> };
  const row = await delegate.findUnique({ where: { id }, select: { partnerId: true, ...(model === "client" || model === "apiKey" || model === "product" ? {} : { clientId: true }) } }).catch(() => null);
  return { type, id, partnerId: row?.partnerId ?? null, clientId: model === "client" ? (row ? id : null) : (row?.clientId ?? null) };
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
          metadata: { ...input, ...(failure ? { error: failure } : {}) },
          request: context.request,
          clientVisible: !failure && (CLIENT_VISIBLE[name]?.(input) ?? false),
        });
        targets.delete(context);
      }
    };
  }
  return { Mutation: fields as IMiddlewareFieldMap[string] };
}
