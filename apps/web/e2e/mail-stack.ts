import { freePort } from "@mspgraph/db/testing";
import { createLogger, startMailWorker } from "@mspgraph/schema/server";
import { type ReceivedMail, type TestSmtpServer, startTestSmtpServer } from "@mspgraph/schema/testing/smtp";
import { serveTestApi, startWeb } from "./servers";

export type TMailStack = { webUrl: string; smtp: TestSmtpServer; close: () => Promise<void> };

/**
 * An mspgraph that sends its mail, as a production install does: a real local SMTP server,
 * the API (seeded like `npm start`) with its mail worker delivering to it, and the built web
 * app, whose address every emailed link starts with. The shared stack sends no mail (the
 * demo's way), so the flows that read an email start this one.
 */
export async function startMailStack(): Promise<TMailStack> {
  const smtp = await startTestSmtpServer();
  const webPort = await freePort();
  const webUrl = `http://127.0.0.1:${webPort}`;
  const from = "mspgraph <no-reply@mspgraph.test>";
  const api = await serveTestApi({ publicUrl: webUrl, mail: { from, delivers: true } });
  const logger = createLogger({ level: "warn", destination: { write: (line: string) => void api.test.logs.push(line) } });
  const worker = startMailWorker({ database: api.test.database, keyRing: api.test.keyRing, smtpUrl: smtp.url, from, logger, intervalMs: 250 });
  const web = await startWeb({ apiUrl: api.url, port: webPort });
  return {
    webUrl,
    smtp,
    close: async () => {
      await web.close();
      await worker.stop();
      await api.close();
      await smtp.stop();
    },
  };
}

/** Waits until a message to `recipient` carries a link with `pathPart`, and returns the latest such message and link. */
export async function linkMailedTo(smtp: TestSmtpServer, recipient: string, pathPart: string): Promise<{ mail: ReceivedMail; link: string }> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const mail = smtp.received.findLast((message) => message.envelope.to.includes(recipient) && message.text?.includes(pathPart));
    const link = mail?.text?.match(/https?:\/\/\S+/g)?.find((candidate) => candidate.includes(pathPart));
    if (mail && link) return { mail, link };
    await smtp.waitFor(smtp.received.length + 1, 200).catch(() => undefined);
  }
  throw new Error(`no mail to ${recipient} with a ${pathPart} link arrived`);
}
