import { defineTenancy } from "../tenancy/define-tenancy.js";

// Endpoints and their delivery log belong to the partner's OWNER/ADMIN (the shield rules say
// who); client users never reach them. Deliveries may carry staff-only events (hidden
// comments), which the partner's staff may read anyway.
export const webhooksTenancy = defineTenancy({
  WebhookEndpoint: { owner: "partner", partnerColumn: "partnerId", clientUsers: "refused" },
  WebhookDelivery: { owner: "partner", partnerColumn: "partnerId", clientUsers: "refused" },
});
