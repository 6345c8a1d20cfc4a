import { seedId } from "@mspgraph/db";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { dispatchDueEvents } from "../../domain-events/dispatch.js";
import { recordDomainEvent } from "../../domain-events/record.js";
import { createLogger } from "../../server/logger.js";
import { type TestApi, codeOf, createTestApi, gid } from "../../testing/test-api.js";
import { type TestWebhookReceiver, startWebhookReceiver } from "../../testing/webhook-receiver.js";
import { webhookOutlet } from "../../webhooks/outlet.js";
import { processDueWebhooks } from "../../webhooks/webhook-worker.js";

const NORTHWIND = seedId("partner", "northwind-msp");
const CREATE = `mutation ($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id url events enabled } secret userErrors { field code message } } }`;
const ENDPOINTS = `{ webhookEndpoints(first: 20) { edges { node { id url events enabled deliveries(first: 10) { edges { node { id webhookId eventType status attempts responseStatus responseTimeMs responseBody payload } } } } } } }`;

describe("outbound webhooks", () => {
  let t: TestApi;
  let owner: string;
  const receivers: TestWebhookReceiver[] = [];
  const worker = () => ({ database: t.database, keyRing: t.keyRing, outbound: t.outbound, logger: createLogger({ level: "debug", destination: { write: (line: string) => void t.logs.push(line) } }), publicUrl: "https://app.example.test" });
  const deliverAll = async () => {
    await dispatchDueEvents({ prisma: t.database.prisma, outlets: [webhookOutlet()] });
    while ((await processDueWebhooks(worker())) > 0);
  };
  const register = async (receiver: TestWebhookReceiver, events = ["ticket.created", "ticket.comment_added"]) => {
    const created = await t.gql(CREATE, { i: { url: receiver.url, events, description: "PSA automation" } }, { token: owner });
    receiver.secret = created.data!.createWebhookEndpoint.secret;
    return created.data!.createWebhookEndpoint;
  };
  const record = (type: "ticket.created" | "ticket.comment_added", payload: Record<string, string | boolean>, staffOnly = false) =>
    t.database.prisma.$transaction((tx) => recordDomainEvent(tx, { type, partnerId: NORTHWIND, actor: { type: "SYSTEM", id: null, name: null }, payload, staffOnly }));

  beforeAll(async () => {
    t = await createTestApi();
    owner = await t.tokenFor("owner@northwind-msp.test");
  });
  afterAll(() => t.close());
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
    await t.database.prisma.webhookEndpoint.deleteMany();
  });

  it("registers an endpoint whose secret is shown once, and sends it signed events the reference library verifies, hidden comments included", async () => {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const created = await register(receiver);
    expect(created).toMatchObject({ endpoint: { url: receiver.url, events: ["ticket.created", "ticket.comment_added"], enabled: true }, userErrors: [] });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const ticketEvent = await record("ticket.created", { ticketId: gid("Ticket", "t1") });
    await record("ticket.comment_added", { ticketId: gid("Ticket", "t1"), hidden: true }, true);
    await deliverAll();
    expect(receiver.badSignatures).toBe(0);
    expect([...receiver.processed.values()].map((event) => (event as { type: string }).type).sort()).toEqual(["ticket.comment_added", "ticket.created"]);
    const first = receiver.requests.find((request) => JSON.parse(request.body).id === ticketEvent)!;
    expect(JSON.parse(first.body)).toMatchObject({ id: ticketEvent, type: "ticket.created", version: 1, partnerId: gid("Partner", NORTHWIND), clientId: null, data: { ticketId: gid("Ticket", "t1") } });

    // A body changed on the way, or signed with another secret, fails verification.
    const verifier = new Webhook(created.secret);
    expect(() => verifier.verify(first.body.replace("ticket.created", "ticket.deleted"), first.headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`).verify(first.body, first.headers)).toThrow(WebhookVerificationError);

    const log = await t.gql(ENDPOINTS, {}, { token: owner });
    const deliveries = log.data!.webhookEndpoints.edges[0].node.deliveries.edges.map((edge: { node: Record<string, unknown> }) => edge.node);
    expect(deliveries).toHaveLength(2);
    for (const delivery of deliveries) expect(delivery).toMatchObject({ status: "SUCCEEDED", attempts: 1, responseStatus: 200, responseBody: "ok", responseTimeMs: expect.any(Number) });
    expect(receiver.requests.map((request) => request.id).sort()).toEqual(deliveries.map((delivery: { webhookId: string }) => delivery.webhookId).sort());

    // The secret is encrypted at rest, and never in a response or a log line again.
    const row = await t.database.prisma.webhookEndpoint.findFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(6));
    const audit = await t.database.prisma.auditEvent.findMany();
    expect(JSON.stringify(audit)).not.toContain(created.secret.slice(6));
    expect(JSON.stringify(log)).not.toContain(created.secret.slice(6));
    expect(t.logs.join("\n")).not.toContain(created.secret.slice(6));
  });

  it("rotates the secret (the new one signs from then on), sends a test event and redelivers with the same webhook-id", async () => {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const created = await register(receiver);
    const rotated = await t.gql(`mutation ($i: WebhookEndpointIdInput!) { rotateWebhookSecret(input: $i) { secret userErrors { code } } }`, { i: { id: created.endpoint.id } }, { token: owner });
    const secret = rotated.data!.rotateWebhookSecret.secret as string;
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(created.secret);
    receiver.secret = secret;

    const test = await t.gql(`mutation ($i: SendTestWebhookInput!) { sendTestWebhook(input: $i) { delivery { id webhookId status } userErrors { code } } }`, { i: { endpointId: created.endpoint.id } }, { token: owner });
    expect(test.data!.sendTestWebhook).toMatchObject({ delivery: { status: "PENDING" }, userErrors: [] });
    await deliverAll();
    expect(receiver.badSignatures).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    expect(JSON.parse(receiver.requests[0]!.body)).toMatchObject({ type: "webhook.test", data: { endpointId: created.endpoint.id } });

    const again = await t.gql(`mutation ($i: RedeliverWebhookInput!) { redeliverWebhook(input: $i) { delivery { status attempts } userErrors { code } } }`, { i: { deliveryId: test.data!.sendTestWebhook.delivery.id } }, { token: owner });
    expect(again.data!.redeliverWebhook).toEqual({ delivery: { status: "PENDING", attempts: 0 }, userErrors: [] });
    await deliverAll();
    expect(receiver.requests.map((request) => request.id)).toEqual([test.data!.sendTestWebhook.delivery.webhookId, test.data!.sendTestWebhook.delivery.webhookId]);
    expect(receiver.duplicates).toBe(1);
  });

  it("refuses URLs the outbound rules refuse and event types not in the catalog, with clear codes", async () => {
    const cases: Array<[string, string[], string, string]> = [
      ["http://10.1.2.3/hook", ["ticket.created"], "OUTBOUND_NOT_ALLOWED", "only https is allowed"],
      ["https://10.1.2.3/hook", ["ticket.created"], "OUTBOUND_NOT_ALLOWED", "10.1.2.3 is a private address"],
      ["https://169.254.169.254/", ["ticket.created"], "OUTBOUND_NOT_ALLOWED", "cloud metadata"],
      ["not a url", ["ticket.created"], "BAD_USER_INPUT", "full URL"],
      ["https://hooks.example.com/in", ["ticket.deleted"], "BAD_USER_INPUT", "ticket.deleted"],
      ["https://hooks.example.com/in", [], "BAD_USER_INPUT", "at least one"],
    ];
    for (const [url, events, code, message] of cases) {
      const result = await t.gql(CREATE, { i: { url, events } }, { token: owner });
      expect(result.data!.createWebhookEndpoint.endpoint).toBeNull();
      expect(result.data!.createWebhookEndpoint.userErrors[0]).toMatchObject({ code });
      expect(result.data!.createWebhookEndpoint.userErrors[0].message).toContain(message);
    }
    expect(await t.database.prisma.webhookEndpoint.count()).toBe(0);
  });

  it("keeps endpoints to their partner's OWNER/ADMIN: another partner sees none and cannot act on them; technicians and client users are refused", async () => {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const created = await register(receiver);
    await record("ticket.created", { ticketId: gid("Ticket", "t2") });
    await deliverAll();
    const [delivery] = await t.database.prisma.webhookDelivery.findMany();

    const other = await t.tokenFor("owner@contoso-it.test");
    expect((await t.gql(ENDPOINTS, {}, { token: other })).data!.webhookEndpoints.edges).toEqual([]);
    const redeliver = await t.gql(`mutation ($i: RedeliverWebhookInput!) { redeliverWebhook(input: $i) { userErrors { code } } }`, { i: { deliveryId: gid("WebhookDelivery", delivery!.id) } }, { token: other });
    expect(codeOf(redeliver)).toBe("NOT_FOUND");
    const rotate = await t.gql(`mutation ($i: WebhookEndpointIdInput!) { rotateWebhookSecret(input: $i) { secret } }`, { i: { id: created.endpoint.id } }, { token: other });
    expect(codeOf(rotate)).toBe("NOT_FOUND");
    expect((await t.gql(`{ node(id: "${created.endpoint.id}") { id } }`, {}, { token: other })).data!.node).toBeNull();

    for (const email of ["tech@northwind-msp.test", "admin@fabrikam.test"]) {
      const token = await t.tokenFor(email);
      expect(codeOf(await t.gql(ENDPOINTS, {}, { token }))).toBe("FORBIDDEN");
      expect(codeOf(await t.gql(CREATE, { i: { url: "https://hooks.example.com/in", events: ["ticket.created"] } }, { token }))).toBe("FORBIDDEN");
    }
    expect(receiver.requests).toHaveLength(1);
  });
});
