import { describe, expect, it } from "vitest";
import {
  backoffDelayMs,
  decideRetry,
  DEFAULT_RETRY_POLICY,
  isRetryableErrorCode,
  isRetryableStatus,
  mayRetryRequest,
  parseRetryAfter,
  type AttemptOutcome,
  type RetryInput,
  type RetryMode,
} from "../../src/http/retry-policy.js";

const NOW = Date.parse("2025-03-01T12:00:00Z");

function input(outcome: AttemptOutcome, overrides: Partial<RetryInput> = {}): RetryInput {
  return {
    outcome,
    attempt: 1,
    method: "GET",
    mode: "idempotent",
    policy: DEFAULT_RETRY_POLICY,
    nowMs: NOW,
    deadline: NOW + 20_000,
    random: () => 0.5,
    ...overrides,
  };
}

const status = (code: number, retryAfterSeconds: number | null = null): AttemptOutcome => ({ kind: "status", status: code, retryAfterSeconds });
const error = (code: string): AttemptOutcome => ({ kind: "error", code });

describe("mayRetryRequest", () => {
  it.each<[string, RetryMode, boolean]>([
    ["GET", "idempotent", true],
    ["HEAD", "idempotent", true],
    ["PUT", "idempotent", true],
    ["DELETE", "idempotent", true],
    ["get", "idempotent", true],
    ["POST", "idempotent", false],
    ["PATCH", "idempotent", false],
    ["POST", "read-only-post", true],
    ["GET", "never", false],
    ["POST", "never", false],
  ])("%s with retry %s may be retried: %s", (method, mode, expected) => {
    expect(mayRetryRequest(method, mode)).toBe(expected);
  });
});

describe("what is transient", () => {
  it.each([500, 502, 503, 504])("HTTP %i is retried", (code) => {
    expect(isRetryableStatus(code)).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 429, 501, 505])("HTTP %i is not retried as a server fault", (code) => {
    expect(isRetryableStatus(code)).toBe(false);
  });

  it.each(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ENOTFOUND", "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_CLOSED"])(
    "network error %s is retried",
    (code) => {
      expect(isRetryableErrorCode(code)).toBe(true);
    },
  );

  it.each(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "HPE_INVALID_CONSTANT", "UNKNOWN"])("error %s is not retried", (code) => {
    expect(isRetryableErrorCode(code)).toBe(false);
  });
});

describe("backoffDelayMs", () => {
  it.each([
    [1, 250],
    [2, 500],
    [3, 1_000],
    [4, 2_000],
    [5, 2_000],
    [10, 2_000],
  ])("retry %i waits below a ceiling of %i ms", (retry, ceiling) => {
    expect(backoffDelayMs(retry, DEFAULT_RETRY_POLICY, () => 0.999_999)).toBe(ceiling - 1);
    expect(backoffDelayMs(retry, DEFAULT_RETRY_POLICY, () => 0)).toBe(0);
  });

  it("spreads the wait uniformly with full jitter", () => {
    expect(backoffDelayMs(2, DEFAULT_RETRY_POLICY, () => 0.5)).toBe(250);
  });

  it("follows a configured base, factor and cap", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, factor: 3, maxDelayMs: 30 };
    expect([1, 2, 3].map((retry) => backoffDelayMs(retry, policy, () => 0.999_999))).toEqual([4, 14, 29]);
  });
});

describe("parseRetryAfter", () => {
  it.each<[string | undefined, number | null]>([
    [undefined, null],
    ["0", 0],
    ["7", 7],
    [" 120 ", 120],
    ["Sat, 01 Mar 2025 12:00:30 GMT", 30],
    ["Sat, 01 Mar 2025 11:00:00 GMT", 0],
    ["1.5", null],
    ["-3", null],
    ["soon", null],
    ["", null],
  ])("Retry-After %j means %j seconds", (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe("decideRetry", () => {
  it("retries a 503 on the first attempt after the jittered backoff", () => {
    expect(decideRetry(input(status(503)))).toEqual({ action: "retry", delayMs: 125 });
  });

  it("retries a connection reset", () => {
    expect(decideRetry(input(error("ECONNRESET"))).action).toBe("retry");
  });

  it("stops after three attempts in total", () => {
    expect(decideRetry(input(status(503), { attempt: 2 })).action).toBe("retry");
    expect(decideRetry(input(status(503), { attempt: 3 }))).toEqual({ action: "stop", reason: "attempts-exhausted" });
  });

  it.each([
    ["a POST that is not declared read-only", { method: "POST", mode: "idempotent" as const }],
    ["a request marked never", { method: "GET", mode: "never" as const }],
  ])("never retries %s", (_name, overrides) => {
    expect(decideRetry(input(status(503), overrides))).toEqual({ action: "stop", reason: "not-retryable" });
  });

  it("retries a POST declared read-only", () => {
    expect(decideRetry(input(status(503), { method: "POST", mode: "read-only-post" })).action).toBe("retry");
  });

  it.each([400, 404, 501])("does not retry HTTP %i", (code) => {
    expect(decideRetry(input(status(code)))).toEqual({ action: "stop", reason: "not-retryable" });
  });

  it("does not retry a headers timeout", () => {
    expect(decideRetry(input(error("UND_ERR_HEADERS_TIMEOUT")))).toEqual({ action: "stop", reason: "not-retryable" });
  });

  it("leaves 429 to the rate limiter by default", () => {
    expect(decideRetry(input(status(429, 1)))).toEqual({ action: "stop", reason: "not-retryable" });
  });

  it("waits out a 429 that fits the deadline when told to", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, onRateLimited: "retry-if-fits" as const };
    expect(decideRetry(input(status(429, 2), { policy }))).toEqual({ action: "retry", delayMs: 2_000 });
    expect(decideRetry(input(status(429, 60), { policy }))).toEqual({ action: "stop", reason: "retry-after-past-deadline" });
    expect(decideRetry(input(status(429, 2), { policy, attempt: 3 }))).toEqual({ action: "stop", reason: "attempts-exhausted" });
  });

  it("honours a 5xx Retry-After that fits the remaining time, scaled by the configured unit", () => {
    expect(decideRetry(input(status(503, 3)))).toEqual({ action: "retry", delayMs: 3_000 });
    const policy = { ...DEFAULT_RETRY_POLICY, retryAfterUnitMs: 10 };
    expect(decideRetry(input(status(503, 3), { policy }))).toEqual({ action: "retry", delayMs: 30 });
  });

  it("stops at once when the 5xx Retry-After would end past the deadline", () => {
    expect(decideRetry(input(status(503, 3_600)))).toEqual({ action: "stop", reason: "retry-after-past-deadline" });
  });

  it("does not start a backoff that would end past the deadline", () => {
    const decision = decideRetry(input(status(503), { deadline: NOW + 100, random: () => 0.9 }));
    expect(decision).toEqual({ action: "stop", reason: "no-time-for-backoff" });
  });

  it("does not start a backoff when the deadline has already passed", () => {
    expect(decideRetry(input(error("ECONNREFUSED"), { deadline: NOW - 1, random: () => 0 }))).toEqual({
      action: "stop",
      reason: "no-time-for-backoff",
    });
  });
});
