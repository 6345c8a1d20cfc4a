import { DEMO_PASSWORD, seedId } from "@mspgraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeSchema } from "./composed-schema.js";
import { TENANTS, type Tenant, gid, isolationFixtures } from "./testing/isolation-fixtures.js";
import { type GraphQLResponse, type TestApi, createTestApi, totpCode } from "./testing/test-api.js";

type Role = "anonymous" | "platformAdmin" | "owner" | "technician" | "clientAdmin" | "viewOnly" | "otherPartner";

const ACCOUNTS: Record<Exclude<Role, "anonymous">, string> = {
  platformAdmin: "admin@mspgraph.test",
  owner: "owner@northwind-msp.test",
  technician: "tech@northwind-msp.test",
  clientAdmin: "admin@fabrikam.test",
  viewOnly: "viewer@fabrikam.test",
  otherPartner: "owner@contoso-it.test",
};
const ROLES = ["anonymous", ...Object.keys(ACCOUNTS)] as Role[];

const REACH: Record<Role, Tenant[]> = {
  anonymous: [],
  platformAdmin: ["fabrikam", "litware"],
  owner: ["fabrikam"],
  technician: ["fabrikam"],
  clientAdmin: ["fabrikam"],
  viewOnly: ["fabrikam"],
  otherPartner: ["litware"],
};

// Strings of data a role must never receive, in any response.
const NORTHWIND_SIDE = ["Fabrikam", "FAB-", "Tailspin", "TSV-", "Northwind", "fabrikam.test", "tailspin.test", "northwind-msp.test"];
// MSP360's raw error texts in the demo's backup plans and alerts: staff only.
const BACKUP_ERRORS = ["(0x800"];
const CONTOSO_SIDE = ["Litware", "LIT-", "Alpine", "ASH-", "Contoso", "litware.test", "alpine.test", "contoso-it.test"];
// The sample tickets' internal notes: staff only.
const INTERNAL_NOTES = ["Fuser unit worn out"];
const FORBIDDEN_TEXT: Record<Role, string[]> = {
  anonymous: [...NORTHWIND_SIDE, ...CONTOSO_SIDE],
  platformAdmin: [],
  owner: CONTOSO_SIDE,
  technician: CONTOSO_SIDE,
  clientAdmin: [...CONTOSO_SIDE, "Tailspin", "TSV-", "tailspin.test", "runbook", ...BACKUP_ERRORS, ...INTERNAL_NOTES],
  viewOnly: [...CONTOSO_SIDE, "Tailspin", "TSV-", "tailspin.test", "runbook", ...BACKUP_ERRORS, ...INTERNAL_NOTES],
  otherPartner: NORTHWIND_SIDE,
};

const STAFF: Role[] = ["platformAdmin", "owner", "technician", "otherPartner"];
const MANAGERS: Role[] = ["platformAdmin", "owner", "otherPartner"];
const SIGNED_IN: Role[] = ROLES.filter((r) => r !== "anonymous");
const SYNCRO_NOT_CONNECTED = "error:PROVIDER_UNAVAILABLE:Syncro is not connected: connect it under Integrations first" as const;
const MSP360_NOT_CONNECTED = "error:PROVIDER_UNAVAILABLE:MSP360 is not connected: connect it under Integrations first" as const;

type Call = { query: string; variables?: Record<string, unknown>; token?: string | null };
type Fixtures = ReturnType<typeof isolationFixtures> & {
  freshToken(role: Role): Promise<string | null>;
  invitationToken(): Promise<string>;
  staffInvitationToken(): Promise<string>;
  refreshToken(): Promise<string>;
  impersonationToken(role: Role): Promise<string | null>;
  /** A new session's id, of the tenant's partner technician. */
  staffSession(tenant: Tenant): Promise<string>;
  /** A fresh sign-in's mfaToken and an unused recovery code of a client user with MFA. */
  mfaSignIn(): Promise<{ mfaToken: string; recoveryCode: string }>;
  apiKey(tenant: Tenant): Promise<string>;
  /** A new partner of no demo tenant, suspended or not, for the suspension mutations to act on. */
  sparePartner(suspended: boolean): Promise<string>;
  /** Changes an alert and a ticket on both tenants, the other side's first. */
  liveChanges(): Promise<void>;
  seq(): number;
};
const IMPERSONATORS: Role[] = ["platformAdmin", "owner", "otherPartner"];
type Spec = {
  allowed: Role[];
  perTenant: boolean;
  build(tenant: Tenant, fx: Fixtures, role: Role): Promise<Call> | Call;
  /** When the right answer is not simply ok / notFound / denied. */
  expect?(role: Role, tenant: Tenant): Outcome | undefined;
};

const input = (mutation: string, type: string, selection: string) => `mutation ($input: ${type}!) { ${mutation}(input: $input) { ${selection} userErrors { code } } }`;
const clientGid = (tenant: Tenant) => gid("Client", TENANTS[tenant].clientId);

