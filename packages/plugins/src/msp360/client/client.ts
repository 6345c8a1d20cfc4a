import { type OutboundFetch, guardedFetch } from "@mspgraph/schema";
import { z } from "zod";
import { sleep } from "./backoff.js";
import { Msp360ApiError } from "./errors.js";
import { monitoringRowsFromBody, type TMsp360InvalidRow, type TMsp360MonitoringSummary } from "./monitoring-stream.js";
import { ZMsp360Company, ZMsp360User, msp360ComputersPageSchema, msp360MonitoringRowSchema, type TMsp360Company, type TMsp360Computer, type TMsp360MonitoringRow, type TMsp360User } from "./schemas.js";
import { Msp360Session } from "./session.js";
import { memoryTokenCache, type TMsp360TokenCache } from "./token.js";
import { sendToMsp360, type TMsp360TransportOptions } from "./transport.js";

export type TMsp360ClientOptions = {
  /** Defaults to `https://api.mspbackups.com`. */
  baseUrl?: string;
  /** The IANA zone MSP360's offset-less dates are read in. Default UTC. */
  timeZone?: string;
  userName: string;
  password: string;
  /** Per attempt, and the longest pause allowed between chunks of a stream. Default 15 s. */
  timeoutMs?: number;
  /** Extra attempts for GETs that failed with 5xx, a timeout or a network error. Default 3. */
  maxRetries?: number;
  /** First backoff ceiling; it doubles per attempt up to 30 s. Default 500 ms. */
  backoffBaseMs?: number;
  /** The core's guarded fetch (the plugin passes its context's); strict when omitted. */
  fetch?: OutboundFetch;
  tokenCache?: TMsp360TokenCache;
  now?: () => Date;
  /** Injected so tests need not wait for real backoff. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

export type TMsp360MonitoringOptions = {
  /** Only this backup user's plans (`GET /api/Monitoring/{UserID}`). */
  userId?: string;
  /** Called for each row that is skipped because it does not fit `ZMsp360MonitoringRow`. */
  onInvalidRow?: (row: TMsp360InvalidRow) => void;
  signal?: AbortSignal;
};

/**
 * One MSP360 Managed Backup partner connection.
 * @remarks Knows nothing about storage: the token lives in `tokenCache`, and every
 * failure is an `Msp360ApiError` (or `Msp360CredentialsRejectedError`) whose message can
 * be shown to an MSP admin as is.
 */
export class Msp360Client {
  private readonly transport: TMsp360TransportOptions;
  private readonly session: Msp360Session;
  private readonly timeZone: string;

  constructor(options: TMsp360ClientOptions) {
    this.timeZone = options.timeZone ?? "UTC";
    this.transport = {
      baseUrl: options.baseUrl ?? "https://api.mspbackups.com",
      timeoutMs: options.timeoutMs ?? 15_000,
      maxRetries: options.maxRetries ?? 3,
      backoffBaseMs: options.backoffBaseMs ?? 500,
      backoffCapMs: 30_000,
      fetch: options.fetch ?? guardedFetch(),
      sleep: options.sleep ?? sleep,
      random: options.random ?? Math.random,
    };
    this.session = new Msp360Session({
      transport: this.transport,
      userName: options.userName,
      password: options.password,
      tokenCache: options.tokenCache ?? memoryTokenCache(),
      now: options.now ?? (() => new Date()),
    });
  }

  /**
   * Logs in with the stored credentials, ignoring any cached token, and caches the new one.
   * @remarks Meant for connect time: rejects with `Msp360CredentialsRejectedError` on bad
   * credentials and with `Msp360ApiError` when MSP360 cannot be reached.
   */
  async verify(): Promise<void> {
    await this.session.login();
  }

  /**
   * Customer companies (`GET /api/Companies`).
   * @remarks MSP360 does not paginate this list; the whole array is read and validated.
   */
  companies(): Promise<TMsp360Company[]> {
    return this.getJson("/api/Companies", z.array(ZMsp360Company));
  }

  /**
   * Backup users (`GET /api/Users`); a user's `ID` is the `UserID` of its monitoring rows.
   * @remarks MSP360 does not paginate this list; the whole array is read and validated.
   */
  users(): Promise<TMsp360User[]> {
    return this.getJson("/api/Users", z.array(ZMsp360User));
  }

  /**
   * One page of managed computers (`GET /api/Computers/{offset}/{count}`).
   * @param offset How many computers to skip.
   * @param count The page size; a shorter page means the end was reached.
   * @remarks MSP360 wraps the page in `{ Count, Message, StatusCode, Computers }`; the
   * computers are returned.
   * Rejects with a RangeError, without calling MSP360, for a negative offset or a
   * count below one.
   */
  async computers(offset: number, count: number): Promise<TMsp360Computer[]> {
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(count) || count < 1) {
      throw new RangeError("offset must be a whole number >= 0 and count a whole number >= 1");
    }
    const page = await this.getJson(`/api/Computers/${offset}/${count}`, msp360ComputersPageSchema(this.timeZone));
    return page.Computers;
  }

  /**
   * Every backup plan's latest state from `GET /api/Monitoring`, one validated row at a time.
   * @param options `userId` narrows to one backup user; `onInvalidRow` hears about skipped
   * rows; `signal` cancels, rethrowing its reason.
   * @remarks The body is parsed as it arrives, so 10,000+ rows never sit in memory together.
   * Connecting is retried like any GET, but once rows have been yielded a broken download
   * throws instead of starting over (that would yield rows twice). Breaking out of the loop
   * cancels the download. The generator returns `{ rows, invalid }` counts.
   */
  async *monitoringRows(options: TMsp360MonitoringOptions = {}): AsyncGenerator<TMsp360MonitoringRow, TMsp360MonitoringSummary> {
    const path = options.userId ? `/api/Monitoring/${encodeURIComponent(options.userId)}` : "/api/Monitoring";
    const opened = await this.session.authorized((accessToken) =>
      sendToMsp360(this.transport, { method: "GET", path, accessToken, ...signalOf(options) }, async (attempt) => attempt),
    );
    const body = opened.response.body;
    if (!body) throw new Msp360ApiError({ kind: "bad_payload", message: `MSP360 sent an empty answer to ${opened.describe}` });
    return yield* monitoringRowsFromBody({
      body,
      controller: opened.controller,
      describe: opened.describe,
      idleTimeoutMs: this.transport.timeoutMs,
      ...signalOf(options),
      schema: msp360MonitoringRowSchema(this.timeZone),
      ...(options.onInvalidRow ? { onInvalidRow: options.onInvalidRow } : {}),
    });
  }

  private getJson<T extends z.ZodType>(path: string, schema: T): Promise<z.output<T>> {
    return this.session.authorized((accessToken) =>
      sendToMsp360(this.transport, { method: "GET", path, accessToken }, async ({ response, describe }) => {
        const text = await response.text();
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          throw new Msp360ApiError({ kind: "bad_payload", message: `MSP360 sent an answer to ${describe} that is not JSON` });
        }
        const parsed = schema.safeParse(json);
        if (parsed.success) return parsed.data;
        const first = parsed.error.issues[0];
        const where = first ? ` (${first.path.join(".") || "body"}: ${first.message})` : "";
        throw new Msp360ApiError({ kind: "bad_payload", message: `MSP360 answered ${describe} in an unexpected shape${where}` });
      }),
    );
  }
}

const signalOf = (options: { signal?: AbortSignal }) => (options.signal ? { signal: options.signal } : {});
