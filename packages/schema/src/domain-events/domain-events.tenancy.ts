import { defineTenancy } from "../tenancy/define-tenancy.js";

// Written with the unscoped transaction of the change (a client user's reply causes events
// too) and read by the dispatcher; what a client's users see of events goes through outlets.
export const domainEventsTenancy = defineTenancy({
  DomainEvent: { owner: "client", partnerColumn: "partnerId", clientColumn: "clientId", clientUsers: "refused" },
});
