export { principalFromAuthorization } from "./auth/authenticate.js";
export { type AuthConfig, authConfig } from "./auth/auth-config.js";
export { MAX_FAILURES, MAX_IP_FAILURES } from "./auth/throttle.js";
export { builder } from "./builder.js";
export { MAX_PAGE_SIZE } from "./connection-args.js";
export { type GraphQLContext, type RateLimitState, type RequestInfo, createRequestContext } from "./context.js";
export { type ErrorCode, apiError, badInput, forbidden, notFound, unauthenticated } from "./errors.js";
export { type FieldRule, type RuleTree, addRules, allRules, allow, deny } from "./permissions.js";
export { ANONYMOUS, type Principal } from "./principal.js";
export { fieldsWithoutRules } from "./rules-coverage.js";
export * as rules from "./rules/roles.js";
export { type SchemaParts, buildProtectedSchema, buildUnprotectedSchema, printSdl, registerPlugins, rulesForSchema } from "./schema.js";
export type { BackupPlanKind, BackupProvider, BackupState, ProviderBackupPlan } from "./capabilities/backups.js";
export { backupKindWords, stateWords } from "./backups/plan-fields.js";
export { type BackupSyncSummary, syncBackupPlans } from "./backups/sync-backup-plans.js";
export { type ImportOutcome, importProviderTicket } from "./capabilities/import-ticket.js";
export { PROVIDER_ERROR_REASONS, ProviderError, ProviderSettingError, type TProviderErrorReason } from "./capabilities/provider-error.js";
export type { ProviderTicket, ProviderTicketPage, ProviderTicketPriority, ProviderTicketStatus, TicketProvider } from "./capabilities/tickets.js";
export { FAILING_AFTER, type PluginContext, createPluginContext } from "./integrations/plugin-context.js";
export { callerPluginContext } from "./integrations/caller-plugin-context.js";
export { jobKind, scheduleDueJobs } from "./integrations/job-scheduler.js";
export { reencryptSecrets } from "./integrations/reencrypt.js";
export { idOf } from "./objects/global-id.js";
export { type TUserError, UserErrorRef, isUniqueViolation } from "./objects/user-error.js";
export { callerPartnerId } from "./tenant-scope.js";
export {
  type CredentialCheck,
  type IntegrationPlugin,
  PLUGIN_CAPABILITIES,
  type PluginCapability,
  type PluginEvent,
  type PluginEventContext,
  type PluginEndpoint,
  type PluginJob,
} from "./integrations/plugin-contract.js";
export { type OutboundFetch, type OutboundLookup, createGuardedFetch, guardedFetch } from "./outbound/guarded-fetch.js";
export { describeHttpStatus, describeNetworkFailure, isOutboundRefusal } from "./outbound/failures.js";
export { type OutboundPolicy, STRICT_OUTBOUND, parseOutboundAllow } from "./outbound/policy.js";
export { OutboundRefusedError, urlRefusal } from "./outbound/refusals.js";
export { DEFAULT_LEASE_MS, claimEvents, enqueueEvent, finishEvent, renewLease, retryDelayMs } from "./integrations/event-queue.js";
export { CredentialDecryptionError, type KeyRing, decryptJson, encryptJson, keyIdOf, keyRing } from "./crypto/credential-cipher.js";
export { type TenantScope, scopeOf, scopedPrisma } from "./tenant-scope.js";
export { type Column, type ModelTenancy, type TenancyDeclarations, defineTenancy } from "./tenancy/define-tenancy.js";
export { type Tenancy, coreTenancy, tenancyOf } from "./tenancy/tenancy.js";
export { type DatamodelModels, tenancyProblems } from "./tenancy/datamodel-check.js";
export { type AlertChange, EventBus } from "./events.js";
export { canonicalJson } from "./audit/hash-chain.js";
export { DEMO_MAIL, type MailSettings, publicLink } from "./mail/mail-settings.js";
export { type EnqueueMail, type MailWriter, cancelMail, enqueueMail } from "./mail/outbox.js";
export { type MailBranding, type MailContent, type RenderedMail, renderMail } from "./mail/templates/layout.js";
export { type SafeHtml, escapeHtml, html } from "./mail/templates/html.js";
export { checkSmtpUrl } from "./mail/smtp.js";
