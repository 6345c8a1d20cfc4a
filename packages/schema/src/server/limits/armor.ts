import { EnvelopArmor } from "@escape.tech/graphql-armor";
import { GraphQLError } from "graphql";

/** graphql-armor's limits (OWASP's GraphQL cheat sheet), each rejection with its own code. */
export const QUERY_LIMITS = { maxDepth: 15, maxAliases: 15, maxTokens: 1000, maxDirectives: 50 };

// Armor throws a bare "Syntax Error: …"; callers get a code they can act on instead.
const rejectWith = (code: string) => [
  (_context: unknown, error: GraphQLError) => {
    throw new GraphQLError(error.message.replace(/^Syntax Error: /, ""), { extensions: { code, http: { status: 400 } } });
  },
];

export function armorPlugins(options: { production: boolean }) {
  const armor = new EnvelopArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, onReject: rejectWith("QUERY_TOO_DEEP") },
    maxAliases: { n: QUERY_LIMITS.maxAliases, onReject: rejectWith("TOO_MANY_ALIASES") },
    maxTokens: { n: QUERY_LIMITS.maxTokens, onReject: rejectWith("TOO_MANY_TOKENS") },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, onReject: rejectWith("TOO_MANY_DIRECTIVES") },
    // Cost is ours (query-cost.ts): armor's weighs depth, not the page sizes that make a query expensive.
    costLimit: { enabled: false },
    // Suggestions ("did you mean …") map the schema for anyone; off in production.
    blockFieldSuggestion: { enabled: options.production },
  });
  return armor.protect().plugins;
}
