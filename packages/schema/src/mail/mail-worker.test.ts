import { randomBytes } from "node:crypto";
import { type TestDatabase, createTestDatabase } from "@mspgraph/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { keyRing } from "../crypto/credential-cipher.js";
import { createLogger } from "../server/logger.js";
import { TEST_SMTP_PASSWORD, type TestSmtpServer, startTestSmtpServer } from "../testing/smtp-server.js";
import { MAIL_LEASE_MS, claimMail, finishMail } from "./mail-queue.js";
import { type MailWorkerOptions, processDueMail } from "./mail-worker.js";
import { enqueueMail } from "./outbox.js";

const ring = keyRing("k1", { k1: randomBytes(32) });
const HOUR = 60 * 60 * 1000;
const secretLink = (n: number) => `https://portal.example.test/portal/accept-invitation?token=mspi_SECRET${n}${randomBytes(8).toString("hex")}`;

describe("the mail outbox and its worker", () => {
  let db: TestDatabase;
  let smtp: TestSmtpServer;
  let partnerId: string;
  const logs: string[] = [];
  let clock = Date.now();
  const worker = (extra: Partial<MailWorkerOptions> = {}): MailWorkerOptions => ({
    database: db,
    keyRing: ring,
    logger: createLogger({ level: "debug", destination: { write: (line: string) => void logs.push(line) } }),
    smtpUrl: smtp.url,
    from: "Northwind IT <it@northwind.example>",
    now: () => new Date(clock),
    ...extra,
  });
  const enqueue = (n: number, extra: { expiresAt?: Date } = {}) =>
    db.prisma.$transaction((tx) =>
      enqueueMail(tx, ring, { partnerId, recipient: `user${n}@example.test`, template: "test", message: { subject: `Message ${n}`, text: `Open ${secretLink(n)}`, html: `<a href="${secretLink(n)}">open</a>` }, ...extra }),
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startTestSmtpServer();
    partnerId = (await db.prisma.partner.create({ data: { name: "Northwind MSP", slug: "northwind" }, select: { id: true } })).id;
  });
  afterAll(async () => {
    await smtp.stop();
    await db.close();
  });
  beforeEach(async () => {
    await db.prisma.mailOutbox.deleteMany();
    smtp.received.length = 0;
    logs.length = 0;
    // A little ahead of the wall clock, so what the test enqueues next is due at once.
    clock = Date.now() + 60_000;
  });

  it("retries with backoff while SMTP is down, then sends each message exactly once, with two workers racing", async () => {
    await smtp.stop();
    const ids = [await enqueue(1), await enqueue(2), await enqueue(3)];

    expect(await processDueMail(worker())).toBe(3);
    let rows = await db.prisma.mailOutbox.findMany({ where: { id: { in: ids } } });
    for (const row of rows) {
      expect(row).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null });
      expect(row.lastError).toContain("ECONNREFUSED");
      expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(clock + 15_000);
    }
    // Not due yet: the backoff holds the messages back.
    expect(await processDueMail(worker())).toBe(0);

    clock += 7 * HOUR;
    expect(await processDueMail(worker())).toBe(3);
    rows = await db.prisma.mailOutbox.findMany({ where: { id: { in: ids } } });
    expect(rows.map((row) => row.attempts)).toEqual([2, 2, 2]);

    await smtp.start();
    clock += 7 * HOUR;
    const tried = await Promise.all([processDueMail(worker()), processDueMail(worker())]);
    expect(tried[0]! + tried[1]!).toBe(3);
    await smtp.waitFor(3);
    clock += 7 * HOUR;
    expect(await processDueMail(worker())).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(smtp.received.map((mail) => mail.subject).sort()).toEqual(["Message 1", "Message 2", "Message 3"]);
    expect(smtp.received[0]!.from?.text).toBe('"Northwind IT" <it@northwind.example>');
    expect(smtp.received.map((mail) => mail.messageId).sort()).toEqual(ids.map((id) => `<${id}@northwind.example>`).sort());
    rows = await db.prisma.mailOutbox.findMany({ where: { id: { in: ids } } });
    for (const row of rows) expect(row).toMatchObject({ status: "SENT", attempts: 3, bodyCiphertext: null, lastError: null, sentAt: expect.any(Date) });

    const logText = logs.join("\n");
    expect(logText).toContain("mail could not be sent");
    expect(logText).toContain("mail sent");
    expect(logText).not.toContain("mspi_SECRET");
    expect(logText).not.toContain("accept-invitation");
    expect(logText).not.toContain(TEST_SMTP_PASSWORD);
    expect(JSON.stringify(rows)).not.toContain(TEST_SMTP_PASSWORD);
  });

  it("keeps the body encrypted at rest and erases it once sent", async () => {
    const id = await enqueue(4);
    const stored = await db.prisma.mailOutbox.findUniqueOrThrow({ where: { id } });
    expect(stored.bodyCiphertext).toMatch(/^v1\.k1\./);
    expect(JSON.stringify(stored)).not.toContain("mspi_SECRET");
    await processDueMail(worker());
    const [mail] = await smtp.waitFor(1);
    expect(mail!.text).toContain("mspi_SECRET4");
    expect(mail!.envelope.to).toEqual(["user4@example.test"]);
    expect((await db.prisma.mailOutbox.findUniqueOrThrow({ where: { id } })).bodyCiphertext).toBeNull();
  });

  it("without SMTP configured, leaves mail pending in the outbox", async () => {
    const id = await enqueue(5);
    const { smtpUrl: _none, ...withoutSmtp } = worker();
    expect(await processDueMail(withoutSmtp)).toBe(0);
    expect(await db.prisma.mailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  it("gives a crashed worker's claim to another after the lease, and ignores the late finisher", async () => {
    const id = await enqueue(6);
    const first = await claimMail(db.prisma, new Date(clock));
    expect(first?.id).toBe(id);
    expect(await claimMail(db.prisma, new Date(clock + MAIL_LEASE_MS - 1000))).toBeUndefined();
    const second = await claimMail(db.prisma, new Date(clock + MAIL_LEASE_MS + 1000));
    expect(second).toMatchObject({ id, attempts: 2 });
    expect(await finishMail(db.prisma, first!, new Date(clock + MAIL_LEASE_MS + 2000))).toBe("LOST");
    expect(await finishMail(db.prisma, second!, new Date(clock + MAIL_LEASE_MS + 2000))).toBe("SENT");
  });

  it("parks a message as DEAD after its last try, and withdraws one whose link ran out", async () => {
    const dead = await enqueue(7);
    await db.prisma.mailOutbox.update({ where: { id: dead }, data: { maxAttempts: 1 } });
    await smtp.stop();
    await processDueMail(worker());
    await smtp.start();
    expect(await db.prisma.mailOutbox.findUniqueOrThrow({ where: { id: dead } })).toMatchObject({ status: "DEAD", bodyCiphertext: null, lastError: expect.stringContaining("ECONNREFUSED") });

    const expired = await enqueue(8, { expiresAt: new Date(clock + HOUR) });
    clock += 2 * HOUR;
    expect(await processDueMail(worker())).toBe(0);
    expect(await db.prisma.mailOutbox.findUniqueOrThrow({ where: { id: expired } })).toMatchObject({ status: "CANCELLED", bodyCiphertext: null });
    expect(smtp.received).toHaveLength(0);
  });
});
