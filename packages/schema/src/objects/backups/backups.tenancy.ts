import { defineTenancy } from "../../tenancy/define-tenancy.js";

export const backupsTenancy = defineTenancy({
  // clientId is null while the provider's company is linked to no client: such plans are staff's.
  // A provider's raw error text and its report link (the provider's console, full of file paths
  // and error detail) are for staff; client users see the plan's state.
  BackupPlan: { owner: "client", partnerColumn: "partnerId", clientColumn: "clientId", clientUsers: "ownClient", staffOnlyColumns: ["errorMessage", "reportUrl"] },
});
