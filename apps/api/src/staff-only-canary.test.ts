import { randomBytes } from "node:crypto";
import { seedId } from "@mspgraph/db";
import { definePlugin } from "@mspgraph/plugins";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { composeSchema, pluginRegistry } from "./composed-schema.js";
import { coordinatesOf, rootFieldQueries, unfillableRootFields } from "./testing/query-walk.js";
import { type TestApi, createTestApi, gid } from "./testing/test-api.js";

// A plugin whose credentials are only checked by shape, so a canary can be stored as one.
const vault = definePlugin({ id: "canary-vault", name: "Canary vault", version: "1.0.0", credentialsSchema: z.object({ apiToken: z.string() }), configSchema: z.object({}) });
const plugins = [...pluginRegistry.plugins, vault];

const tag = randomBytes(4).toString("hex");
const CANARY = {
  hiddenComment: `canary-hidden-${tag}`,
  internalTitle: `canary-doc-title-${tag}`,
  internalBody: `canary-doc-body-${tag}`,
  timeNote: `canary-time-${tag}`,
  costPrice: "7331.42",
  lineCost: "6113.57",
  credential: `canary-credential-${tag}`,
  staffIp: "203.0.113.99",
  staffAgent: `canary-staff-agent-${tag}`,
  backupReport: `https://backup-reports.example/canary-${tag}`,
};
const PUBLIC_SUBJECT = `public-subject-${tag}`;
const CLIENT_USERS = ["admin@fabrikam.test", "viewer@fabrikam.test", "admin@tailspin.test", "admin@litware.test", "viewer@litware.test"];

