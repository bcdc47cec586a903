// The one place where this subgraph calls an upstream API. One transport (one undici Agent,
// keep-alive) per provider; every request is bounded by the GraphQL request's deadline,
// retried only by the policy of retry-policy.ts, capped in size, and logged without query
// strings, headers or bodies. Failures leave as curated ProviderErrors (failures.ts).
import { setTimeout as delay } from "node:timers/promises";
import { Agent, request as undiciRequest } from "undici";
import type { Provider } from "../__generated__/resolvers-types.js";
import { ProviderError } from "../domain/errors.js";
import type { CallContext } from "../providers/types.js";
import { attemptSignal } from "./attempt-signal.js";
import { abortedCallError, deadlineError, errorCode, finalError, tooLargeError } from "./failures.js";
import { decodeUtf8, readCappedBody } from "./read-body.js";
import { recordAttempt, recordFailure, registerBreaker } from "../observability/upstream-metrics.js";
import { bindTraceContext } from "../observability/tracing.js";
import { endAttemptSpan, startAttemptSpan } from "../observability/upstream-tracing.js";
import { createResilience, type AttemptHealth, type ResilienceOptions } from "./resilience.js";
import { DEFAULT_RETRY_POLICY, decideRetry, parseRetryAfter, type AttemptOutcome, type RetryMode, type RetryPolicy } from "./retry-policy.js";

export type { RetryMode, RetryPolicy, RateLimitMode } from "./retry-policy.js";

export const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

export interface TransportOptions {
  readonly provider: Provider;
  /** TCP (+TLS) connect timeout per attempt; default 3 s. */
  readonly connectTimeoutMs?: number;
  /** Time to receive the complete response headers; default 8 s (undici: 300 s). */
  readonly headersTimeoutMs?: number;
  /** Longest silence between two body chunks; default 8 s (undici: 300 s). */
  readonly bodyTimeoutMs?: number;
  /** Idle keep-alive socket lifetime; undici's default (4 s) when absent. */
  readonly keepAliveTimeoutMs?: number;
  /** Default response cap of this transport's requests; 5 MiB when absent. */
  readonly maxResponseBytes?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Circuit breaker, bulkhead and retry budget for this provider; none when absent. */
  readonly resilience?: ResilienceOptions;
  /** Injected for tests: uniform in [0, 1). */
  readonly random?: () => number;
  /** Injected for tests: resolves after `ms`, rejects when `signal` aborts. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly now?: () => number;
}

export interface TransportRequest {
  readonly method: string;
  readonly url: URL | string;
  /**
   * The path as a template, `/resellers/v5/invoices/{number}`: what a trace records of the
   * request (never the concrete path, query string or host). Without it the span has no path.
   */
  readonly route?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Response cap for this request; the transport's default when absent. */
  readonly maxResponseBytes?: number;
  /** POST is retried only with "read-only-post"; GET/HEAD/PUT/DELETE count as idempotent. */
  readonly retry: RetryMode;
  /**
   * Sees the status and headers of every attempt's response, 429 and 5xx included, before
   * the transport decides anything: rate limiters read X-RateLimit-* here.
   */
  readonly observe?: (status: number, headers: Readonly<Record<string, string>>) => void;
}

export interface TransportResponse {
  readonly status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  /** Upstream calls made, this one included. */
  readonly attempts: number;
}

export interface Transport {
  readonly provider: Provider;
  /** The circuit breaker's state ("closed" without a breaker), for metrics and tests. */
  breakerState(): string;
  /**
   * Any 1xx-4xx status other than 429 is returned for the caller to interpret (401, 404, 400 ...).
   * Throws ProviderError: UNAVAILABLE (5xx, network), TIMEOUT, RATE_LIMITED (429), BAD_RESPONSE.
   */
  request(req: TransportRequest, call: CallContext): Promise<TransportResponse>;
  /** Closes the pooled connections; waits for requests in flight. */
  close(): Promise<void>;
}

/** A response header by case-insensitive name. */
export function header(res: Pick<TransportResponse, "headers">, name: string): string | undefined {
  return res.headers[name.toLowerCase()];
}

type AttemptResult =
  | { readonly kind: "response"; readonly status: number; readonly bytes: number; readonly response: Omit<TransportResponse, "attempts"> }
  | { readonly kind: "failed"; readonly status: number | null; readonly outcome: AttemptOutcome }
  | { readonly kind: "fatal"; readonly status: number | null; readonly error: ProviderError };

const ERROR_BODY_DUMP_BYTES = 64 * 1024;

