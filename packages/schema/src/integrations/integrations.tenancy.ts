import { defineTenancy } from "../tenancy/define-tenancy.js";

export const integrationsTenancy = defineTenancy({
  IntegrationConnection: { owner: "partner", partnerColumn: "partnerId", clientUsers: "refused" },
  IntegrationEvent: { owner: "partner", partnerColumn: "partnerId", clientUsers: "refused" },
});
