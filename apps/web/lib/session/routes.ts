/** The staff area's top-level URLs: nav links and access checks read this list. */
export const STAFF_SECTIONS = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/clients", label: "Clients" },
  { href: "/tickets", label: "Tickets" },
  { href: "/products", label: "Products" },
  { href: "/alerts", label: "Alerts" },
  { href: "/backups", label: "Backups" },
  { href: "/integrations", label: "Integrations" },
  { href: "/staff", label: "Staff" },
  { href: "/audit", label: "Audit log" },
  { href: "/api-keys", label: "API keys" },
  { href: "/webhooks", label: "Webhooks" },
  { href: "/partners", label: "Partners" },
  { href: "/security", label: "Account security" },
] as const;

export const PORTAL_SECTIONS = [
  { href: "/portal", label: "Overview" },
  { href: "/portal/assets", label: "Assets" },
  { href: "/portal/tickets", label: "Tickets" },
  { href: "/portal/docs", label: "Documentation" },
  { href: "/portal/security", label: "Account security" },
] as const;

/** Only client ADMINs manage their organisation's users. */
export const PORTAL_ADMIN_SECTION = { href: "/portal/users", label: "Users" } as const;

const under = (pathname: string, base: string) => pathname === base || pathname.startsWith(`${base}/`);

/**
 * "portal-login" covers the portal's pages for people without a session (sign-in, invitations,
 * forgotten password); "public" pages work with or without one (a reset link opened while signed in).
 */
export type TArea = "staff" | "portal" | "staff-login" | "portal-login" | "public" | "home";

/**
 * Which part of the app a path belongs to, for the proxy's sign-in and role checks. Every
 * page that is not a sign-in page or the portal is staff-only, including ones added later.
 */
export function areaOf(pathname: string): TArea {
  if (pathname === "/") return "home";
  if (under(pathname, "/reset-password") || under(pathname, "/portal/reset-password")) return "public";
  if (under(pathname, "/forgot-password")) return "staff-login";
  if (under(pathname, "/portal/forgot-password")) return "portal-login";
  if (under(pathname, "/portal/login") || under(pathname, "/portal/accept-invitation")) return "portal-login";
  if (under(pathname, "/portal")) return "portal";
  if (under(pathname, "/login") || under(pathname, "/accept-invitation")) return "staff-login";
  return "staff";
}