export function createTransport(options: TransportOptions): Transport {
  const { provider } = options;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number, signal: AbortSignal) => delay(ms, undefined, { signal }));
  const now = options.now ?? Date.now;
  const agent = new Agent({
    connectTimeout: options.connectTimeoutMs ?? 3_000,
    headersTimeout: options.headersTimeoutMs ?? 8_000,
    bodyTimeout: options.bodyTimeoutMs ?? 8_000,
    ...(options.keepAliveTimeoutMs === undefined ? {} : { keepAliveTimeout: options.keepAliveTimeoutMs }),
  });

  const resilience = createResilience(provider, options.resilience ?? {}, now);
  if (options.resilience?.breaker) registerBreaker(provider, () => resilience.breakerState());

  /** The signal aborted: past the deadline (CallContext.signal also fires then), shutdown, or the caller left. */
  function abortError(call: CallContext, attempts: number): ProviderError {
    return abortedCallError(provider, call, attempts, now());
  }

  async function attempt(req: TransportRequest, url: URL, call: CallContext, attemptNo: number): Promise<AttemptResult> {
    const guard = attemptSignal(call.signal, call.deadline, now);
    let status: number | null = null;
    try {
      const res = await undiciRequest(url, {
        method: req.method.toUpperCase(),
        headers: req.headers === undefined ? undefined : { ...req.headers },
        body: req.body,
        signal: guard.signal,
        dispatcher: agent,
      });
      status = res.statusCode;
      const headers = flattenHeaders(res.headers);
      req.observe?.(status, headers);
      if (status === 429 || status >= 500) {
        // Read a little so the socket can be reused; the content is never looked at.
        await res.body.dump({ limit: ERROR_BODY_DUMP_BYTES }).catch(() => {});
        const retryAfterSeconds = parseRetryAfter(headers["retry-after"], now());
        return { kind: "failed", status, outcome: { kind: "status", status, retryAfterSeconds } };
      }
      const maxBytes = req.maxResponseBytes ?? options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
      const body = await readCappedBody(res.body, maxBytes, headers["content-length"]);
      if (!body.ok) return { kind: "fatal", status, error: tooLargeError(provider, maxBytes, status) };
      return { kind: "response", status, bytes: body.bytes.length, response: { status, headers, text: decodeUtf8(body.bytes) } };
    } catch (error) {
      // Our own abort first: undici rethrows it as the error of the request or of the body.
      if (guard.abortedBy === "caller") return { kind: "fatal", status, error: abortError(call, attemptNo) };
      if (guard.abortedBy === "deadline") return { kind: "fatal", status, error: deadlineError(provider, attemptNo) };
      return { kind: "failed", status, outcome: { kind: "error", code: errorCode(error) } };
    } finally {
      guard.dispose();
    }
  }

  function request(req: TransportRequest, call: CallContext): Promise<TransportResponse> {
    resilience.budget?.onRequest();
    // Bound to the caller's trace: a call queued in the bulkhead runs from another call's end.
    return resilience.isolate(call.signal, bindTraceContext(() => attemptAll(req, call)));
  }

  async function attemptAll(req: TransportRequest, call: CallContext): Promise<TransportResponse> {
    const url = typeof req.url === "string" ? new URL(req.url) : req.url;
    const method = req.method.toUpperCase();
    // Host and path only: a query string may hold a key, and headers and bodies are never logged.
    const fields = { provider, method, host: url.host, path: url.pathname, requestId: call.requestId };
    const startedAll = now();
    const outcomes: AttemptOutcome[] = [];
    const failure = (error: ProviderError, attempt: number, status: number | null): ProviderError => {
      recordFailure(provider, error.code);
      call.logger.warn({ ...fields, status, attempt, durationMs: now() - startedAll, code: error.code }, error.message);
      return error;
    };

    for (let attemptNo = 1; ; attemptNo++) {
      const done = attemptNo - 1;
      if (call.signal.aborted) throw failure(abortError(call, done), done, null);
      if (now() >= call.deadline) throw failure(deadlineError(provider, done), done, null);

      const started = now();
      let result: AttemptResult;
      try {
        result = await resilience.attempt(() => {
          // A span per call actually made (none while the breaker is open); null when tracing is off.
          const span = startAttemptSpan(provider, method, req.route, url, attemptNo);
          return endAttemptSpan(span, attempt(req, url, call, attemptNo));
        }, healthOf);
      } catch (error) {
        // The breaker is open: no call was made.
        if (error instanceof ProviderError) throw failure(error, done, null);
        throw error;
      }
      recordAttempt(provider, method, result.status, (now() - started) / 1000);
      const errorField = result.kind === "failed" && result.outcome.kind === "error" ? { errorCode: result.outcome.code } : {};
      call.logger.info({ ...fields, status: result.status, attempt: attemptNo, durationMs: now() - started, ...errorField }, "upstream attempt");

      if (result.kind === "response") return { ...result.response, attempts: attemptNo };
      if (result.kind === "fatal") throw failure(result.error, attemptNo, result.status);
      outcomes.push(result.outcome);
      const decision = decideRetry({
        outcome: result.outcome,
        attempt: attemptNo,
        method,
        mode: req.retry,
        policy,
        nowMs: now(),
        deadline: call.deadline,
        random,
      });
      if (decision.action === "stop") throw failure(finalError(provider, outcomes, decision.reason), attemptNo, result.status);
      // Retries beyond the budget would multiply the load on an upstream that is already failing.
      if (resilience.budget && !resilience.budget.tryRetry()) throw failure(finalError(provider, outcomes, "not-retryable"), attemptNo, result.status);
      try {
        await sleep(decision.delayMs, call.signal);
      } catch {
        throw failure(abortError(call, attemptNo), attemptNo, result.status);
      }
    }
  }

  return { provider, request, breakerState: () => resilience.breakerState(), close: () => agent.close() };
}

/**
 * Only 5xx, network failures and timeouts speak of the upstream's health. A 429 says the
 * account's budget is spent, not that the upstream is down: the rate limiter pauses for it,
 * and counting it here would turn rate limiting into a "circuit open" outage.
 */
function healthOf(result: AttemptResult): AttemptHealth {
  if (result.kind === "response") return "healthy";
  if (result.kind === "failed") return result.status === 429 ? "neutral" : "unhealthy";
  return result.error.code === "TIMEOUT" && result.status === null ? "unhealthy" : "neutral";
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}
