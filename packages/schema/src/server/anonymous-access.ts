import { type DocumentNode, type FragmentDefinitionNode, Kind, type SelectionSetNode, getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { GraphQLContext } from "../context.js";
import { unauthenticated } from "../errors.js";

/**
 * What a caller without a session may ask for: signing in (with its second-factor steps), renewing,
 * accepting or previewing an invitation, a forgotten password, health, and `viewer` (null: "not signed in").
 */
export const ANONYMOUS_FIELDS = new Set(["login", "clientLogin", "verifyMfa", "startTotpEnrollment", "confirmTotpEnrollment", "refreshSession", "acceptClientInvitation", "acceptStaffInvitation", "invitation", "requestPasswordReset", "resetPassword", "health", "viewer", "__typename"]);
const INTROSPECTION = new Set(["__schema", "__type"]);

/** The root fields an operation selects, through fragments at the root. */
export function rootFieldNames(document: DocumentNode, operationName?: string | null): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const names: string[] = [];
  const seen = new Set<string>();
  const walk = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        walk(fragments.get(selection.name.value)?.selectionSet);
      }
    }
  };
  walk(getOperationAST(document, operationName)?.selectionSet);
  return names;
}

/**
 * Refuses, before it runs or costs anything, every operation of a caller without a session
 * that asks for more than ANONYMOUS_FIELDS (outside production, GraphiQL's introspection too).
 */
export function anonymousAccessPlugin(options: { production: boolean }): Plugin<GraphQLContext> {
  const allowed = (name: string) => ANONYMOUS_FIELDS.has(name) || (!options.production && INTROSPECTION.has(name));
  const refusal = (args: { contextValue: GraphQLContext; document: DocumentNode; operationName?: string | null }) =>
    args.contextValue.principal.kind === "anonymous" && !rootFieldNames(args.document, args.operationName).every(allowed) ? { errors: [unauthenticated()] } : null;
  return {
    onExecute: ({ args, setResultAndStopExecution }) => {
      const refused = refusal(args);
      if (refused) setResultAndStopExecution(refused);
    },
    onSubscribe: ({ args, setResultAndStopExecution }) => {
      const refused = refusal(args);
      if (refused) setResultAndStopExecution(refused);
    },
  };
}
