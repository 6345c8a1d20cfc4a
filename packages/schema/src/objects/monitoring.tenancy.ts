import { defineTenancy } from "../tenancy/define-tenancy.js";

const ownClient = { owner: "client", partnerColumn: "partnerId", clientColumn: "clientId", clientUsers: "ownClient" } as const;

export const monitoringTenancy = defineTenancy({ Site: ownClient, Agent: ownClient, Alert: ownClient });
