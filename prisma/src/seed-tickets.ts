import type { PrismaClient, TicketPriority, TicketStatus } from "@prisma/client";
import { seedId } from "./seed-ids.js";
import { createNumberedTicket } from "./ticket-numbers.js";

type SampleComment = { body: string; hidden?: boolean; by: { staff: string } | { client: string }; tech: string; hoursAgo: number };
type SampleTicket = {
  partnerKey: string;
  clientKey: string;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority;
  contact: string;
  assignee?: string;
  hoursAgo: number;
  comments: SampleComment[];
  time?: { staff: string; minutes: number; note: string };
};

const SAMPLES: SampleTicket[] = [
  {
    partnerKey: "northwind-msp",
    clientKey: "fabrikam",
    subject: "Reception printer jams on every job",
    description: "The front-desk printer stops with a paper jam on every print since this morning.",
    status: "IN_PROGRESS",
    priority: "HIGH",
    contact: "admin@fabrikam.test",
    assignee: "tech@northwind-msp.test",
    hoursAgo: 6,
    comments: [
      { body: "We are on it: a technician will connect remotely within the hour.", by: { staff: "tech@northwind-msp.test" }, tech: "Theo Marsh", hoursAgo: 5 },
      { body: "Fuser unit worn out: order part FX-220 before the next visit.", hidden: true, by: { staff: "tech@northwind-msp.test" }, tech: "Theo Marsh", hoursAgo: 4 },
      { body: "Thanks, we are printing from the back office for now.", by: { client: "admin@fabrikam.test" }, tech: "Fiona Bright", hoursAgo: 3 },
    ],
    time: { staff: "tech@northwind-msp.test", minutes: 45, note: "Remote diagnosis of the jam sensor" },
  },
  {
    partnerKey: "northwind-msp",
    clientKey: "fabrikam",
    subject: "X-ray workstation backup failed",
    description: "Raised from the failed image-based backup on FAB-XRAY-01.",
    status: "NEW",
    priority: "URGENT",
    contact: "viewer@fabrikam.test",
    hoursAgo: 2,
    comments: [],
  },
  {
    partnerKey: "northwind-msp",
    clientKey: "tailspin",
    subject: "Set up a laptop for the new vet",
    description: "Dr. Alvarez starts on Monday and needs a laptop with the practice software.",
    status: "SCHEDULED",
    priority: "NORMAL",
    contact: "admin@tailspin.test",
    assignee: "owner@northwind-msp.test",
    hoursAgo: 30,
    comments: [{ body: "Booked for Friday 10:00 on site.", by: { staff: "owner@northwind-msp.test" }, tech: "Nora Owens", hoursAgo: 26 }],
  },
  {
    partnerKey: "contoso-it",
    clientKey: "litware",
    subject: "VPN drops every few minutes from home",
    description: "Since the router update the VPN disconnects every five minutes.",
    status: "WAITING_ON_CUSTOMER",
    priority: "HIGH",
    contact: "admin@litware.test",
    assignee: "tech@contoso-it.test",
    hoursAgo: 20,
    comments: [
      { body: "Could you send us the model of your home router?", by: { staff: "tech@contoso-it.test" }, tech: "Tess Nakamura", hoursAgo: 18 },
      { body: "Known firmware bug on that router line: MTU 1400 fixes it.", hidden: true, by: { staff: "tech@contoso-it.test" }, tech: "Tess Nakamura", hoursAgo: 17 },
    ],
  },
  {
    partnerKey: "contoso-it",
    clientKey: "alpine",
    subject: "Rental counter scanner does not read lift passes",
    description: "The barcode scanner at the rental counter beeps but nothing appears in the rentals app.",
    status: "NEW",
    priority: "NORMAL",
    contact: "admin@alpine.test",
    hoursAgo: 3,
    comments: [{ body: "Thanks, we will look at it this afternoon.", by: { staff: "owner@contoso-it.test" }, tech: "Colin Reyes", hoursAgo: 2 }],
  },
];

// Each sample partner's starting catalog, so line items can be billed from it.
const PRODUCTS = [
  { name: "Remote support (per hour)", sku: "SVC-REMOTE", unitPrice: "95.00", costPrice: "40.00" },
  { name: "On-site visit", sku: "SVC-ONSITE", unitPrice: "150.00", costPrice: "70.00" },
  { name: "Printer fuser unit FX-220", sku: "HW-FX220", unitPrice: "129.00", costPrice: "82.50" },
  { name: "Cat6 patch cable 2 m", sku: "HW-CAT6-2", unitPrice: "8.00", costPrice: "2.40" },
];

const HOUR = 60 * 60 * 1000;

/**
 * A few sample tickets with conversations (at least two clients' per partner), and a starting
 * product catalog, for `npm start`, `npm run db:seed` and the test harness. Written only for a
 * partner that has no tickets yet, so it never touches a partner's real work; numbers come from
 * the partner's counter like every other ticket's.
 */
export async function seedSampleTickets(prisma: PrismaClient, now = Date.now()): Promise<void> {
  for (const partnerKey of new Set(SAMPLES.map((sample) => sample.partnerKey))) {
    const partnerId = seedId("partner", partnerKey);
    if ((await prisma.ticket.count({ where: { partnerId } })) > 0) continue;
    const samples = SAMPLES.filter((sample) => sample.partnerKey === partnerKey);
    await prisma.$transaction(async (tx) => {
      await tx.product.createMany({ data: PRODUCTS.map((product) => ({ id: seedId("product", partnerKey, product.sku), partnerId, ...product })), skipDuplicates: true });
      for (const [index, sample] of samples.entries()) {
        const owned = { partnerId, clientId: seedId("client", sample.clientKey) };
        const ticketId = seedId("ticket", partnerKey, index + 1);
        const createdAt = new Date(now - sample.hoursAgo * HOUR);
        const lastActivity = Math.min(sample.hoursAgo, ...sample.comments.map((comment) => comment.hoursAgo));
        await createNumberedTicket(tx, {
          id: ticketId,
          ...owned,
          subject: sample.subject,
          description: sample.description,
          status: sample.status,
          priority: sample.priority,
          contactId: seedId("client-user", sample.contact),
          assigneeId: sample.assignee ? seedId("staff", sample.assignee) : null,
          createdByClientUserId: seedId("client-user", sample.contact),
          createdAt,
          updatedAt: new Date(now - lastActivity * HOUR),
        });
        await tx.ticketComment.createMany({
          data: sample.comments.map((comment, position) => ({
            id: seedId("ticket-comment", partnerKey, index + 1, position),
            ...owned,
            ticketId,
            body: comment.body,
            hidden: comment.hidden ?? false,
            tech: comment.tech,
            authorStaffId: "staff" in comment.by ? seedId("staff", comment.by.staff) : null,
            authorClientUserId: "client" in comment.by ? seedId("client-user", comment.by.client) : null,
            createdAt: new Date(now - comment.hoursAgo * HOUR),
          })),
        });
        if (sample.time) {
          await tx.timeEntry.create({
            data: { id: seedId("time-entry", partnerKey, index + 1), ...owned, ticketId, staffUserId: seedId("staff", sample.time.staff), minutes: sample.time.minutes, note: sample.time.note },
          });
        }
      }
    });
  }
}
