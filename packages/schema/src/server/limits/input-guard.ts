import { type ASTNode, type DocumentNode, GraphQLError, Kind, visit } from "graphql";
import type { Plugin } from "graphql-yoga";

/** The longest text any argument may carry (a document's body is the longest field). */
export const MAX_STRING_LENGTH = 200_000;

// A UTF-16 surrogate without its partner is no character at all: PostgreSQL and JSON cannot store it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a piece of text cannot be accepted, in words, or null when it can. */
export function textProblem(text: string): string | null {
  if (text.length > MAX_STRING_LENGTH) return `is longer than ${MAX_STRING_LENGTH.toLocaleString("en")} characters`;
  // PostgreSQL refuses NUL in text and JSON; no real name or note contains one.
  if (text.includes("\u0000")) return "contains a NUL character (U+0000)";
  if (LONE_SURROGATE.test(text)) return "contains a broken character (an unpaired UTF-16 surrogate)";
  return null;
}

function invalid(where: string, field: string, problem: string): GraphQLError {
  return new GraphQLError(`${where} ${problem}`, { extensions: { code: "BAD_USER_INPUT", field } });
}

/** The first bad text in a variable's value (object keys included), by its path like `$input.name`. */
function checkValue(value: unknown, path: string): GraphQLError | null {
  if (typeof value === "string") {
    const problem = textProblem(value);
    return problem ? invalid(`The value of ${path}`, path, problem) : null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const error = checkValue(item, `${path}[${index}]`);
      if (error) return error;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = textProblem(key);
      if (keyProblem) return invalid(`A key in ${path}`, path, keyProblem);
      const error = checkValue(item, `${path}.${key}`);
      if (error) return error;
    }
  }
  return null;
}

// `createClient(input: { name: "…" })` names its literal `createClient.input.name`.
function literalPath(ancestors: readonly (ASTNode | readonly ASTNode[])[]): string {
  const names: string[] = [];
  for (const node of ancestors) {
    if (Array.isArray(node) || !("kind" in node)) continue;
    const astNode = node as ASTNode;
    if (astNode.kind === Kind.FIELD) names.splice(0, names.length, astNode.alias?.value ?? astNode.name.value);
    else if (astNode.kind === Kind.ARGUMENT || astNode.kind === Kind.OBJECT_FIELD) names.push(astNode.name.value);
  }
  return names.join(".");
}

/** The first text in the request, variable or literal, that no field may accept. */
export function findBadText(document: DocumentNode, variables: Record<string, unknown> | undefined): GraphQLError | null {
  for (const [name, value] of Object.entries(variables ?? {})) {
    const error = checkValue(value, `$${name}`);
    if (error) return error;
  }
  let found: GraphQLError | null = null;
  visit(document, {
    StringValue(node, _key, parent, _path, ancestors) {
      const problem = found ? null : textProblem(node.value);
      if (!problem) return;
      const path = literalPath(parent ? [...ancestors, parent] : ancestors);
      found = invalid(`The text at ${path || "a literal"}`, path, problem);
    },
  });
  return found;
}

/**
 * Refuses text that no field can store (NUL, broken characters, over-long) before anything
 * runs, with BAD_USER_INPUT naming where it was, instead of a database error deep inside.
 */
export function inputGuardPlugin(): Plugin {
  return {
    onExecute: ({ args, setResultAndStopExecution }) => {
      const error = findBadText(args.document, args.variableValues as Record<string, unknown> | undefined);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe: ({ args, setResultAndStopExecution }) => {
      const error = findBadText(args.document, args.variableValues as Record<string, unknown> | undefined);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
