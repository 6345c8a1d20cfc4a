import { randomBytes } from "node:crypto";
import { type TestDatabase, createTestDatabase } from "@mspgraph/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { keyRing } from "../crypto/credential-cipher.js";
import { dispatchDueEvents } from "../domain-events/dispatch.js";
import { recordDomainEvent } from "../domain-events/record.js";
import { processDueMail } from "../mail/mail-worker.js";
import { createLogger } from "../server/logger.js";
import { type TestSmtpServer, startTestSmtpServer } from "../testing/smtp-server.js";
import { TEST_OUTBOUND } from "../testing/test-api.js";
import { type TestWebhookReceiver, startWebhookReceiver } from "../testing/webhook-receiver.js";
import { createWebhookEndpoint } from "./endpoints.js";
import { webhookOutlet } from "./outlet.js";
import { processDueWebhooks } from "./webhook-worker.js";

const ring = keyRing("k1", { k1: randomBytes(32) });
const HOUR = 60 * 60 * 1000;
const T0 = new Date("2026-12-01T08:00:00Z").getTime();

describe("an endpoint failing for 3 days", () => {
  let db: TestDatabase;
  let smtp: TestSmtpServer;
  let receiver: TestWebhookReceiver;
  let partnerId: string;
  let failing = true;
  const logger = createLogger({ level: "error", destination: { write: () => undefined } });
  const worker = { database: undefined as unknown as TestDatabase, keyRing: ring, outbound: TEST_OUTBOUND, logger, publicUrl: "https://app.example.test" };
  const eventAt = async (time: number) => {
    vi.setSystemTime(time);
    await db.prisma.$transaction((tx) => recordDomainEvent(tx, { type: "alert.raised", partnerId, actor: { type: "SYSTEM", id: null, name: null }, payload: { at: time } }));
    await dispatchDueEvents({ prisma: db.prisma, outlets: [webhookOutlet()] });
    while ((await processDueWebhooks({ ...worker, database: db })) > 0);
  };
  const endpointRow = () => db.prisma.webhookEndpoint.findFirstOrThrow();

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: T0 });
    db = await createTestDatabase();
    smtp = await startTestSmtpServer();
    receiver = await startWebhookReceiver({ fail: () => failing });
    partnerId = (await db.prisma.partner.create({ data: { name: "Northwind MSP", slug: "northwind" }, select: { id: true } })).id;
    const staff = [
      { email: "owner@northwind.test", role: "OWNER" as const, passwordHash: "x" },
      { email: "admin@northwind.test", role: "ADMIN" as const, passwordHash: "x" },
      { email: "gone@northwind.test", role: "ADMIN" as const, passwordHash: "x", disabledAt: new Date(T0) },
      { email: "tech@northwind.test", role: "TECHNICIAN" as const, passwordHash: "x" },
    ];
    await db.prisma.staffUser.createMany({ data: staff.map((user) => ({ ...user, name: user.email.split("@")[0]!, partnerId })) });
    receiver.secret = (await createWebhookEndpoint(db.prisma, ring, { partnerId, url: receiver.url, events: ["alert.raised"], description: "" })).secret;
  });
  afterAll(async () => {
    vi.useRealTimers();
    await receiver.close();
    await smtp.stop();
    await db.close();
  });

  it("is disabled once every delivery has failed for 3 days, and its partner's OWNER/ADMINs are emailed", async () => {
    await eventAt(T0);
    expect(await endpointRow()).toMatchObject({ enabled: true, failingSince: new Date(T0) });

    // A success ends the failing streak; failures after it start a new one.
    failing = false;
    await eventAt(T0 + HOUR);
    expect((await endpointRow()).failingSince).toBeNull();
    failing = true;
    await eventAt(T0 + 2 * HOUR);
    await eventAt(T0 + 2 * HOUR + 72 * HOUR - 60_000);
    expect(await endpointRow()).toMatchObject({ enabled: true, failingSince: new Date(T0 + 2 * HOUR) });

    await eventAt(T0 + 2 * HOUR + 72 * HOUR);
    const disabled = await endpointRow();
    expect(disabled).toMatchObject({ enabled: false, disabledAt: new Date(T0 + 74 * HOUR), disabledReason: "every delivery failed for 3 days" });

    expect(await processDueMail({ database: db, keyRing: ring, logger, smtpUrl: smtp.url, from: "mspgraph <no-reply@example.test>" })).toBe(2);
    const mails = await smtp.waitFor(2);
    expect(mails.map((mail) => mail.envelope.to[0]).sort()).toEqual(["admin@northwind.test", "owner@northwind.test"]);
    expect(mails[0]!.subject).toBe("A webhook endpoint of Northwind MSP was disabled");
    expect(mails[0]!.text).toContain(receiver.url);
    expect(mails[0]!.text).toContain("https://app.example.test/webhooks");
    expect(mails[0]!.text).not.toContain(receiver.secret);

    // Disabled, it gets no new events and its waiting retries are not attempted.
    const requests = receiver.requests.length;
    await eventAt(T0 + 100 * HOUR);
    expect(receiver.requests).toHaveLength(requests);
    expect(await db.prisma.webhookDelivery.count()).toBe(5);
  });
});
