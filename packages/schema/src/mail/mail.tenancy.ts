import { defineTenancy } from "../tenancy/define-tenancy.js";

// Staff of the partner only, never client users: bodies hold one-time links. Written with an
// unscoped transaction (enqueueMail), since a client admin's invitation also causes mail.
export const mailTenancy = defineTenancy({
  MailOutbox: { owner: "partner", partnerColumn: "partnerId", clientUsers: "refused" },
});
