import { defineTenancy } from "../tenancy/define-tenancy.js";

export const tenantsTenancy = defineTenancy({
  // A client user reads their own partner (its name, its branding).
  Partner: { owner: "partner", partnerColumn: "id", clientUsers: "wholePartner" },
  Client: { owner: "client", partnerColumn: "partnerId", clientColumn: "id", clientUsers: "ownClient" },
  // Client users see the names of the staff working their tickets.
  StaffUser: { owner: "partner", partnerColumn: "partnerId", clientUsers: "wholePartner" },
  ClientUser: { owner: "client", partnerColumn: "partnerId", clientColumn: "clientId", clientUsers: "ownClient" },
});
