import { pino } from "pino";
import { currentRequestId } from "./request-scope.js";

// Paths whose values never reach a log line, wherever they appear in a logged object.
const REDACT_PATHS = [
  "password",
  "*.password",
  "token",
  "*.token",
  "accessToken",
  "*.accessToken",
  "refreshToken",
  "*.refreshToken",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "req.headers.authorization",
  "headers.cookie",
  "credentials",
  "*.credentials",
  "secret",
  "*.secret",
];

export type Logger = pino.Logger;

/** Structured JSON logs with secrets redacted and the request id on every line. */
export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: "mspgraph-api" },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      // Every line written while handling a request carries its id.
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    options.destination,
  );
}