// One entry for every root field of the composed schema; a field without one fails the test.
const SPECS: Record<string, Spec> = {
  // A person's own notices: nothing arrives during the call, so a stream that opened times out.
  "Subscription.notificationAdded": { allowed: SIGNED_IN, perTenant: false, build: () => ({ query: "subscription { notificationAdded { title } }" }), expect: (role) => (role === "anonymous" ? undefined : "error:timeout:timeout") },
  "Query.notifications": { allowed: SIGNED_IN, perTenant: false, build: () => ({ query: "{ notifications(first: 20) { edges { node { title link } } } }" }) },
  "Mutation.markNotificationsRead": { allowed: SIGNED_IN, perTenant: false, build: () => ({ query: "mutation ($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked } }", variables: { input: { all: true } } }) },
  // Platform admins belong to no partner: they have no notifications to set.
  "Mutation.updateNotificationPreferences": {
    allowed: SIGNED_IN,
    perTenant: false,
    build: () => ({ query: input("updateNotificationPreferences", "UpdateNotificationPreferencesInput", "preferences { settings { kind } }"), variables: { input: { settings: [] } } }),
    expect: (role) => (role === "platformAdmin" ? "denied" : undefined),
  },
  "Subscription.alertChanged": { allowed: SIGNED_IN, perTenant: false, build: () => ({ query: "subscription { alertChanged { change alert { message client { name } } } }" }) },
  "Subscription.ticketChanged": { allowed: SIGNED_IN, perTenant: false, build: () => ({ query: "subscription { ticketChanged { change ticket { subject client { name } } } }" }) },
  // The built-in registry has no plugin yet: connecting names one that does not exist.
  "Query.integrations": { allowed: ["owner", "technician", "otherPartner"], perTenant: false, build: () => ({ query: "{ integrations(first: 10) { edges { node { pluginId status } } } }" }) },
  "Mutation.connectIntegration": {
    allowed: ["owner", "otherPartner"],
    perTenant: false,
    build: () => ({ query: input("connectIntegration", "ConnectIntegrationInput", "integration { status }"), variables: { input: { pluginId: "none", credentials: {} } } }),
    expect: (role) => (role === "owner" || role === "otherPartner" ? "notFound" : undefined),
  },
  "Mutation.updateIntegration": {
    allowed: ["owner", "otherPartner"],
    perTenant: false,
    build: () => ({ query: input("updateIntegration", "UpdateIntegrationInput", "integration { status }"), variables: { input: { pluginId: "none" } } }),
    expect: (role) => (role === "owner" || role === "otherPartner" ? "notFound" : undefined),
  },
  "Mutation.disconnectIntegration": {
    allowed: ["owner", "otherPartner"],
    perTenant: false,
    build: () => ({ query: input("disconnectIntegration", "DisconnectIntegrationInput", "integration { status }"), variables: { input: { pluginId: "none" } } }),
    expect: (role) => (role === "owner" || role === "otherPartner" ? "notFound" : undefined),
  },
  "Query.integrationEvents": { allowed: MANAGERS, perTenant: false, build: () => ({ query: "{ integrationEvents(first: 10) { edges { node { pluginId status } } } }" }) },
  "Mutation.retryIntegrationEvent": {
    allowed: MANAGERS,
    perTenant: false,
    // A well-formed id of an event that does not exist: the same answer in every tenant.
    build: () => ({ query: input("retryIntegrationEvent", "RetryIntegrationEventInput", "event { status }"), variables: { input: { id: gid("IntegrationEvent", "00000000-0000-4000-8000-000000000000") } } }),
    expect: (role) => (MANAGERS.includes(role) ? "notFound" : undefined),
  },
  "Mutation.syncIntegration": {
    allowed: ["owner", "otherPartner"],
    perTenant: false,
    build: () => ({ query: input("syncIntegration", "SyncIntegrationInput", "event { status }"), variables: { input: { pluginId: "none" } } }),
    expect: (role) => (role === "owner" || role === "otherPartner" ? "notFound" : undefined),
  },
  "Query.tickets": { allowed: SIGNED_IN, perTenant: false, build: () => ({ query: "{ tickets(first: 50) { edges { node { subject client { name } comments(first: 5) { edges { node { body } } } } } } }" }) },
  "Query.ticket": { allowed: SIGNED_IN, perTenant: true, build: async (t, fx) => ({ query: "query ($id: ID!) { ticket(id: $id) { subject client { name } } }", variables: { id: await fx.ticket(t) } }) },
  "Query.products": { allowed: STAFF, perTenant: false, build: () => ({ query: "{ products(first: 50) { edges { node { name } } } }" }) },
  "Mutation.createTicket": { allowed: SIGNED_IN, perTenant: true, build: (t) => ({ query: input("createTicket", "CreateTicketInput", "ticket { subject }"), variables: { input: { clientId: clientGid(t), subject: "Matrix" } } }) },
  "Mutation.updateTicket": { allowed: STAFF, perTenant: true, build: async (t, fx) => ({ query: input("updateTicket", "UpdateTicketInput", "ticket { subject }"), variables: { input: { id: await fx.ticket(t), subject: "Renamed" } } }) },
  "Mutation.changeTicketStatus": { allowed: STAFF, perTenant: true, build: async (t, fx) => ({ query: input("changeTicketStatus", "ChangeTicketStatusInput", "ticket { status }"), variables: { input: { id: await fx.ticket(t), status: "IN_PROGRESS" } } }) },
  "Mutation.assignTicket": { allowed: STAFF, perTenant: true, build: async (t, fx) => ({ query: input("assignTicket", "AssignTicketInput", "ticket { status }"), variables: { input: { id: await fx.ticket(t), assigneeId: null } } }) },
  "Mutation.addTicketComment": { allowed: SIGNED_IN, perTenant: true, build: async (t, fx) => ({ query: input("addTicketComment", "AddTicketCommentInput", "comment { body }"), variables: { input: { ticketId: await fx.ticket(t), body: "Matrix comment" } } }) },
  "Mutation.addTimeEntry": { allowed: STAFF, perTenant: true, build: async (t, fx) => ({ query: input("addTimeEntry", "AddTimeEntryInput", "timeEntry { minutes }"), variables: { input: { ticketId: await fx.ticket(t), minutes: 5 } } }) },
  "Mutation.addLineItem": { allowed: STAFF, perTenant: true, build: async (t, fx) => ({ query: input("addLineItem", "AddLineItemInput", "lineItem { name }"), variables: { input: { ticketId: await fx.ticket(t), name: "Cable", quantity: "1", unitPrice: "4.50" } } }) },
  "Mutation.removeLineItem": { allowed: STAFF, perTenant: true, build: async (t, fx) => ({ query: input("removeLineItem", "RemoveLineItemInput", ""), variables: { input: { id: await fx.lineItem(t) } } }) },
  "Mutation.createProduct": { allowed: ["owner", "otherPartner"], perTenant: false, build: (_t, fx) => ({ query: input("createProduct", "CreateProductInput", "product { name }"), variables: { input: { name: `Matrix ${fx.seq()}`, unitPrice: "1", costPrice: "1" } } }) },
  "Mutation.setTicketProvider": { allowed: ["owner", "otherPartner"], perTenant: false, build: () => ({ query: input("setTicketProvider", "SetTicketProviderInput", "partner { ticketProvider }"), variables: { input: { pluginId: "psa" } } }) },
  // Nobody has Syncro connected here: those allowed are told so; other partners' links are not found.
  "Query.syncroCustomers": { allowed: ["owner", "technician", "otherPartner"], perTenant: false, build: () => ({ query: "{ syncroCustomers { page customers { name } } }" }), expect: (role) => (STAFF.includes(role) && role !== "platformAdmin" ? SYNCRO_NOT_CONNECTED : undefined) },
  "Mutation.linkSyncroCustomer": { allowed: ["owner", "otherPartner"], perTenant: true, build: (t) => ({ query: input("linkSyncroCustomer", "LinkSyncroCustomerInput", "customer { name }"), variables: { input: { clientId: clientGid(t), customerId: 1 } } }), expect: (role) => (role === "owner" || role === "otherPartner" ? SYNCRO_NOT_CONNECTED : undefined) },
  "Mutation.unlinkSyncroCustomer": { allowed: MANAGERS, perTenant: true, build: (t) => ({ query: input("unlinkSyncroCustomer", "UnlinkSyncroCustomerInput", "customer { name }"), variables: { input: { clientId: clientGid(t) } } }), expect: (role) => (MANAGERS.includes(role) ? "notFound" : undefined) },
  "Query.backupPlans": { allowed: SIGNED_IN, perTenant: false, build: () => ({ query: "{ backupPlans(first: 100) { totalCount edges { node { planName computerName state client { name } agent { hostname } alert { message } } } } }" }) },
  // The demo's MSP360 connections hold plans but no credentials: those allowed are told to connect.
  "Query.msp360Companies": { allowed: ["owner", "technician", "otherPartner"], perTenant: false, build: () => ({ query: "{ msp360Companies { name planCount linkedClient { name } } }" }), expect: (role) => (STAFF.includes(role) && role !== "platformAdmin" ? MSP360_NOT_CONNECTED : undefined) },
  "Mutation.linkMsp360Company": { allowed: ["owner", "otherPartner"], perTenant: true, build: (t) => ({ query: input("linkMsp360Company", "LinkMsp360CompanyInput", "company { name }"), variables: { input: { clientId: clientGid(t), companyName: "Any Co" } } }), expect: (role) => (role === "owner" || role === "otherPartner" ? MSP360_NOT_CONNECTED : undefined) },
  "Mutation.unlinkMsp360Company": { allowed: ["owner", "otherPartner"], perTenant: false, build: () => ({ query: input("unlinkMsp360Company", "UnlinkMsp360CompanyInput", "company { name }"), variables: { input: { companyName: "Any Co" } } }), expect: (role) => (role === "owner" || role === "otherPartner" ? MSP360_NOT_CONNECTED : undefined) },
  "Mutation.updateProduct": { allowed: MANAGERS, perTenant: true, build: async (t, fx) => ({ query: input("updateProduct", "UpdateProductInput", "product { name }"), variables: { input: { id: await fx.product(t), unitPrice: "12.00" } } }) },
  "Query.rateLimit": { allowed: SIGNED_IN, perTenant: false, build: () => ({ query: "{ rateLimit { cost limit remaining resetAt } }" }) },
  "Query.health": { allowed: ROLES, perTenant: false, build: () => ({ query: "{ health { status } }" }) },
  "Query.viewer": { allowed: ROLES, perTenant: false, build: () => ({ query: "{ viewer { name email partner { name } client { name } } }" }) },
  "Query.partners": { allowed: ["platformAdmin"], perTenant: false, build: () => ({ query: "{ partners(first: 50) { edges { node { name } } } }" }) },
  "Query.partner": { allowed: ["platformAdmin"], perTenant: true, build: (t) => ({ query: "query ($id: ID!) { partner(id: $id) { name } }", variables: { id: gid("Partner", TENANTS[t].partnerId) } }) },
  "Query.clients": { allowed: STAFF, perTenant: false, build: () => ({ query: "{ clients(first: 50) { edges { node { name agents(first: 20) { edges { node { hostname } } } } } } }" }) },
  "Query.client": {
    allowed: SIGNED_IN,
    perTenant: true,
    build: (t) => ({
      query: "query ($id: ID!) { client(id: $id) { name backupSummary { ok failed missed running unknown } sites(first: 10) { edges { node { name } } } agents(first: 20) { edges { node { hostname backups { planName state } } } } documents(first: 50) { totalCount edges { node { title } } } } }",
      variables: { id: clientGid(t) },
    }),
  },
  "Query.agents": { allowed: SIGNED_IN, perTenant: false, build: () => ({ query: "{ agents(first: 100) { edges { node { hostname client { name } } } } }" }) },
  "Query.alerts": { allowed: SIGNED_IN, perTenant: false, build: () => ({ query: "{ alerts(first: 100) { edges { node { message client { name } } } } }" }) },
  "Query.documents": { allowed: SIGNED_IN, perTenant: true, build: (t) => ({ query: "query ($c: ID!) { documents(clientId: $c, first: 50) { edges { node { title body } } } }", variables: { c: clientGid(t) } }) },
  "Query.node": { allowed: SIGNED_IN, perTenant: true, build: (t) => ({ query: "query ($id: ID!) { node(id: $id) { ... on Client { name } } }", variables: { id: clientGid(t) } }) },
  "Query.nodes": { allowed: SIGNED_IN, perTenant: true, build: (t) => ({ query: "query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Client { name } } }", variables: { ids: [clientGid(t)] } }) },

  "Mutation.login": { allowed: ROLES, perTenant: false, build: () => ({ query: input("login", "LoginInput", "viewer { name }"), variables: { input: { email: "tech@northwind-msp.test", password: DEMO_PASSWORD } } }) },
  "Mutation.clientLogin": { allowed: ROLES, perTenant: false, build: () => ({ query: input("clientLogin", "LoginInput", "viewer { name }"), variables: { input: { email: "admin@tailspin.test", password: DEMO_PASSWORD } } }) },
  "Mutation.refreshSession": { allowed: ROLES, perTenant: false, build: async (_t, fx) => ({ query: "mutation ($input: RefreshSessionInput!) { refreshSession(input: $input) { expiresAt } }", variables: { input: { refreshToken: await fx.refreshToken() } } }) },
  "Mutation.logout": { allowed: SIGNED_IN, perTenant: false, build: async (_t, fx, role) => ({ query: "mutation { logout { ok } }", token: await fx.freshToken(role) }) },
  "Mutation.acceptClientInvitation": {
    allowed: ROLES,
    perTenant: false,
    build: async (_t, fx) => ({ query: input("acceptClientInvitation", "AcceptClientInvitationInput", "ok"), variables: { input: { token: await fx.invitationToken(), password: "a-long-enough-password" } } }),
  },
  // Open to everyone (never denied) and the same answer for every address; a made-up address
  // changes nothing, and a made-up token gets the one answer for unknown, used and expired links.
  "Mutation.requestPasswordReset": { allowed: ROLES, perTenant: false, build: () => ({ query: input("requestPasswordReset", "RequestPasswordResetInput", "ok"), variables: { input: { email: "nobody@example.test", kind: "STAFF" } } }) },
  "Mutation.resetPassword": { allowed: ROLES, perTenant: false, build: () => ({ query: input("resetPassword", "ResetPasswordInput", "ok"), variables: { input: { token: "mspw_no-such-token", newPassword: "a-long-enough-password" } } }), expect: () => "notFound" },
  "Mutation.createClient": {
    allowed: MANAGERS,
    perTenant: true,
    build: (t, fx) => ({ query: input("createClient", "CreateClientInput", "client { name }"), variables: { input: { name: "Matrix Co", domain: `matrix-${fx.seq()}.test`, partnerId: gid("Partner", TENANTS[t].partnerId) } } }),
  },
  "Mutation.updateClient": { allowed: MANAGERS, perTenant: true, build: async (t, fx) => ({ query: input("updateClient", "UpdateClientInput", "client { domain }"), variables: { input: { id: await fx.client(t), name: "Renamed" } } }) },
  "Mutation.archiveClient": { allowed: MANAGERS, perTenant: true, build: async (t, fx) => ({ query: input("archiveClient", "ArchiveClientInput", "client { archivedAt }"), variables: { input: { id: await fx.client(t) } } }) },
  "Mutation.inviteClientUser": {
    allowed: [...MANAGERS, "clientAdmin"],
    perTenant: true,
    build: (t, fx) => ({ query: input("inviteClientUser", "InviteClientUserInput", "clientUser { email }"), variables: { input: { clientId: clientGid(t), email: `invitee-${fx.seq()}@example.test`, name: "Invitee", role: "VIEW_ONLY" } } }),
  },
  "Mutation.updateClientUser": { allowed: [...MANAGERS, "clientAdmin"], perTenant: true, build: async (t, fx) => ({ query: input("updateClientUser", "UpdateClientUserInput", "clientUser { role }"), variables: { input: { id: await fx.viewerUser(t), role: "VIEW_ONLY" } } }) },
  "Mutation.removeClientUser": { allowed: [...MANAGERS, "clientAdmin"], perTenant: true, build: async (t, fx) => ({ query: input("removeClientUser", "RemoveClientUserInput", ""), variables: { input: { id: await fx.clientUser(t) } } }) },
  "Mutation.resendClientInvitation": { allowed: [...MANAGERS, "clientAdmin"], perTenant: true, build: async (t, fx) => ({ query: input("resendClientInvitation", "ClientInvitationInput", "clientUser { status }"), variables: { input: { clientUserId: await fx.invitedUser(t) } } }) },
  "Mutation.revokeClientInvitation": { allowed: [...MANAGERS, "clientAdmin"], perTenant: true, build: async (t, fx) => ({ query: input("revokeClientInvitation", "ClientInvitationInput", "clientUser { status }"), variables: { input: { clientUserId: await fx.invitedUser(t) } } }) },
  // Partner staff: its OWNER/ADMIN as people; a platform admin manages a partner's staff by impersonating it.
  "Query.invitation": { allowed: ROLES, perTenant: false, build: () => ({ query: "query ($t: String!) { invitation(token: $t) { partnerName clientName } }", variables: { t: "mspi_no-such-token" } }) },
  "Mutation.acceptStaffInvitation": { allowed: ROLES, perTenant: false, build: async (_t, fx) => ({ query: input("acceptStaffInvitation", "AcceptStaffInvitationInput", "ok"), variables: { input: { token: await fx.staffInvitationToken(), password: "a-long-enough-password" } } }) },
  "Mutation.inviteStaffUser": { allowed: ["owner", "otherPartner"], perTenant: false, build: (_t, fx) => ({ query: input("inviteStaffUser", "InviteStaffUserInput", "staffUser { status }"), variables: { input: { email: `staff-${fx.seq()}@example.test`, name: "Staff", role: "TECHNICIAN" } } }) },
  "Mutation.updateStaffUser": { allowed: ["owner", "otherPartner"], perTenant: true, build: async (t, fx) => ({ query: input("updateStaffUser", "UpdateStaffUserInput", "staffUser { role }"), variables: { input: { id: await fx.invitedStaff(t), role: "ADMIN" } } }) },
  "Mutation.disableStaffUser": { allowed: ["owner", "otherPartner"], perTenant: true, build: async (t, fx) => ({ query: input("disableStaffUser", "StaffUserIdInput", "staffUser { status }"), variables: { input: { id: await fx.invitedStaff(t) } } }) },
  "Mutation.enableStaffUser": { allowed: ["owner", "otherPartner"], perTenant: true, build: async (t, fx) => ({ query: input("enableStaffUser", "StaffUserIdInput", "staffUser { status }"), variables: { input: { id: await fx.invitedStaff(t) } } }) },
  "Mutation.removeStaffUser": { allowed: ["owner", "otherPartner"], perTenant: true, build: async (t, fx) => ({ query: input("removeStaffUser", "StaffUserIdInput", ""), variables: { input: { id: await fx.invitedStaff(t) } } }) },
  "Mutation.resendStaffInvitation": { allowed: ["owner", "otherPartner"], perTenant: true, build: async (t, fx) => ({ query: input("resendStaffInvitation", "StaffInvitationInput", "staffUser { status }"), variables: { input: { staffUserId: await fx.invitedStaff(t) } } }) },
  "Mutation.revokeStaffInvitation": { allowed: ["owner", "otherPartner"], perTenant: true, build: async (t, fx) => ({ query: input("revokeStaffInvitation", "StaffInvitationInput", "staffUser { status }"), variables: { input: { staffUserId: await fx.invitedStaff(t) } } }) },
  "Mutation.acknowledgeAlert": { allowed: STAFF, perTenant: true, build: async (t, fx) => ({ query: input("acknowledgeAlert", "AlertActionInput", "alert { status }"), variables: { input: { id: await fx.activeAlert(t) } } }) },
  "Mutation.resolveAlert": { allowed: STAFF, perTenant: true, build: async (t, fx) => ({ query: input("resolveAlert", "AlertActionInput", "alert { status }"), variables: { input: { id: await fx.activeAlert(t) } } }) },
  "Mutation.createDocument": { allowed: STAFF, perTenant: true, build: (t) => ({ query: input("createDocument", "CreateDocumentInput", "document { title }"), variables: { input: { clientId: clientGid(t), title: "Matrix doc", body: "x" } } }) },
  "Mutation.updateDocument": { allowed: STAFF, perTenant: true, build: async (t, fx) => ({ query: input("updateDocument", "UpdateDocumentInput", "document { title }"), variables: { input: { id: await fx.clientDocument(t), title: "Edited" } } }) },
  "Query.apiKeys": { allowed: MANAGERS, perTenant: false, build: () => ({ query: "{ apiKeys(first: 50) { edges { node { name prefix scopes } } } }" }) },
  "Query.auditEvents": { allowed: [...MANAGERS, "clientAdmin"], perTenant: false, build: () => ({ query: "{ auditEvents(first: 100) { edges { node { action actorLabel partnerId clientId targetType } } } }" }) },
  "Query.verifyAuditChain": { allowed: ["platformAdmin"], perTenant: false, build: () => ({ query: "{ verifyAuditChain { ok eventsChecked } }" }) },
  "Mutation.createApiKey": {
    allowed: ["owner", "otherPartner"],
    perTenant: false,
    build: () => ({ query: input("createApiKey", "CreateApiKeyInput", "apiKey { prefix }"), variables: { input: { name: "Matrix key", scopes: ["READ"] } } }),
  },
  "Query.webhookEndpoints": { allowed: MANAGERS, perTenant: false, build: () => ({ query: "{ webhookEndpoints(first: 50) { edges { node { url events deliveries(first: 5) { edges { node { eventType status } } } } } } }" }) },
  "Query.webhookEventTypes": { allowed: MANAGERS, perTenant: false, build: () => ({ query: "{ webhookEventTypes }" }) },
  "Mutation.createWebhookEndpoint": {
    allowed: ["owner", "otherPartner"],
    perTenant: false,
    build: () => ({ query: input("createWebhookEndpoint", "CreateWebhookEndpointInput", "endpoint { url }"), variables: { input: { url: "https://hooks.example.com/matrix", events: ["ticket.created"] } } }),
  },
  "Mutation.updateWebhookEndpoint": { allowed: MANAGERS, perTenant: true, build: async (t, fx) => ({ query: input("updateWebhookEndpoint", "UpdateWebhookEndpointInput", "endpoint { enabled }"), variables: { input: { id: await fx.webhookEndpoint(t), enabled: false } } }) },
  "Mutation.deleteWebhookEndpoint": { allowed: MANAGERS, perTenant: true, build: async (t, fx) => ({ query: input("deleteWebhookEndpoint", "WebhookEndpointIdInput", "deletedId"), variables: { input: { id: await fx.webhookEndpoint(t) } } }) },
  "Mutation.rotateWebhookSecret": { allowed: MANAGERS, perTenant: true, build: async (t, fx) => ({ query: input("rotateWebhookSecret", "WebhookEndpointIdInput", "endpoint { url }"), variables: { input: { id: await fx.webhookEndpoint(t) } } }) },
  "Mutation.sendTestWebhook": { allowed: MANAGERS, perTenant: true, build: async (t, fx) => ({ query: input("sendTestWebhook", "SendTestWebhookInput", "delivery { status }"), variables: { input: { endpointId: await fx.webhookEndpoint(t) } } }) },
  "Mutation.redeliverWebhook": { allowed: MANAGERS, perTenant: true, build: async (t, fx) => ({ query: input("redeliverWebhook", "RedeliverWebhookInput", "delivery { status }"), variables: { input: { deliveryId: await fx.webhookDelivery(t) } } }) },
  "Mutation.revokeApiKey": { allowed: MANAGERS, perTenant: true, build: async (t, fx) => ({ query: input("revokeApiKey", "RevokeApiKeyInput", "apiKey { revokedAt }"), variables: { input: { id: await fx.apiKey(t) } } }) },
  "Mutation.startImpersonation": {
    allowed: IMPERSONATORS,
    perTenant: true,
    build: (t, _fx, role) => ({
      query: input("startImpersonation", "StartImpersonationInput", "viewer { impersonation { subject { subjectName } } }"),
      variables: { input: role === "platformAdmin" ? { partnerId: gid("Partner", TENANTS[t].partnerId), reason: "matrix" } : { clientId: clientGid(t), reason: "matrix" } },
    }),
  },
  "Mutation.stopImpersonation": {
    allowed: SIGNED_IN,
    perTenant: false,
    build: async (_t, fx, role) => ({ query: "mutation { stopImpersonation { expiresAt userErrors { code } } }", token: IMPERSONATORS.includes(role) ? await fx.impersonationToken(role) : undefined }),
    expect: (role) => (role !== "anonymous" && !IMPERSONATORS.includes(role) ? "conflict" : undefined),
  },
  "Mutation.verifyMfa": {
    allowed: ROLES,
    perTenant: false,
    build: async (_t, fx) => ({ query: input("verifyMfa", "VerifyMfaInput", "viewer { name }"), variables: { input: await fx.mfaSignIn() } }),
  },
  // Each signed-in role starts its own enrolment (harmless until confirmed); the platform admin already has MFA.
  "Mutation.startTotpEnrollment": {
    allowed: SIGNED_IN,
    perTenant: false,
    build: () => ({ query: "mutation { startTotpEnrollment { otpauthUrl userErrors { code } } }" }),
    expect: (role) => (role === "platformAdmin" ? "conflict" : undefined),
  },
  "Mutation.confirmTotpEnrollment": {
    allowed: SIGNED_IN,
    perTenant: false,
    build: () => ({ query: input("confirmTotpEnrollment", "ConfirmTotpEnrollmentInput", "recoveryCodes"), variables: { input: { code: "000000" } } }),
    expect: (role) => (role === "anonymous" ? undefined : 'error:userErrors:[{"code":"INVALID_CODE"}]'),
  },
  "Mutation.disableTotp": {
    allowed: SIGNED_IN,
    perTenant: false,
    build: () => ({ query: input("disableTotp", "DisableTotpInput", "ok"), variables: { input: { password: "not the password", code: "000000" } } }),
    expect: (role) => (role === "anonymous" ? undefined : `error:userErrors:[{"code":"${role === "platformAdmin" ? "FORBIDDEN" : "INVALID_CREDENTIALS"}"}]`),
  },
  "Mutation.changePassword": {
    allowed: SIGNED_IN,
    perTenant: false,
    build: () => ({ query: input("changePassword", "ChangePasswordInput", "ok"), variables: { input: { currentPassword: "not the password", newPassword: "a perfectly fine passphrase" } } }),
    expect: (role) => (role === "anonymous" ? undefined : 'error:userErrors:[{"code":"INVALID_CREDENTIALS"}]'),
  },
  // Its own sessions for anyone; a staff member's for their partner's OWNER/ADMIN; nobody else's.
  "Mutation.endSession": {
    allowed: SIGNED_IN,
    perTenant: true,
    build: async (t, fx) => ({ query: "mutation ($input: EndSessionInput!) { endSession(input: $input) { ok } }", variables: { input: { id: await fx.staffSession(t) } } }),
    expect: (role, tenant) => (role === "anonymous" ? undefined : ((role === "owner" || role === "technician") && tenant === "fabrikam") || (role === "otherPartner" && tenant === "litware") ? "ok" : "notFound"),
  },
  "Mutation.updatePartner": {
    allowed: ["owner", "otherPartner"],
    perTenant: true,
    build: (t) => ({ query: "mutation ($input: UpdatePartnerInput!) { updatePartner(input: $input) { requireStaffMfa } }", variables: { input: { id: gid("Partner", TENANTS[t].partnerId), requireStaffMfa: false } } }),
  },
  // Platform admins only, on partners made for the call: suspending a demo partner would refuse its roles here.
  "Mutation.createPartner": {
    allowed: ["platformAdmin"],
    perTenant: false,
    build: (_t, fx) => {
      const n = fx.seq();
      return { query: input("createPartner", "CreatePartnerInput", "partner { name }"), variables: { input: { name: `Matrix ${n}`, slug: `matrix-${n}`, ownerEmail: `owner-${n}@matrix.example`, ownerName: "Matrix Owner" } } };
    },
  },
  "Mutation.suspendPartner": {
    allowed: ["platformAdmin"],
    perTenant: false,
    build: async (_t, fx) => ({ query: input("suspendPartner", "SuspendPartnerInput", "partner { suspendedAt }"), variables: { input: { id: await fx.sparePartner(false) } } }),
  },
  "Mutation.reactivatePartner": {
    allowed: ["platformAdmin"],
    perTenant: false,
    build: async (_t, fx) => ({ query: input("reactivatePartner", "ReactivatePartnerInput", "partner { suspendedAt }"), variables: { input: { id: await fx.sparePartner(true) } } }),
  },
  "Mutation.deleteDocument": { allowed: STAFF, perTenant: true, build: async (t, fx) => ({ query: input("deleteDocument", "DeleteDocumentInput", ""), variables: { input: { id: await fx.clientDocument(t) } } }) },
};

