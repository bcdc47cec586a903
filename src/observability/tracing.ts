// Distributed tracing: on only when an OTLP endpoint is configured (tracing-config.ts). Off,
// nothing of the SDK is loaded or created, the API keeps its no-op tracer and context manager,
// and every hook at our seams (request-tracing.ts, upstream-tracing.ts) returns at its first
// line without allocating. On, one SDK per process: spans batched to OTLP/HTTP (JSON), the
// async-local-storage context manager carrying the active span through awaits, W3C trace
// context read from the router's `traceparent`.
//
// Instrumentation is manual, at our own seams, never auto-instrumentation of http/undici:
// those record full URLs (Ingram's query strings carry the customer number, Stuller's the
// purchase orders), hook every socket of the process, and cost CPU on every request even for
// traces nobody samples.
import { context, trace, type Tracer, type TextMapPropagator } from "@opentelemetry/api";
import type { Logger } from "./logger.js";
import { registerSecrets } from "./scrub.js";
import type { TracingConfig } from "./tracing-config.js";

export interface Tracing {
  readonly enabled: boolean;
  /** Exports every span ended so far (tests; shutdown does it too). */
  forceFlush(): Promise<void>;
  /** Exports what is left and releases the SDK, within `timeoutMs` whatever the collector does. */
  shutdown(timeoutMs?: number): Promise<void>;
}

/** What the seams use while tracing is on. */
export interface ActiveTracing {
  readonly tracer: Tracer;
  readonly propagator: TextMapPropagator;
}

export interface TracingOptions {
  /** Where the SDK's own warnings go (export failures); scrubbed like every line. */
  readonly logger?: Logger;
  /** Delay between two batch exports; the SDK's default (OTEL_BSP_SCHEDULE_DELAY, 5 s) when absent. */
  readonly scheduledDelayMs?: number;
}

let active: ActiveTracing | null = null;

/** The tracer and propagator, or null when tracing is off: the first check of every hook. */
export function activeTracing(): ActiveTracing | null {
  return active;
}

export function tracingEnabled(): boolean {
  return active !== null;
}

const OFF: Tracing = Object.freeze({ enabled: false, forceFlush: async () => {}, shutdown: async () => {} });

/**
 * Starts the SDK when `config` enables it; otherwise returns a handle that does nothing and
 * loads nothing. One SDK per process: a second start while one runs is a programming error.
 */
export async function startTracing(config: TracingConfig, options: TracingOptions = {}): Promise<Tracing> {
  if (!config.enabled) return OFF;
  if (active !== null) throw new Error("tracing is already started in this process");
  // Export headers usually carry the backend's API key: never in a log line.
  registerSecrets(Object.values(config.headers));
  // The SDK is loaded only now, so a process without tracing never loads it.
  const { createSdk } = await import("./tracing-sdk.js");
  const sdk = createSdk(config, options);
  active = { tracer: sdk.tracer, propagator: sdk.propagator };
  let stopped: Promise<void> | null = null;
  return {
    enabled: true,
    forceFlush: () => sdk.forceFlush(),
    shutdown(timeoutMs = 2_000) {
      stopped ??= (async () => {
        active = null;
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
          timer.unref();
        });
        await Promise.race([sdk.shutdown().catch(() => {}), late]);
        clearTimeout(timer);
        sdk.unregister();
      })();
      return stopped;
    },
  };
}

/**
 * `work` bound to the trace context active now. For callbacks that a queue runs later from
 * someone else's continuation (cockatiel's bulkhead runs a queued call when another one
 * finishes): without it, the queued call's spans would join the other request's trace.
 */
export function bindTraceContext<F extends (...args: never[]) => unknown>(work: F): F {
  return active === null ? work : context.bind(context.active(), work);
}

/** The ids a log line carries: the active span's, when tracing is on and a span is active. */
export interface TraceLogFields {
  readonly trace_id?: string;
  readonly span_id?: string;
  readonly trace_flags?: string;
}

const NO_FIELDS: TraceLogFields = Object.freeze({});

/** pino `mixin`: called for every line, so off it returns one shared frozen object. */
export function traceLogFields(): TraceLogFields {
  if (active === null) return NO_FIELDS;
  const span = trace.getSpan(context.active());
  if (span === undefined) return NO_FIELDS;
  const { traceId, spanId, traceFlags } = span.spanContext();
  return { trace_id: traceId, span_id: spanId, trace_flags: `0${traceFlags.toString(16)}`.slice(-2) };
}

/**
 * pino `mixinMergeStrategy`. pino's default assigns the line's fields into the mixin's object,
 * which would write into the shared one and copy every field of every line; without trace
 * fields the line's own object is used as it is.
 */
export function mergeTraceLogFields(line: object, fields: object): object {
  return fields === NO_FIELDS ? line : Object.assign(fields, line);
}
