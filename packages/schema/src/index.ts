export { principalFromAuthorization } from "./auth/authenticate.js";
export { type AuthConfig, authConfig } from "./auth/auth-config.js";
export { builder } from "./builder.js";
export { MAX_PAGE_SIZE } from "./connection-args.js";
export { type GraphQLContext, type RateLimitState, type RequestInfo, createRequestContext } from "./context.js";
export { type ErrorCode, apiError, badInput, forbidden, notFound, unauthenticated } from "./errors.js";
export { type FieldRule, type RuleTree, addRules, allRules, allow, deny } from "./permissions.js";
export { ANONYMOUS, type Principal } from "./principal.js";
export { fieldsWithoutRules } from "./rules-coverage.js";
export * as rules from "./rules/roles.js";
export { type SchemaParts, buildProtectedSchema, buildUnprotectedSchema, printSdl, registerPlugins, rulesForSchema } from "./schema.js";
export {
  type CredentialCheck,
  type IntegrationPlugin,
  PLUGIN_CAPABILITIES,
  type PluginCapability,
  type PluginEvent,
  type PluginEventContext,
} from "./integrations/plugin-contract.js";
export { claimEvents, enqueueEvent, finishEvent, retryDelayMs } from "./integrations/event-queue.js";
export { CredentialDecryptionError, type KeyRing, decryptJson, encryptJson, keyIdOf, keyRing } from "./crypto/credential-cipher.js";
export { type TenantScope, scopeOf, scopedPrisma } from "./tenant-scope.js";
export { type AlertChange, EventBus } from "./events.js";