describe("staff-only text never reaches a client user", () => {
  let t: TestApi;
  const schema = composeSchema({ plugins });
  const pool: string[] = [];

  beforeAll(async () => {
    t = await createTestApi({ plugins });
    const headers = { "x-forwarded-for": CANARY.staffIp, "user-agent": CANARY.staffAgent };
    for (const [ownerEmail, clientKey] of [["owner@northwind-msp.test", "fabrikam"], ["owner@contoso-it.test", "litware"]] as const) {
      const token = await t.tokenFor(ownerEmail);
      const write = async (query: string, input: Record<string, unknown>) => {
        const result = await t.gql(query, { i: input }, { token, headers });
        const payload = Object.values(result.data ?? {})[0] as { userErrors?: unknown[] } | undefined;
        if (!payload || payload.userErrors?.length) throw new Error(`canary write failed: ${JSON.stringify(result)}`);
        return payload as Record<string, any>;
      };
      const clientId = gid("Client", seedId("client", clientKey));
      const ticket = (await write("mutation ($i: CreateTicketInput!) { createTicket(input: $i) { ticket { id } userErrors { code } } }", { clientId, subject: PUBLIC_SUBJECT })).ticket.id;
      const comment = (await write("mutation ($i: AddTicketCommentInput!) { addTicketComment(input: $i) { comment { id } userErrors { code } } }", { ticketId: ticket, body: CANARY.hiddenComment, hidden: true })).comment.id;
      const doc = (await write("mutation ($i: CreateDocumentInput!) { createDocument(input: $i) { document { id } userErrors { code } } }", { clientId, title: CANARY.internalTitle, body: CANARY.internalBody, visibility: "INTERNAL" })).document.id;
      const time = (await write("mutation ($i: AddTimeEntryInput!) { addTimeEntry(input: $i) { timeEntry { id } userErrors { code } } }", { ticketId: ticket, minutes: 15, note: CANARY.timeNote })).timeEntry.id;
      const product = (await write("mutation ($i: CreateProductInput!) { createProduct(input: $i) { product { id } userErrors { code } } }", { name: `Widget ${tag}`, unitPrice: "10.00", costPrice: CANARY.costPrice })).product.id;
      const line = (await write("mutation ($i: AddLineItemInput!) { addLineItem(input: $i) { lineItem { id } userErrors { code } } }", { ticketId: ticket, productId: product, quantity: "1" })).lineItem.id;
      const ownLine = (await write("mutation ($i: AddLineItemInput!) { addLineItem(input: $i) { lineItem { id } userErrors { code } } }", { ticketId: ticket, name: "Cabling", quantity: "1", unitPrice: "5.00", costPrice: CANARY.lineCost })).lineItem.id;
      await write("mutation ($i: ConnectIntegrationInput!) { connectIntegration(input: $i) { userErrors { code } } }", { pluginId: vault.id, credentials: { apiToken: CANARY.credential } });
      // A backup provider's report link (the demo's plans and their alerts): staff only.
      await t.database.prisma.backupPlan.updateMany({ where: { clientId: seedId("client", clientKey) }, data: { reportUrl: CANARY.backupReport } });
      pool.push(clientId, ticket, comment, doc, time, product, line, ownLine, gid("Partner", seedId("partner", ownerEmail.endsWith("northwind-msp.test") ? "northwind-msp" : "contoso-it")));
    }
  });
  afterAll(() => t.close());

  it("every root query field can be filled in", () => {
    // `invitation` answers a one-time token, not a session: only the invitee's own name and their client's branding.
    expect(unfillableRootFields(schema)).toEqual(["invitation"]);
  });

  // Each required id argument is tried with every canary object's id (and the clients' and partners').
  function argumentSets(field: string): string[] {
    const def = schema.getQueryType()!.getFields()[field]!;
    const required = def.args.filter((arg) => arg.type.toString().endsWith("!"));
    if (required.length === 0) return [""];
    return required.flatMap((arg) => (arg.type.toString().startsWith("[") ? [`${arg.name}: ${JSON.stringify(pool)}`] : pool.map((id) => `${arg.name}: ${JSON.stringify(id)}`)));
  }

  it.each(CLIENT_USERS)("over every root query field, as %s", async (email) => {
    const token = await t.tokenFor(email);
    const seen: string[] = [];
    const refused: string[] = [];
    for (const field of Object.keys(schema.getQueryType()!.getFields())) {
      for (const args of argumentSets(field)) {
        const denied = new Set<string>();
        for (let round = 0; round < 8; round++) {
          const before = denied.size;
          for (const query of rootFieldQueries(schema, field, args, 3, denied)) {
            const result = await t.gql(query, {}, { token });
            seen.push(JSON.stringify(result));
            for (const error of result.errors ?? []) {
              if (!error.path) refused.push(`${field}: ${error.extensions?.code} ${error.message}`);
              else if (error.path.length > 1) for (const coordinate of coordinatesOf(schema, error.path)) denied.add(coordinate);
            }
          }
          if (denied.size === before) break;
        }
      }
    }
    // Every query ran (none too big, too costly or invalid), so what was not seen was refused field by field.
    expect(refused).toEqual([]);
    const everything = seen.join("\n");
    for (const [name, canary] of Object.entries(CANARY)) expect(everything.includes(canary), `${name} reached ${email}`).toBe(false);
    // The walk reaches ticket data: the public ticket of the user's own client is there.
    expect(everything.includes(PUBLIC_SUBJECT)).toBe(!email.includes("tailspin"));
  });

  it("the canaries are there for staff", async () => {
    const owner = await t.tokenFor("owner@northwind-msp.test");
    const comments = await t.gql("query ($id: ID!) { ticket(id: $id) { comments(first: 5) { edges { node { body } } } timeEntries(first: 5) { edges { node { note } } } } }", { id: pool[1] }, { token: owner });
    expect(JSON.stringify(comments.data)).toContain(CANARY.hiddenComment);
    expect(JSON.stringify(comments.data)).toContain(CANARY.timeNote);
    const reports = await t.gql("{ backupPlans(first: 1, filter: { state: FAILED }) { edges { node { reportUrl alert { reportUrl } } } } }", {}, { token: owner });
    expect(reports.data!.backupPlans.edges[0].node).toEqual({ reportUrl: CANARY.backupReport, alert: { reportUrl: CANARY.backupReport } });
  });
});
