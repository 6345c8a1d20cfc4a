import { defineTenancy } from "@mspgraph/schema";

// The mapping is the partner's integration setting: staff link companies, client users never see it.
export const msp360Tenancy = defineTenancy({
  Msp360CompanyLink: { owner: "client", partnerColumn: "partnerId", clientColumn: "clientId", clientUsers: "refused" },
});
