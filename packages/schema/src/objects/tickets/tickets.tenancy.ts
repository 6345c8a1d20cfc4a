import { defineTenancy } from "../../tenancy/define-tenancy.js";

export const ticketsTenancy = defineTenancy({
  Ticket: { owner: "client", partnerColumn: "partnerId", clientColumn: "clientId", clientUsers: "ownClient" },
  // Internal notes never reach a client user, whatever the query asks.
  TicketComment: { owner: "client", partnerColumn: "partnerId", clientColumn: "clientId", clientUsers: "ownClient", clientRows: { hidden: false } },
  // Who worked how long, and the notes, are the partner's business.
  TimeEntry: { owner: "client", partnerColumn: "partnerId", clientColumn: "clientId", clientUsers: "refused" },
  LineItem: { owner: "client", partnerColumn: "partnerId", clientColumn: "clientId", clientUsers: "ownClient" },
  // Numbers are taken by the allocator's raw upsert; no query of a client user reads it.
  TicketCounter: { owner: "partner", partnerColumn: "partnerId", clientUsers: "refused" },
  // The price list carries cost prices.
  Product: { owner: "partner", partnerColumn: "partnerId", clientUsers: "refused" },
});
