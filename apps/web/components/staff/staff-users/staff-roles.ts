/** The roles of a partner's staff, as the staff page offers them. */
export type TStaffRole = "OWNER" | "ADMIN" | "TECHNICIAN";

const ROLES: ReadonlyArray<{ value: TStaffRole; label: string }> = [
  { value: "TECHNICIAN", label: "Technician: works tickets, clients and alerts" },
  { value: "ADMIN", label: "Admin: also manages clients, staff and settings" },
  { value: "OWNER", label: "Owner: also makes owners and sets security rules" },
];

/** The roles a manager may give: only an owner offers Owner. */
export const roleOptions = (isOwner: boolean) => ROLES.filter((role) => isOwner || role.value !== "OWNER");

/** The role's name alone, for tables. */
export const roleName = (role: string) => (role === "OWNER" ? "Owner" : role === "ADMIN" ? "Admin" : role === "TECHNICIAN" ? "Technician" : "Platform admin");
