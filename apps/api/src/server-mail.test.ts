import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_PASSWORD, seedId } from "@mspgraph/db";
import { testDatabaseKind } from "@mspgraph/db/testing";
import { TEST_SMTP_PASSWORD, startTestSmtpServer } from "@mspgraph/schema/testing/smtp";
import { afterAll, describe, expect, it } from "vitest";
import { startApiProcess, stopApiProcess } from "./testing/api-process.js";
import { gid } from "./testing/isolation-fixtures.js";

// The API process as deployed: its own worker sends the outbox over MSPGRAPH_SMTP_URL.
describe.skipIf(testDatabaseKind() !== "pglite")("the API process with SMTP configured", () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "mspgraph-mail-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("emails an invitation through its background worker, with a link under MSPGRAPH_PUBLIC_URL, and logs neither link nor password", async () => {
    const smtp = await startTestSmtpServer();
    const api = await startApiProcess(dataDir, { MSPGRAPH_SMTP_URL: smtp.url, MSPGRAPH_MAIL_FROM: "Northwind IT <it@northwind.example>", MSPGRAPH_PUBLIC_URL: "https://portal.example.test", LOG_LEVEL: "debug" });
    try {
      const login = await api.graphql({ query: "mutation ($i: LoginInput!) { login(input: $i) { accessToken } }", variables: { i: { email: "owner@northwind-msp.test", password: DEMO_PASSWORD } } });
      const invite = await api.graphql(
        {
          query: "mutation ($i: InviteClientUserInput!) { inviteClientUser(input: $i) { invitationLink userErrors { code } } }",
          variables: { i: { clientId: gid("Client", seedId("client", "fabrikam")), email: "mia@fabrikam.test", name: "Mia", role: "VIEW_ONLY" } },
        },
        login.data.login.accessToken,
      );
      expect(invite.data.inviteClientUser).toEqual({ invitationLink: null, userErrors: [] });

      const [mail] = await smtp.waitFor(1, 20_000);
      expect(mail!.envelope.to).toEqual(["mia@fabrikam.test"]);
      const link = mail!.text!.match(/https:\/\/portal\.example\.test\/portal\/accept-invitation\?token=\S+/)![0];
      const token = new URL(link).searchParams.get("token")!;
      const accepted = await api.graphql({ query: "mutation ($i: AcceptClientInvitationInput!) { acceptClientInvitation(input: $i) { ok } }", variables: { i: { token, password: "a good long password" } } });
      expect(accepted.data.acceptClientInvitation.ok).toBe(true);
      expect(api.output()).toContain("mail sent");
      expect(api.output()).not.toContain(token);
      expect(api.output()).not.toContain(TEST_SMTP_PASSWORD);
      expect(api.output()).not.toContain(encodeURIComponent(TEST_SMTP_PASSWORD));
    } finally {
      await stopApiProcess(api);
      await smtp.stop();
    }
  });
});
