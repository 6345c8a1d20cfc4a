import { AgentStatus, AlertSeverity, AlertStatus, ClientUserRole, DocumentVisibility, StaffRole } from "@mspgraph/db";
import { builder } from "../builder.js";

export const StaffRoleEnum = builder.enumType(StaffRole, { name: "StaffRole" });
export const ClientUserRoleEnum = builder.enumType(ClientUserRole, { name: "ClientUserRole" });
export const AgentStatusEnum = builder.enumType(AgentStatus, { name: "AgentStatus" });
export const AlertSeverityEnum = builder.enumType(AlertSeverity, { name: "AlertSeverity" });
export const AlertStatusEnum = builder.enumType(AlertStatus, { name: "AlertStatus" });
export const DocumentVisibilityEnum = builder.enumType(DocumentVisibility, {
  name: "DocumentVisibility",
  description: "CLIENT documents are shown in the client portal; INTERNAL ones only to the partner's staff",
});
