import { or } from "graphql-shield";
import { builder } from "../builder.js";
import { nodeLookup } from "./global-id.js";
import { addRules } from "../permissions.js";
import { isClientAdmin, isPartnerManager, isStaff } from "../rules/roles.js";
import { ClientUserRoleEnum, StaffRoleEnum } from "./enums.js";

const StaffUserStatusEnum = builder.enumType("StaffUserStatus", {
  values: { INVITED: { description: "Has not accepted the invitation yet" }, ACTIVE: {}, DISABLED: { description: "Cannot sign in; their sessions have ended" } } as const,
});

export const StaffUserRef = builder.prismaNode("StaffUser", {
  id: { field: "id" },
  ...nodeLookup,
  description: "A platform admin or a member of a partner's staff",
  fields: (t) => ({
    name: t.exposeString("name"),
    email: t.exposeString("email", { description: "Partner OWNER/ADMIN and platform admins only: technicians see colleagues' names and roles" }),
    role: t.expose("role", { type: StaffRoleEnum }),
    partner: t.relation("partner", { nullable: true }),
    status: t.field({
      type: StaffUserStatusEnum,
      description: "Partner OWNER/ADMIN and platform admins only",
      select: { disabledAt: true, passwordHash: true },
      resolve: (user) => (user.disabledAt ? "DISABLED" : user.passwordHash ? "ACTIVE" : "INVITED"),
    }),
    invitationExpiresAt: t.expose("invitationExpiresAt", {
      type: "DateTime",
      nullable: true,
      description: "When the pending invitation's link stops working; null when none is pending (accepted or revoked). Partner OWNER/ADMIN only",
    }),
  }),
});

const ClientUserStatusEnum = builder.enumType("ClientUserStatus", {
  values: { INVITED: { description: "Has not accepted the invitation yet" }, ACTIVE: {}, DISABLED: {} } as const,
});

export const ClientUserRef = builder.prismaNode("ClientUser", {
  id: { field: "id" },
  ...nodeLookup,
  description: "A user of a client's own staff, who signs in to the client portal",
  fields: (t) => ({
    name: t.exposeString("name"),
    email: t.exposeString("email"),
    role: t.expose("role", { type: ClientUserRoleEnum }),
    status: t.field({
      type: ClientUserStatusEnum,
      select: { disabledAt: true, passwordHash: true },
      resolve: (user) => (user.disabledAt ? "DISABLED" : user.passwordHash ? "ACTIVE" : "INVITED"),
    }),
    invitationExpiresAt: t.expose("invitationExpiresAt", {
      type: "DateTime",
      nullable: true,
      description: "When the pending invitation's link stops working; null when none is pending (accepted or revoked)",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    client: t.relation("client"),
  }),
});

addRules({
  // Any staff role reads its colleagues' names and roles (the tenant scope keeps them to its
  // own partner); email addresses are for those who manage the staff.
  StaffUser: { "*": isStaff, email: isPartnerManager, status: isPartnerManager, invitationExpiresAt: isPartnerManager },
  ClientUser: { "*": or(isStaff, isClientAdmin) },
});
