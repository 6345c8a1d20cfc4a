import type { Prisma } from "@mspgraph/db";
import { auditTenancy } from "../audit/audit.tenancy.js";
import { authTenancy } from "../auth/auth.tenancy.js";
import { integrationsTenancy } from "../integrations/integrations.tenancy.js";
import type { IntegrationPlugin } from "../integrations/plugin-contract.js";
import { domainEventsTenancy } from "../domain-events/domain-events.tenancy.js";
import { mailTenancy } from "../mail/mail.tenancy.js";
import { webhooksTenancy } from "../webhooks/webhooks.tenancy.js";
import { notificationsTenancy } from "../notifications/notifications.tenancy.js";
import { backupsTenancy } from "../objects/backups/backups.tenancy.js";
import { documentTenancy } from "../objects/document.tenancy.js";
import { monitoringTenancy } from "../objects/monitoring.tenancy.js";
import { tenantsTenancy } from "../objects/tenants.tenancy.js";
import { ticketsTenancy } from "../objects/tickets/tickets.tenancy.js";
import type { ModelTenancy, TenancyDeclarations } from "./define-tenancy.js";

/** Every declared model's tenancy, by Prisma model name: the core's and the composed plugins'. */
export type Tenancy = ReadonlyMap<string, ModelTenancy>;

// Two declarations of one model would leave which one wins to import order.
function merge(into: Map<string, ModelTenancy>, owner: string, declarations: TenancyDeclarations): void {
  for (const [model, declaration] of Object.entries(declarations)) {
    if (!declaration) continue;
    if (into.has(model)) throw new Error(`${owner} declares the tenancy of ${model}, which is already declared`);
    into.set(model, declaration);
  }
}

function coreTenancyMap(): Tenancy {
  const map = new Map<string, ModelTenancy>();
  for (const declarations of [tenantsTenancy, monitoringTenancy, documentTenancy, ticketsTenancy, backupsTenancy, authTenancy, auditTenancy, integrationsTenancy, mailTenancy, domainEventsTenancy, webhooksTenancy, notificationsTenancy]) {
    merge(map, "the core", declarations);
  }
  return map;
}

/** The core's declarations alone: plugins' models are undeclared, so refused, until composed. */
export const coreTenancy: Tenancy = coreTenancyMap();

const composed = new WeakMap<readonly IntegrationPlugin[], Tenancy>();

/**
 * The core's declarations and those of `plugins`, merged at composition.
 * @throws when a plugin declares a model the core or another plugin already declares
 */
export function tenancyOf(plugins: readonly IntegrationPlugin[]): Tenancy {
  const cached = composed.get(plugins);
  if (cached) return cached;
  const map = new Map(coreTenancy);
  for (const plugin of plugins) merge(map, `plugin "${plugin.id}"`, plugin.tenancy ?? {});
  composed.set(plugins, map);
  return map;
}

/** The core's declaration of `model`, for code that names a model at build time. */
export function coreTenancyOf(model: Prisma.ModelName): ModelTenancy {
  const declared = coreTenancy.get(model);
  if (!declared) throw new Error(`${model} has no tenancy declaration in the core`);
  return declared;
}
