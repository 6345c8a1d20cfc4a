import type { NotificationKind, NotificationPreference, Prisma } from "@mspgraph/db";
import type { Recipient } from "./recipients.js";

type Tx = Prisma.TransactionClient;

/** A person's settings; everything on when they have not saved any. */
export type Preferences = Pick<NotificationPreference, "emailOff" | "inAppOff" | "allClientTickets">;

export const DEFAULT_PREFERENCES: Preferences = { emailOff: [], inAppOff: [], allClientTickets: false };

/** The settings of the people among `recipients` (bare addresses have none). */
export async function preferencesOf(tx: Tx, recipients: readonly Recipient[]): Promise<(recipient: Recipient) => Preferences> {
  const staffIds = recipients.flatMap((r) => (r.staffUserId ? [r.staffUserId] : []));
  const clientIds = recipients.flatMap((r) => (r.clientUserId ? [r.clientUserId] : []));
  const rows = staffIds.length + clientIds.length === 0 ? [] : await tx.notificationPreference.findMany({ where: { OR: [{ staffUserId: { in: staffIds } }, { clientUserId: { in: clientIds } }] } });
  return (recipient) => rows.find((row) => (recipient.staffUserId && row.staffUserId === recipient.staffUserId) || (recipient.clientUserId && row.clientUserId === recipient.clientUserId)) ?? DEFAULT_PREFERENCES;
}

export const wantsEmail = (preferences: Preferences, kind: NotificationKind) => !preferences.emailOff.includes(kind);
export const wantsInApp = (preferences: Preferences, kind: NotificationKind) => !preferences.inAppOff.includes(kind);
