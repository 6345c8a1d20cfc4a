import { defineTenancy } from "../tenancy/define-tenancy.js";

export const auditTenancy = defineTenancy({
  // Platform events carry no partner, partner-level ones no client: neither reaches a client user.
  AuditEvent: { owner: "client", partnerColumn: "partnerId", clientColumn: "clientId", clientUsers: "ownClient" },
  AuditChainHead: { owner: "none", reason: "the hash chains' heads: only the audit writer reaches them, unscoped" },
});
