import { defineTenancy } from "../tenancy/define-tenancy.js";

export const auditTenancy = defineTenancy({
  // Platform events carry no partner, partner-level ones no client: neither reaches a client user.
  // A client's trail holds its users' acts and the staff acts they see anyway, nothing staff-only.
  AuditEvent: { owner: "client", partnerColumn: "partnerId", clientColumn: "clientId", clientUsers: "ownClient", clientRows: { clientVisible: true } },
  AuditChainHead: { owner: "none", reason: "the hash chains' heads: only the audit writer reaches them, unscoped" },
});
