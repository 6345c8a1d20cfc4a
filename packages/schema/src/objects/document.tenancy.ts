import { defineTenancy } from "../tenancy/define-tenancy.js";

export const documentTenancy = defineTenancy({
  // Internal documents are for staff: a client user reads only those shared with the client.
  Document: { owner: "client", partnerColumn: "partnerId", clientColumn: "clientId", clientUsers: "ownClient", clientRows: { visibility: "CLIENT" } },
});
