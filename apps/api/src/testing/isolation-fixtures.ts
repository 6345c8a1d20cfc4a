import { randomUUID } from "node:crypto";
import { type PrismaClient, seedId } from "@mspgraph/db";
import { gid } from "./test-api.js";

/** The two demo tenants the isolation matrix plays against each other. */
export type Tenant = "fabrikam" | "litware";

export const TENANTS: Record<Tenant, { partnerId: string; clientId: string; viewerEmail: string; partnerKey: string }> = {
  fabrikam: { partnerId: seedId("partner", "northwind-msp"), clientId: seedId("client", "fabrikam"), viewerEmail: "viewer@fabrikam.test", partnerKey: "northwind-msp" },
  litware: { partnerId: seedId("partner", "contoso-it"), clientId: seedId("client", "litware"), viewerEmail: "viewer@litware.test", partnerKey: "contoso-it" },
};

export { gid };

/** Fresh rows for calls that change or delete their target, so every call starts alike. */
export function isolationFixtures(prisma: PrismaClient) {
  const owned = (tenant: Tenant) => ({ partnerId: TENANTS[tenant].partnerId, clientId: TENANTS[tenant].clientId });
  return {
    async client(tenant: Tenant) {
      const { id } = await prisma.client.create({ data: { partnerId: TENANTS[tenant].partnerId, name: "Throwaway", domain: `t-${randomUUID().slice(0, 8)}.test` } });
      return gid("Client", id);
    },
    async clientUser(tenant: Tenant) {
      const { id } = await prisma.clientUser.create({ data: { ...owned(tenant), email: `u-${randomUUID()}@${tenant}.test`, name: "Temp", role: "VIEW_ONLY" } });
      return gid("ClientUser", id);
    },
    /** A technician of the tenant's partner with a pending invitation (its token is random and unknown). */
    async invitedStaff(tenant: Tenant) {
      const invitation = { invitationTokenHash: randomUUID(), invitationExpiresAt: new Date(Date.now() + 3_600_000) };
      const { id } = await prisma.staffUser.create({ data: { partnerId: TENANTS[tenant].partnerId, email: `s-${randomUUID()}@${tenant}.test`, name: "Invited", role: "TECHNICIAN", ...invitation } });
      return gid("StaffUser", id);
    },
    /** A client user with a pending invitation (its token is random and unknown). */
    async invitedUser(tenant: Tenant) {
      const invitation = { invitationTokenHash: randomUUID(), invitationExpiresAt: new Date(Date.now() + 3_600_000) };
      const { id } = await prisma.clientUser.create({ data: { ...owned(tenant), email: `i-${randomUUID()}@${tenant}.test`, name: "Invited", role: "VIEW_ONLY", ...invitation } });
      return gid("ClientUser", id);
    },
    async activeAlert(tenant: Tenant) {
      const { id } = await prisma.alert.create({ data: { ...owned(tenant), severity: "WARNING", source: "test", message: "Temporary alert" } });
      return gid("Alert", id);
    },
    async clientDocument(tenant: Tenant) {
      const { id } = await prisma.document.create({ data: { ...owned(tenant), title: "Temporary", body: "x", visibility: "CLIENT" } });
      return gid("Document", id);
    },
    async ticket(tenant: Tenant) {
      const { id } = await prisma.ticket.create({ data: { ...owned(tenant), number: 100_000 + Math.floor(Math.random() * 1_000_000_000), subject: "Matrix ticket" } });
      return gid("Ticket", id);
    },
    async lineItem(tenant: Tenant) {
      const ticket = await prisma.ticket.create({ data: { ...owned(tenant), number: 100_000 + Math.floor(Math.random() * 1_000_000_000), subject: "Matrix ticket" } });
      const { id } = await prisma.lineItem.create({ data: { ...owned(tenant), ticketId: ticket.id, name: "Cable", quantity: "1", unitPrice: "5", costPrice: "2" } });
      return gid("LineItem", id);
    },
    async product(tenant: Tenant) {
      const { id } = await prisma.product.create({ data: { partnerId: TENANTS[tenant].partnerId, name: `Matrix product ${randomUUID()}`, unitPrice: "10", costPrice: "5" } });
      return gid("Product", id);
    },
    async viewerUser(tenant: Tenant) {
      const user = await prisma.clientUser.findUniqueOrThrow({ where: { email: TENANTS[tenant].viewerEmail } });
      return gid("ClientUser", user.id);
    },
    /** An endpoint of the tenant's partner (its secret is never decrypted here) and one delivery to it. */
    async webhookEndpoint(tenant: Tenant) {
      const { id } = await prisma.webhookEndpoint.create({ data: { id: randomUUID(), partnerId: TENANTS[tenant].partnerId, url: "https://hooks.example.com/matrix", events: ["ticket.created"], secretCiphertext: "unused" } });
      return gid("WebhookEndpoint", id);
    },
    async webhookDelivery(tenant: Tenant) {
      const partnerId = TENANTS[tenant].partnerId;
      const endpoint = await prisma.webhookEndpoint.create({ data: { id: randomUUID(), partnerId, url: "https://hooks.example.com/matrix", events: ["ticket.created"], secretCiphertext: "unused" } });
      const { id } = await prisma.webhookDelivery.create({ data: { id: randomUUID(), partnerId, endpointId: endpoint.id, eventType: "webhook.test", body: "{}", status: "DEAD" } });
      return gid("WebhookDelivery", id);
    },
  };
}
