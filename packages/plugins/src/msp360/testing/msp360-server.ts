import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Msp360Faults } from "./faults.js";
import { sendMessage } from "./http-helpers.js";
import { route, type TMsp360RecordedRequest } from "./routes.js";
import { Msp360ServerState, type TMsp360ServerCredentials } from "./server-state.js";
import type { TMsp360WireMonitoringRow } from "./wire-types.js";

export type TMsp360ServerOptions = {
  credentials?: TMsp360ServerCredentials;
  /** How long issued tokens last. Default 14 days, as MSP360 documents. */
  tokenLifetimeMs?: number;
  /** The server's clock, so tests can age tokens without waiting. */
  now?: () => Date;
  monitoring?: TMsp360WireMonitoringRow[];
  /** Rows per chunk when streaming monitoring. Default 200. */
  chunkRows?: number;
};

export type TMsp360Server = {
  url: string;
  /** Live: reflects `state.regenerateCredentials()`. */
  credentials: TMsp360ServerCredentials;
  state: Msp360ServerState;
  /** Every request in arrival order, with the status it was answered with. */
  requests: TMsp360RecordedRequest[];
  faults: Msp360Faults;
  close(): Promise<void>;
};

/**
 * A local MSPBackups-compatible API on 127.0.0.1 and a free port, for tests.
 * @remarks Speaks the documented endpoints from an in-memory account; see `Msp360Faults`
 * for the failures it can serve.
 */
export async function startMsp360Server(options: TMsp360ServerOptions = {}): Promise<TMsp360Server> {
  const state = new Msp360ServerState({
    credentials: options.credentials ?? { userName: "partner-api@msp.example", password: "s3cret-Api-Pa55" },
    tokenLifetimeMs: options.tokenLifetimeMs ?? 14 * 24 * 60 * 60 * 1000,
    now: options.now ?? (() => new Date()),
  });
  if (options.monitoring) state.setMonitoring(options.monitoring);
  const faults = new Msp360Faults();
  const requests: TMsp360RecordedRequest[] = [];
  const lifetime = new AbortController();
  const ctx = { state, faults, chunkRows: options.chunkRows ?? 200, signal: lifetime.signal };

  const server = createServer((req, res) => {
    const record: TMsp360RecordedRequest = { method: req.method ?? "GET", path: new URL(req.url ?? "/", "http://localhost").pathname };
    requests.push(record);
    res.on("finish", () => {
      record.status = res.statusCode;
    });
    res.on("close", () => {
      if (!res.writableFinished) record.aborted = true;
    });
    route(req, res, ctx).catch(() => {
      // A closing server aborts delayed answers; anything else is a bug worth a 500.
      if (!res.headersSent && !lifetime.signal.aborted) sendMessage(res, 500, "An error has occurred.");
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    credentials: state.credentials,
    state,
    requests,
    faults,
    close: async () => {
      lifetime.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
