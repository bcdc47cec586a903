// Spans below the request: one per provider lookup batch (what the lookup cache answered, how
// many keys joined a call already under way, how long the rate limiter held the calls) and
// one per upstream attempt (method, route template, status, attempt number, response bytes).
// Never recorded: URLs, query strings, hosts' userinfo, headers, bodies, keys (purchase
// orders, invoice numbers), accounts, error messages. Every hook's first line returns when
// tracing is off.
//
// A lookup that joins a call another request already started shares that call: its attempt
// spans belong to the trace of the request that led it, and the joining lookup only counts it
// (`invoices.lookup.coalesced`).
import { context, createContextKey, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Link, type Span } from "@opentelemetry/api";
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_RESEND_COUNT,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
} from "@opentelemetry/semantic-conventions";
import type { Provider } from "../__generated__/resolvers-types.js";
import type { LookupAnswer, LookupKind, LookupValue, ProviderLookups } from "../cache/lookup-cache.js";
import type { CallContext } from "../providers/types.js";
import { activeTracing } from "./tracing.js";

// Incubating semantic conventions are copied, not imported (they may still change).
export const ATTR_URL_TEMPLATE = "url.template";
export const ATTR_HTTP_RESPONSE_BODY_SIZE = "http.response.body.size";
export const ATTR_PROVIDER = "invoices.provider";
export const ATTR_ATTEMPT = "invoices.upstream.attempt";
export const ATTR_LOOKUP_KIND = "invoices.lookup.kind";
export const ATTR_LOOKUP_KEYS = "invoices.lookup.keys";
export const ATTR_LOOKUP_COALESCED = "invoices.lookup.coalesced";
export const ATTR_LOOKUP_FAILURE_CODES = "invoices.lookup.failure_codes";
export const ATTR_RATE_LIMIT_WAIT_MS = "invoices.rate_limit.wait_ms";
export const RATE_LIMIT_WAIT_EVENT = "rate_limit.wait";
/** `invoices.lookup.<answer kind>`: keys answered fresh, fetched, revalidating, stale or failed. */
export const LOOKUP_ANSWER_KINDS = ["fresh", "fetched", "revalidating", "stale", "failed"] as const;

/** What a lookup's hooks add up while it runs; found through the active context. */
interface LookupRecord {
  coalesced: number;
  rateLimited: boolean;
  rateLimitWaitMs: number;
}

const LOOKUP_RECORD = createContextKey("invoices lookup record");

function recordOf(ctx = context.active()): LookupRecord | undefined {
  return ctx.getValue(LOOKUP_RECORD) as LookupRecord | undefined;
}

/** `lookups.load(kind, keys, call)` inside a span "lookup <PROVIDER> <kind>". */
export function traceLookup<K extends LookupKind>(
  lookups: ProviderLookups,
  kind: K,
  keys: readonly string[],
  call: CallContext,
  provider: Provider,
): Promise<Array<LookupAnswer<LookupValue<K>>>> {
  const tracing = activeTracing();
  if (tracing === null) return lookups.load(kind, keys, call);
  const span = tracing.tracer.startSpan(`lookup ${provider} ${kind}`, { attributes: { [ATTR_PROVIDER]: provider, [ATTR_LOOKUP_KIND]: kind, [ATTR_LOOKUP_KEYS]: keys.length } });
  const record: LookupRecord = { coalesced: 0, rateLimited: false, rateLimitWaitMs: 0 };
  const ctx = trace.setSpan(context.active(), span).setValue(LOOKUP_RECORD, record);
  return context.with(ctx, () => lookups.load(kind, keys, call)).then(
    (answers) => {
      const counts: Record<string, number> = { fresh: 0, fetched: 0, revalidating: 0, stale: 0, failed: 0 };
      const codes = new Set<string>();
      for (const answer of answers) {
        counts[answer.kind] = (counts[answer.kind] ?? 0) + 1;
        if (answer.kind === "failed") codes.add(answer.error.code);
        if (answer.kind === "stale") codes.add(answer.failure.code);
      }
      for (const kindOfAnswer of LOOKUP_ANSWER_KINDS) span.setAttribute(`invoices.lookup.${kindOfAnswer}`, counts[kindOfAnswer] ?? 0);
      if (codes.size > 0) span.setAttribute(ATTR_LOOKUP_FAILURE_CODES, [...codes].sort());
      if ((counts["failed"] ?? 0) > 0) span.setStatus({ code: SpanStatusCode.ERROR });
      endLookup(span, record);
      return answers;
    },
    (error: unknown) => {
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.setAttribute(ATTR_ERROR_TYPE, error instanceof Error ? error.name : "unknown");
      endLookup(span, record);
      throw error;
    },
  );
}

function endLookup(span: Span, record: LookupRecord): void {
  span.setAttribute(ATTR_LOOKUP_COALESCED, record.coalesced);
  if (record.rateLimited) span.setAttribute(ATTR_RATE_LIMIT_WAIT_MS, Math.round(record.rateLimitWaitMs));
  span.end();
}

