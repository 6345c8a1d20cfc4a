import { Msp360ApiError } from "./errors.js";
import { JsonArraySplitError, JsonArraySplitter } from "./json-array-splitter.js";
import { ZMsp360MonitoringRow, type TMsp360MonitoringRow } from "./schemas.js";

type TRowSchema = typeof ZMsp360MonitoringRow;
import { formatDuration, TimeoutAbort } from "./transport.js";

/** A monitoring row that was skipped: its position in the payload and what was wrong. */
export type TMsp360InvalidRow = { index: number; problem: string };

/** What one pass over `GET /api/Monitoring` saw (the generator's return value). */
export type TMsp360MonitoringSummary = { rows: number; invalid: number };

type TStreamInput = {
  body: ReadableStream<Uint8Array>;
  controller: AbortController;
  describe: string;
  idleTimeoutMs: number;
  /** Validates each row (and reads its dates in the account's zone); UTC when omitted. */
  schema?: TRowSchema;
  /** The caller's own cancel; its reason is rethrown as is. */
  signal?: AbortSignal;
  onInvalidRow?: (row: TMsp360InvalidRow) => void;
};

/**
 * Reads a monitoring payload chunk by chunk and yields each valid row as soon as its
 * closing brace arrives, so only one chunk and one row are held at a time.
 * @remarks A stall longer than `idleTimeoutMs` between chunks aborts the download.
 */
export async function* monitoringRowsFromBody(input: TStreamInput): AsyncGenerator<TMsp360MonitoringRow, TMsp360MonitoringSummary> {
  const reader = input.body.getReader();
  const decoder = new TextDecoder();
  const splitter = new JsonArraySplitter();
  const summary = { rows: 0, invalid: 0 };
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await readWithin(reader, input);
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      for (const element of split(splitter, text, input.describe)) {
        const row = parseRow(element, input.schema ?? ZMsp360MonitoringRow);
        const index = summary.rows + summary.invalid;
        if (row.success) {
          summary.rows++;
          yield row.data;
        } else {
          summary.invalid++;
          input.onInvalidRow?.({ index, problem: row.problem });
        }
      }
      if (done) break;
    }
    split(splitter, null, input.describe);
    finished = true;
    return summary;
  } finally {
    // A caller that stops early must not leave the download running.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

async function readWithin(reader: ReadableStreamDefaultReader<Uint8Array>, input: TStreamInput) {
  const timer = setTimeout(() => input.controller.abort(new TimeoutAbort()), input.idleTimeoutMs);
  try {
    return await reader.read();
  } catch (error) {
    if (input.controller.signal.reason instanceof TimeoutAbort) {
      throw new Msp360ApiError({
        kind: "timeout",
        message: `MSP360 stopped sending ${input.describe} for more than ${formatDuration(input.idleTimeoutMs)}`,
      });
    }
    if (input.signal?.aborted) throw input.signal.reason;
    throw new Msp360ApiError({ kind: "unreachable", message: `The connection to MSP360 dropped while reading ${input.describe}`, cause: error });
  } finally {
    clearTimeout(timer);
  }
}

// `text === null` means the body ended.
function split(splitter: JsonArraySplitter, text: string | null, describe: string): string[] {
  try {
    if (text !== null) return splitter.push(text);
    splitter.end();
    return [];
  } catch (error) {
    if (!(error instanceof JsonArraySplitError)) throw error;
    throw new Msp360ApiError({ kind: "bad_payload", message: `MSP360 sent an unreadable answer to ${describe}: ${error.message}` });
  }
}

function parseRow(text: string, schema: TRowSchema): { success: true; data: TMsp360MonitoringRow } | { success: false; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { success: false, problem: "not valid JSON" };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { success: true, data: parsed.data };
  // Paths and messages only: the values may be customer data.
  const problem = parsed.error.issues.map((issue) => `${issue.path.join(".") || "row"}: ${issue.message}`).join("; ");
  return { success: false, problem };
}
