// Structured JSON logs. Secrets are kept out at the source (no upstream bodies, no request
// headers are logged); the redact paths are a second net for credential-named fields.
import { pino, type Logger } from "pino";
import { scrub } from "./scrub.js";
import { mergeTraceLogFields, traceLogFields } from "./tracing.js";

export type { Logger };

const REDACT_PATHS = [
  "password",
  "*.password",
  "secret",
  "*.secret",
  "clientSecret",
  "*.clientSecret",
  "client_secret",
  "*.client_secret",
  "authorization",
  "*.authorization",
  "Authorization",
  "*.Authorization",
  "headers.authorization",
  "headers.Authorization",
  "token",
  "*.token",
  "accessToken",
  "*.accessToken",
  "access_token",
  "*.access_token",
];

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  const level = options.level ?? process.env["LOG_LEVEL"] ?? (process.env["NODE_ENV"] === "test" ? "silent" : "info");
  return pino(
    {
      level,
      base: { service: "invoices-subgraph" },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
      // trace_id and span_id of the active span while tracing is on; nothing (and no copy) when off.
      mixin: traceLogFields,
      mixinMergeStrategy: mergeTraceLogFields,
      // The last net: every serialized line is scrubbed of registered secret values and
      // credential-shaped text (error messages, URLs, XML) before it is written.
      hooks: { streamWrite: scrub },
    },
    options.destination,
  );
}

/** The process-wide logger; tests replace the level through LOG_LEVEL. */
export const rootLogger: Logger = createLogger();
