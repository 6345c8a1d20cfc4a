import type { Prisma } from "@mspgraph/db";
import type { KeyRing } from "../crypto/credential-cipher.js";
import { enqueueMail } from "../mail/outbox.js";
import { webhookDisabledMail } from "../mail/templates/webhook-disabled.js";

/**
 * Emails the partner's active OWNER/ADMINs that `endpointId` was disabled (through the outbox).
 * @param options.tx the transaction that disabled it, so the mail is queued if and only if it was
 */
export async function mailEndpointDisabled(options: { tx: Prisma.TransactionClient; keyRing: KeyRing; publicUrl: string; endpointId: string }): Promise<number> {
  const endpoint = await options.tx.webhookEndpoint.findUnique({
    where: { id: options.endpointId },
    select: { url: true, failingSince: true, partnerId: true, partner: { select: { name: true } } },
  });
  if (!endpoint) return 0;
  const owners = await options.tx.staffUser.findMany({
    where: { partnerId: endpoint.partnerId, role: { in: ["OWNER", "ADMIN"] }, disabledAt: null, passwordHash: { not: null } },
    select: { email: true, name: true },
  });
  for (const owner of owners) {
    const message = webhookDisabledMail({ partnerName: endpoint.partner.name, name: owner.name, url: endpoint.url, failingSince: endpoint.failingSince ?? new Date(), publicUrl: options.publicUrl });
    await enqueueMail(options.tx, options.keyRing, { partnerId: endpoint.partnerId, recipient: owner.email, template: "webhook-disabled", message });
  }
  return owners.length;
}