type Outcome = "ok" | "denied" | "notFound" | "conflict" | `error:${string}`;

function outcomeOf(field: string, response: GraphQLResponse): Outcome {
  const error = response.errors?.[0];
  if (error) {
    const code = String(error.extensions?.code);
    if (code === "FORBIDDEN" || code === "UNAUTHENTICATED") return "denied";
    if (code === "NOT_FOUND") return "notFound";
    return `error:${code}:${error.message}`;
  }
  const value = response.data?.[field];
  if (value === null && (field === "node" || field === "partner" || field === "client")) return "notFound";
  if (Array.isArray(value) && value.every((v) => v === null)) return "notFound";
  if (value?.userErrors?.some((e: { code: string }) => e.code === "NOT_FOUND")) return "notFound";
  if (value?.userErrors?.length && value.userErrors.every((e: { code: string }) => e.code === "CONFLICT")) return "conflict";
  if (value?.userErrors?.length) return `error:userErrors:${JSON.stringify(value.userErrors)}`;
  return "ok";
}

describe("isolation matrix: every root field, as every role, on own and foreign data", () => {
  let t: TestApi;
  const tokens = new Map<Role, string | null>();
  let counter = 0;
  let fx: Fixtures;

  beforeAll(async () => {
    t = await createTestApi();
    tokens.set("anonymous", null);
    for (const [role, email] of Object.entries(ACCOUNTS)) tokens.set(role as Role, await t.tokenFor(email));
    const signIn = (email: string) => t.signIn(email);
    // A client user of another partner with MFA on, whose recovery codes the verifyMfa row spends.
    const mfaUser = await t.tokenFor("admin@alpine.test");
    const { secret } = (await t.gql("mutation { startTotpEnrollment { secret } }", {}, { token: mfaUser })).data!.startTotpEnrollment;
    const confirmed = await t.gql(input("confirmTotpEnrollment", "ConfirmTotpEnrollmentInput", "recoveryCodes"), { input: { code: totpCode(secret) } }, { token: mfaUser });
    const recoveryCodes = [...(confirmed.data!.confirmTotpEnrollment.recoveryCodes as string[])];
    const impersonationInput = (role: Role) =>
      role === "platformAdmin" ? { partnerId: gid("Partner", TENANTS.fabrikam.partnerId), reason: "matrix" } : { clientId: clientGid(role === "otherPartner" ? "litware" : "fabrikam"), reason: "matrix" };
    fx = {
      ...isolationFixtures(t.database.prisma),
      impersonationToken: async (role) => {
        const r = await t.gql(input("startImpersonation", "StartImpersonationInput", "accessToken"), { input: impersonationInput(role) }, { token: tokens.get(role)! });
        return r.data!.startImpersonation.accessToken as string;
      },
      liveChanges: async () => {
        for (const tenant of ["litware", "fabrikam"] as Tenant[]) {
          const id = await isolationFixtures(t.database.prisma).activeAlert(tenant);
          await t.gql(input("acknowledgeAlert", "AlertActionInput", "alert { status }"), { input: { id } }, { token: tokens.get("platformAdmin")! });
          const ticketId = await isolationFixtures(t.database.prisma).ticket(tenant);
          await t.gql(input("addTicketComment", "AddTicketCommentInput", "comment { body }"), { input: { ticketId, body: "Matrix reply" } }, { token: tokens.get("platformAdmin")! });
        }
      },
      apiKey: async (tenant) => gid("ApiKey", (await t.database.prisma.apiKey.create({ data: { partnerId: TENANTS[tenant].partnerId, name: `${tenant === "fabrikam" ? "Northwind" : "Contoso"} key`, prefix: `p${++counter}`, keyHash: `h${counter}`, scopes: ["read"] } })).id),
      seq: () => ++counter,
      sparePartner: async (suspended) => {
        const partner = await t.database.prisma.partner.create({ data: { name: `Spare ${++counter}`, slug: `spare-${counter}`, suspendedAt: suspended ? new Date() : null } });
        return gid("Partner", partner.id);
      },
      staffSession: async (tenant) => {
        const staffUserId = seedId("staff", tenant === "fabrikam" ? "tech@northwind-msp.test" : "tech@contoso-it.test");
        const session = await t.database.prisma.authSession.create({ data: { subject: "STAFF", staffUserId, ip: "192.0.2.1", userAgent: "matrix", expiresAt: new Date(Date.now() + 3_600_000) } });
        return gid("SignedInSession", session.id);
      },
      mfaSignIn: async () => {
        const r = await t.gql("mutation ($i: LoginInput!) { clientLogin(input: $i) { mfaToken } }", { i: { email: "admin@alpine.test", password: DEMO_PASSWORD } });
        return { mfaToken: r.data!.clientLogin.mfaToken as string, recoveryCode: recoveryCodes.shift()! };
      },
      freshToken: async (role) => (role === "anonymous" ? null : (await signIn(ACCOUNTS[role])).accessToken),
      refreshToken: async () => (await signIn("tech@contoso-it.test")).refreshToken,
      invitationToken: async () => {
        const owner = tokens.get("owner")!;
        const r = await t.gql(input("inviteClientUser", "InviteClientUserInput", "invitationToken"), { input: { clientId: clientGid("fabrikam"), email: `accept-${++counter}@example.test`, name: "New", role: "VIEW_ONLY" } }, { token: owner });
        return r.data!.inviteClientUser.invitationToken as string;
      },
      staffInvitationToken: async () => {
        const r = await t.gql(input("inviteStaffUser", "InviteStaffUserInput", "invitationLink"), { input: { email: `join-${++counter}@example.test`, name: "New", role: "TECHNICIAN" } }, { token: tokens.get("owner")! });
        return new URL(r.data!.inviteStaffUser.invitationLink as string).searchParams.get("token")!;
      },
    };
  });
  afterAll(() => t.close());

  it("has an entry for every root field of the composed schema", () => {
    const schema = composeSchema();
    const rootFields = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `Mutation.${f}`),
      ...Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).map((f) => `Subscription.${f}`),
    ];
    expect(rootFields.filter((f) => !SPECS[f]).sort()).toEqual([]);
    expect(Object.keys(SPECS).filter((f) => !rootFields.includes(f))).toEqual([]);
  });

  // A subscription's first message after alerts and tickets change on both tenants: an error, or the first event in reach.
  async function firstEvent(call: Call, token: string | null): Promise<GraphQLResponse> {
    const subscription = await t.subscribe(call.query, call.variables, token ? { token } : {});
    const early = await subscription.next(100);
    if (early !== "timeout") {
      subscription.close();
      return early === "complete" ? {} : early;
    }
    await fx.liveChanges();
    const message = await subscription.next(2000);
    subscription.close();
    return typeof message === "string" ? { errors: [{ message, extensions: { code: message } }] } : message;
  }

  it("allows and denies exactly as expected, with 0 leaks", async () => {
    const rows: string[] = [];
    const failures: string[] = [];
    for (const [path, spec] of Object.entries(SPECS)) {
      const field = path.split(".")[1]!;
      for (const role of ROLES) {
        for (const tenant of spec.perTenant ? (["fabrikam", "litware"] as Tenant[]) : (["fabrikam"] as Tenant[])) {
          const call = await spec.build(tenant, fx, role);
          const token = call.token !== undefined ? call.token : tokens.get(role)!;
          const response = path.startsWith("Subscription.") ? await firstEvent(call, token) : await t.gql(call.query, call.variables, token ? { token } : {});
          const outcome = outcomeOf(field, response);
          const expected: Outcome =
            spec.expect?.(role, tenant) ?? (!spec.allowed.includes(role) ? "denied" : !spec.perTenant || REACH[role].includes(tenant) ? "ok" : "notFound");
          const text = JSON.stringify(response);
          const leaked = FORBIDDEN_TEXT[role].filter((marker) => text.includes(marker) && !(call.query + JSON.stringify(call.variables ?? {})).includes(marker));
          const label = `${path} as ${role}${spec.perTenant ? ` on ${tenant}` : ""}`;
          rows.push(`${label}: ${outcome}`);
          if (outcome !== expected) failures.push(`${label}: expected ${expected}, got ${outcome}`);
          if (leaked.length > 0) failures.push(`${label}: LEAK of ${leaked.join(", ")} in ${text.slice(0, 300)}`);
        }
      }
    }
    if (process.env.MSPGRAPH_PRINT_MATRIX) console.log(rows.join("\n"));
    console.log(`isolation matrix: ${rows.length} calls, ${failures.length} failures`);
    expect(failures).toEqual([]);
    expect(rows.length).toBeGreaterThan(200);
  });
});
