// What Syncro's API documentation says each endpoint needs ("Required permission: ..."), and
// what its 401 says when the token lacks it. `GET /me` and `GET /tickets/settings` need none.
const REQUIRED: Array<[method: string, path: RegExp, permission: string]> = [
  ["GET", /^\/customers\/?$/, "Customers - List/Search"],
  ["GET", /^\/customers\/\d+\/?$/, "Customers - View Detail"],
  ["POST", /^\/customers\/?$/, "Customers - Create"],
  ["PUT", /^\/customers\/\d+\/?$/, "Customers - Edit"],
  ["DELETE", /^\/customers\/\d+\/?$/, "Customers - Delete"],
  ["GET", /^\/contacts\/?$/, "Customers - View Detail"],
  ["POST", /^\/contacts\/?$/, "Customers - Edit"],
  ["GET", /^\/tickets\/?$/, "Tickets - List/Search"],
  ["POST", /^\/tickets\/?$/, "Tickets - Create"],
  ["GET", /^\/tickets\/\d+(?:\/comments)?\/?$/, "Tickets - View Details"],
  ["PUT", /^\/tickets\/\d+\/?$/, "Tickets - Edit"],
  ["DELETE", /^\/tickets\/\d+\/?$/, "Tickets - Delete"],
  ["POST", /^\/tickets\/\d+\/(?:comment|add_line_item|remove_line_item)\/?$/, "Tickets - Edit"],
  ["PUT", /^\/tickets\/\d+\/update_line_item\/?$/, "Tickets - Edit"],
];

/** The body of Syncro's 401 for a token that lacks a permission (a live account's answer). */
export const PERMISSION_DENIED_BODY = { error: "Not authorized. Please ask account admin to update your group permissions." };

/** Every permission the fake knows, for `GET /me`. */
export const KNOWN_PERMISSIONS = [...new Set(REQUIRED.map(([, , permission]) => permission))];

export function permissionFor(method: string, path: string): string | undefined {
  return REQUIRED.find(([m, pattern]) => m === method && pattern.test(path))?.[2];
}

// /me groups permissions by record and action ({ customer: { read, write, delete } }).
const GROUPS: Record<string, string> = { Customers: "customer", Tickets: "ticket" };
const ACTIONS: Record<string, string> = { "List/Search": "read", "View Detail": "read", "View Details": "read", Create: "write", Edit: "write", Delete: "delete" };

/** The `permissions` of `GET /me`: every action allowed unless one of its permissions is denied. */
export function mePermissions(denied: ReadonlySet<string>): Record<string, Record<string, boolean>> {
  const result: Record<string, Record<string, boolean>> = {};
  for (const permission of KNOWN_PERMISSIONS) {
    const [group = "", action = ""] = permission.split(" - ");
    const record = (result[GROUPS[group] ?? group.toLowerCase()] ??= {});
    const key = ACTIONS[action] ?? action.toLowerCase();
    record[key] = (record[key] ?? true) && !denied.has(permission);
  }
  return result;
}
