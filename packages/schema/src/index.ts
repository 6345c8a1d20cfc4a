export { builder } from "./builder.js";
export type { GraphQLContext, RequestInfo } from "./context.js";
export { type ErrorCode, apiError, badInput, forbidden, notFound, unauthenticated } from "./errors.js";
export { type FieldRule, type RuleTree, addRules, allRules, allow, deny } from "./permissions.js";
export { ANONYMOUS, type Principal } from "./principal.js";
export { type SchemaParts, buildProtectedSchema, buildUnprotectedSchema, printSdl } from "./schema.js";
