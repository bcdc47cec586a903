// The retry decision of the transport as small pure functions: no clock, no randomness and
// no I/O of their own, so every branch is unit-tested without sockets or fake timers.
// Doctrine (reliability-notes §2.4, §7): retry in this one layer only, at most 3 attempts,
// capped exponential backoff with full jitter, and never wait past the request deadline.

/** What a caller allows: "read-only-post" is the only way to get a POST retried. */
export type RetryMode = "idempotent" | "never" | "read-only-post";

/** 429 handling: "fail" leaves it to a provider's rate limiter; "retry-if-fits" waits here. */
export type RateLimitMode = "fail" | "retry-if-fits";

export interface RetryPolicy {
  /** Attempts in total, the first one included (3 = 1 call + 2 retries). */
  readonly maxAttempts: number;
  /** Backoff ceiling before jitter for the first retry. */
  readonly baseDelayMs: number;
  readonly factor: number;
  /** Largest backoff ceiling, whatever the retry number. */
  readonly maxDelayMs: number;
  /** Milliseconds per Retry-After second; 1000 in production, a few ms in tests. */
  readonly retryAfterUnitMs: number;
  readonly onRateLimited: RateLimitMode;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 250,
  factor: 2,
  maxDelayMs: 2_000,
  retryAfterUnitMs: 1_000,
  onRateLimited: "fail",
};

/** How one attempt ended, as far as the retry decision cares. */
export type AttemptOutcome =
  | { readonly kind: "status"; readonly status: number; readonly retryAfterSeconds: number | null }
  | { readonly kind: "error"; readonly code: string };

export type StopReason =
  /** The outcome or the request kind is not retried at all. */
  | "not-retryable"
  /** The attempt cap is reached. */
  | "attempts-exhausted"
  /** The backoff wait would end at or past the deadline. */
  | "no-time-for-backoff"
  /** The upstream's Retry-After would end at or past the deadline. */
  | "retry-after-past-deadline";

export type RetryDecision =
  | { readonly action: "retry"; readonly delayMs: number }
  | { readonly action: "stop"; readonly reason: StopReason };

const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([500, 502, 503, 504]);
const RETRYABLE_ERROR_CODES: ReadonlySet<string> = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ENOTFOUND",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_CLOSED",
]);
const TIMEOUT_ERROR_CODES: ReadonlySet<string> = new Set([
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

/** May this request be sent a second time at all? */
export function mayRetryRequest(method: string, mode: RetryMode): boolean {
  // The caller knows the call has effects it must not repeat.
  if (mode === "never") return false;
  // The caller vouches that this (POST) call only reads, like TD SYNNEX's invoice query.
  if (mode === "read-only-post") return true;
  // Otherwise only methods HTTP defines as idempotent; a POST or PATCH may have acted already.
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/** 500/502/503/504 are transient server faults; every other status means the same answer again. */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** Connection-level failures where the request most likely never reached the application. */
export function isRetryableErrorCode(code: string): boolean {
  return RETRYABLE_ERROR_CODES.has(code);
}

/** undici's own timers (connect, headers, body) fired: the final code is TIMEOUT, not UNAVAILABLE. */
export function isTimeoutErrorCode(code: string): boolean {
  return TIMEOUT_ERROR_CODES.has(code);
}

/**
 * Full-jitter backoff before retry number `retry` (1 = the first retry):
 * uniform in [0, min(maxDelay, base * factor^(retry-1))).
 */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * policy.factor ** Math.max(0, retry - 1));
  return Math.floor(Math.min(Math.max(random(), 0), 1) * ceiling);
}

/**
 * Retry-After (RFC 9110 §10.2.3) in seconds from `nowMs`: delay-seconds or an HTTP-date.
 * Null when absent or unreadable; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // An HTTP-date always names a month and a weekday; this keeps V8's lenient Date.parse away from "1.5".
  if (!/[A-Za-z]{3}/.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

export interface RetryInput {
  readonly outcome: AttemptOutcome;
  /** The attempt that just ended, 1-based. */
  readonly attempt: number;
  readonly method: string;
  readonly mode: RetryMode;
  readonly policy: RetryPolicy;
  readonly nowMs: number;
  /** Epoch ms after which no attempt may still run. */
  readonly deadline: number;
  readonly random: () => number;
}

/** Retry after `delayMs`, or stop and let the caller turn the last outcome into the final error. */
export function decideRetry(input: RetryInput): RetryDecision {
  const { outcome, policy } = input;
  // A request with effects (POST/PATCH, or "never") is sent once whatever happened.
  if (!mayRetryRequest(input.method, input.mode)) return stop("not-retryable");
  if (outcome.kind === "status") {
    // 429 belongs to the provider's rate limiter unless this transport was told to wait it out.
    if (outcome.status === 429 && policy.onRateLimited === "fail") return stop("not-retryable");
    // Other statuses (4xx, 501, 505, ...) would give the same answer again.
    if (outcome.status !== 429 && !isRetryableStatus(outcome.status)) return stop("not-retryable");
  } else if (!isRetryableErrorCode(outcome.code)) {
    // Headers/body timeouts and unknown errors: the upstream may still be working on it.
    return stop("not-retryable");
  }
  // The per-request retry budget (3 attempts, SRE) is spent.
  if (input.attempt >= policy.maxAttempts) return stop("attempts-exhausted");
  const remainingMs = input.deadline - input.nowMs;
  if (outcome.kind === "status" && outcome.retryAfterSeconds !== null) {
    const delayMs = outcome.retryAfterSeconds * policy.retryAfterUnitMs;
    // The upstream asked for a wait we cannot afford: fail now and pass the hint on.
    if (delayMs >= remainingMs) return stop("retry-after-past-deadline");
    // The upstream said when to come back and it fits: honour it instead of our backoff.
    return { action: "retry", delayMs };
  }
  const delayMs = backoffDelayMs(input.attempt, policy, input.random);
  // A wait that would end past the deadline is not started.
  if (delayMs >= remainingMs) return stop("no-time-for-backoff");
  // Transient failure, budget and time left: back off and try again.
  return { action: "retry", delayMs };
}

function stop(reason: StopReason): RetryDecision {
  return { action: "stop", reason };
}
