import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A message the test server accepted, parsed, with the SMTP envelope it came in. */
export type ReceivedMail = ParsedMail & { envelope: { from: string; to: string[] } };

export type TestSmtpServer = {
  /** MSPGRAPH_SMTP_URL for this server, with its user and password. */
  url: string;
  port: number;
  /** Every message accepted so far, oldest first. */
  received: ReceivedMail[];
  /** Waits until `count` messages in all have arrived (fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Stops listening (the server is "down": connections are refused); `start` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
};

export const TEST_SMTP_USER = "mailer";
export const TEST_SMTP_PASSWORD = "s3cret pass/word";

/**
 * A real SMTP server on 127.0.0.1 (the smtp-server package) that requires the test
 * user's login and parses what arrives with mailparser. Plain SMTP without STARTTLS, so
 * nodemailer speaks to it as to a relay on a private network.
 */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const waiters: Array<() => void> = [];
  let server: SMTPServer | undefined;
  let port = 0;

  const create = () =>
    new SMTPServer({
      secure: false,
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === TEST_SMTP_USER && auth.password === TEST_SMTP_PASSWORD) return callback(null, { user: auth.username });
        callback(new Error("Invalid username or password"));
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            const envelope = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((rcpt) => rcpt.address) };
            received.push(Object.assign(parsed, { envelope }));
            waiters.splice(0).forEach((wake) => wake());
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });

  const start = async () => {
    server = create();
    const listening = server;
    await new Promise<void>((resolve, reject) => {
      listening.server.once("error", reject);
      listening.listen(port, "127.0.0.1", () => resolve());
    });
    port = (listening.server.address() as AddressInfo).port;
  };
  const stop = () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

  const waitFor = async (count: number, timeoutMs = 5_000) => {
    const deadline = Date.now() + timeoutMs;
    while (received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} messages, ${received.length} arrived`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, left);
      });
    }
    return received;
  };

  await start();
  return {
    get url() {
      return `smtp://${encodeURIComponent(TEST_SMTP_USER)}:${encodeURIComponent(TEST_SMTP_PASSWORD)}@127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    received,
    waitFor,
    stop,
    start,
  };
}