/** One key of the running lookup joined a call already under way (here or on another replica). */
export function noteCoalesced(): void {
  if (activeTracing() === null) return;
  const record = recordOf();
  if (record !== undefined) record.coalesced += 1;
}

/**
 * A rate limiter's `acquire`, timed: the wait adds to the lookup's `invoices.rate_limit.wait_ms`,
 * and a wait of a millisecond or more, or a refusal, is an event on the active span.
 */
export function traceRateLimitWait<T>(acquiring: Promise<T>): Promise<T> {
  if (activeTracing() === null) return acquiring;
  const started = performance.now();
  const ctx = context.active();
  const note = (granted: boolean) => {
    const waitedMs = performance.now() - started;
    const record = recordOf(ctx);
    if (record !== undefined) {
      record.rateLimited = true;
      record.rateLimitWaitMs += waitedMs;
    }
    if (waitedMs >= 1 || !granted) trace.getSpan(ctx)?.addEvent(RATE_LIMIT_WAIT_EVENT, { [ATTR_RATE_LIMIT_WAIT_MS]: Math.round(waitedMs), "invoices.rate_limit.granted": granted });
  };
  return acquiring.then(
    (permit) => {
      note(true);
      return permit;
    },
    (error: unknown) => {
      note(false);
      throw error;
    },
  );
}

/**
 * A background refresh (stale-while-revalidate) in a trace of its own, linked to the lookup
 * that triggered it: it outlives that request and is not part of its answer.
 */
export function traceRefresh<T>(provider: Provider, kind: LookupKind, keys: number, run: () => Promise<T>): Promise<T> {
  const tracing = activeTracing();
  if (tracing === null) return run();
  const trigger = trace.getSpan(context.active())?.spanContext();
  const links: Link[] = trigger !== undefined && trace.isSpanContextValid(trigger) ? [{ context: trigger }] : [];
  const span = tracing.tracer.startSpan(`refresh ${provider} ${kind}`, { root: true, links, attributes: { [ATTR_PROVIDER]: provider, [ATTR_LOOKUP_KIND]: kind, [ATTR_LOOKUP_KEYS]: keys } });
  const record: LookupRecord = { coalesced: 0, rateLimited: false, rateLimitWaitMs: 0 };
  const ctx = trace.setSpan(ROOT_CONTEXT, span).setValue(LOOKUP_RECORD, record);
  return context.with(ctx, run).finally(() => endLookup(span, record));
}

/** What an attempt span reads from the transport's attempt result. */
export interface TracedAttempt {
  readonly kind: "response" | "failed" | "fatal";
  readonly status: number | null;
  /** Response body bytes, when the body was read. */
  readonly bytes?: number;
  readonly outcome?: { readonly kind: string; readonly code?: string };
  readonly error?: { readonly code: string };
}

/**
 * The CLIENT span of one upstream attempt, "GET /resellers/v5/invoices/{number}", or null when
 * tracing is off. `route` is the request's path template; without one the span is named by
 * the method alone and no path is recorded. Only the host name and port of `url` are read.
 */
export function startAttemptSpan(provider: Provider, method: string, route: string | undefined, url: URL, attempt: number): Span | null {
  const tracing = activeTracing();
  if (tracing === null) return null;
  const span = tracing.tracer.startSpan(route === undefined ? method : `${method} ${route}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      [ATTR_PROVIDER]: provider,
      [ATTR_HTTP_REQUEST_METHOD]: method,
      [ATTR_SERVER_ADDRESS]: url.hostname,
      [ATTR_SERVER_PORT]: url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port),
      [ATTR_ATTEMPT]: attempt,
    },
  });
  if (route !== undefined) span.setAttribute(ATTR_URL_TEMPLATE, route);
  if (attempt > 1) span.setAttribute(ATTR_HTTP_REQUEST_RESEND_COUNT, attempt - 1);
  return span;
}

/** Ends `span` with what the attempt gave; `result` unchanged (and untouched when `span` is null). */
export function endAttemptSpan<T extends TracedAttempt>(span: Span | null, result: Promise<T>): Promise<T> {
  if (span === null) return result;
  return result.then(
    (attempt) => {
      if (attempt.status !== null) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, attempt.status);
      if (attempt.bytes !== undefined) span.setAttribute(ATTR_HTTP_RESPONSE_BODY_SIZE, attempt.bytes);
      if (attempt.kind !== "response") {
        // A status the transport gives up on or retries (429, 5xx), a network error code, or our curated failure code.
        const type = attempt.outcome?.code ?? attempt.error?.code ?? (attempt.status === null ? "unknown" : String(attempt.status));
        span.setAttribute(ATTR_ERROR_TYPE, type);
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
      return attempt;
    },
    (error: unknown) => {
      span.setAttribute(ATTR_ERROR_TYPE, error instanceof Error ? error.name : "unknown");
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      throw error;
    },
  );
}
