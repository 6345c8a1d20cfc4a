import type { NotificationKind } from "@mspgraph/db";

/** Who a kind of notice is for: a partner's staff (and its addresses) or a client's users. */
export type NoticeAudience = "STAFF" | "CLIENT_USER";

/** Every kind, whom it is for, and how a settings page names it. */
export const NOTIFICATION_KINDS: ReadonlyArray<{ kind: NotificationKind; audience: NoticeAudience; description: string }> = [
  { kind: "TICKET_OPENED", audience: "STAFF", description: "A client opens a ticket assigned to you (or to your ticket queue)" },
  { kind: "TICKET_CLIENT_REPLY", audience: "STAFF", description: "A client replies on a ticket assigned to you (or to your ticket queue)" },
  { kind: "ALERT_RAISED", audience: "STAFF", description: "A critical alert is raised while your address is on call" },
  { kind: "ALERT_RESOLVED", audience: "STAFF", description: "A critical alert you were told of is resolved" },
  { kind: "BACKUP_FAILED", audience: "STAFF", description: "A backup fails while your address is on call" },
  { kind: "BACKUP_RECOVERED", audience: "STAFF", description: "A failed backup succeeds again" },
  { kind: "TICKET_REPLY", audience: "CLIENT_USER", description: "Your IT provider replies on your ticket" },
  { kind: "TICKET_RESOLVED", audience: "CLIENT_USER", description: "Your ticket is resolved" },
];

export const kindsFor = (audience: NoticeAudience) => NOTIFICATION_KINDS.filter((entry) => entry.audience === audience);

/** The web app's page where each kind of person changes their notifications. */
export const PREFERENCES_PATH = { STAFF: "/settings/notifications", CLIENT_USER: "/portal/notifications" } as const;
