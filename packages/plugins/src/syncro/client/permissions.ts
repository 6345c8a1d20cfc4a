// The permission Syncro's API documentation names for each call this client makes ("Required
// permission: ..."). Syncro's 401 for a missing permission does not say which one it is.
const REQUIRED: Array<[method: string, path: RegExp, permission: string]> = [
  ["GET", /^\/customers$/, "Customers - List/Search"],
  ["GET", /^\/customers\/\d+$/, "Customers - View Detail"],
  ["GET", /^\/contacts$/, "Customers - View Detail"],
  ["GET", /^\/tickets$/, "Tickets - List/Search"],
  ["POST", /^\/tickets$/, "Tickets - Create"],
  ["GET", /^\/tickets\/\d+(?:\/comments)?$/, "Tickets - View Details"],
  ["PUT", /^\/tickets\/\d+(?:\/update_line_item)?$/, "Tickets - Edit"],
  ["POST", /^\/tickets\/\d+\/(?:comment|add_line_item|remove_line_item)$/, "Tickets - Edit"],
];

/**
 * The Syncro permission a call needs, or undefined for a call that needs none we know of.
 * @param call "METHOD /path", as in our error messages
 */
export function requiredPermission(call: string): string | undefined {
  const [method, path = ""] = call.split(" ");
  return REQUIRED.find(([m, pattern]) => m === method && pattern.test(path))?.[2];
}
