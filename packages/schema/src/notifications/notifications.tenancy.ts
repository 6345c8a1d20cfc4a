import { defineTenancy } from "../tenancy/define-tenancy.js";

// Written by the notification outlet with the dispatcher's unscoped transaction. A person
// reads only their own notices (the resolvers filter by recipient); the scope adds the second
// wall: a client's users reach their own client's rows, and staff rows carry no clientId.
export const notificationsTenancy = defineTenancy({
  Notification: { owner: "client", partnerColumn: "partnerId", clientColumn: "clientId", clientUsers: "ownClient", clientRows: { staffUserId: null } },
  NotificationPreference: { owner: "client", partnerColumn: "partnerId", clientColumn: "clientId", clientUsers: "ownClient", clientRows: { staffUserId: null } },
  // Pending email notices: the worker's, never read through GraphQL.
  NotificationMail: { owner: "client", partnerColumn: "partnerId", clientColumn: "clientId", clientUsers: "refused" },
});
