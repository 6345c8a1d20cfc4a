import { defineTenancy } from "@mspgraph/schema";

// The mapping is the partner's integration setting: staff link customers, client users never see it.
export const syncroTenancy = defineTenancy({
  SyncroCustomerLink: { owner: "client", partnerColumn: "partnerId", clientColumn: "clientId", clientUsers: "refused" },
  SyncroRateLimit: { owner: "none", reason: "the pacing of requests from one egress address, shared by every partner; only the limiter's SQL reaches it" },
});
