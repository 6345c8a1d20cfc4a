import type { ClientUserRole, StaffRole } from "@mspgraph/db";

/** Who is calling: nobody, a staff user (platform admin or partner staff) or a client user. */
export type Principal =
  | { kind: "anonymous" }
  | { kind: "staff"; userId: string; sessionId: string; role: StaffRole; partnerId: string | null }
  | { kind: "client"; userId: string; sessionId: string; role: ClientUserRole; partnerId: string; clientId: string };

export const ANONYMOUS: Principal = { kind: "anonymous" };
