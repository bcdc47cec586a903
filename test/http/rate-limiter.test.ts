// The in-process rate limiter on a fake clock: window accounting, FIFO order, deadlines, and
// the upstream's X-RateLimit-* headers.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ProviderError } from "../../src/domain/errors.js";
import { InProcessRateLimiter, parseRateLimitReset, type RateLimitPermit } from "../../src/http/rate-limiter.js";

const T0 = 1_700_000_000_000;

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Without room for the call: a waiter waits as long as its turn comes before its deadline. */
function limiter(limit = 3, windowMs = 1_000, callRoomMs = 0) {
  return new InProcessRateLimiter({ provider: "INGRAM_MICRO", limit, windowMs, callRoomMs });
}

function waiter(deadlineInMs = 60_000, signal: AbortSignal = new AbortController().signal) {
  return { deadline: Date.now() + deadlineInMs, signal };
}

/** Tracks a pending acquire: when it settled and how. */
function track(promise: Promise<RateLimitPermit>) {
  const state: { permit: RateLimitPermit | null; error: unknown; at: number | null } = { permit: null, error: null, at: null };
  promise.then(
    (permit) => Object.assign(state, { permit, at: Date.now() }),
    (error: unknown) => Object.assign(state, { error, at: Date.now() }),
  );
  return state;
}

async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

describe("parseRateLimitReset", () => {
  const now = T0;
  it.each([
    ["epoch milliseconds", String(T0 + 3_000), T0 + 3_000],
    ["epoch seconds", String(Math.floor(T0 / 1000) + 3), T0 + 3_000],
    ["seconds to wait", "3", T0 + 3_000],
    ["fractional seconds to wait", "1.5", T0 + 1_500],
    ["a reset in the past (clamped to now)", String(T0 - 10_000), T0],
    ["a reset too far ahead (clamped to the maximum)", String(T0 + 3_600_000), T0 + 120_000],
    ["zero seconds", "0", T0],
  ])("reads %s", (_name, header, expected) => {
    expect(parseRateLimitReset(header, now, 120_000)).toBe(expected);
  });

  it.each([undefined, "", "soon", "-5", "1e3", "Wed, 21 Oct 2015 07:28:00 GMT"])("ignores %j", (header) => {
    expect(parseRateLimitReset(header, now, 120_000)).toBeNull();
  });
});

describe("InProcessRateLimiter", () => {
  it("grants `limit` calls at once and starts the next one a window after the first call finished", async () => {
    const rl = limiter(3, 1_000);
    const first = await Promise.all([rl.acquire(waiter()), rl.acquire(waiter()), rl.acquire(waiter())]);
    const fourth = track(rl.acquire(waiter()));
    await advance(100);
    first[0]?.release();
    await advance(999);
    expect(fourth.at).toBeNull();
    await advance(1);
    expect(fourth.at).toBe(T0 + 1_100);
  });

  it("never starts more than `limit` calls in any window and serves waiters first in, first out", async () => {
    const rl = limiter(5, 1_000);
    const order: number[] = [];
    const starts: number[] = [];
    const runs = Array.from({ length: 23 }, async (_, i) => {
      const permit = await rl.acquire(waiter());
      order.push(i);
      starts.push(Date.now());
      setTimeout(() => permit.release(), 37);
    });
    await advance(10_000);
    await Promise.all(runs);
    expect(order).toEqual(Array.from({ length: 23 }, (_, i) => i));
    for (let i = 0; i + 5 < starts.length; i++) expect((starts[i + 5] ?? 0) - (starts[i] ?? 0)).toBeGreaterThanOrEqual(1_000);
  });

  it("counts every transport attempt of a call against the window", async () => {
    const rl = limiter(3, 1_000);
    (await rl.acquire(waiter())).release(3);
    const next = track(rl.acquire(waiter()));
    await advance(999);
    expect(next.at).toBeNull();
    await advance(1);
    expect(next.permit).not.toBeNull();
  });

  it("fails at once with RATE_LIMITED and retryAfterSeconds when the call's turn comes after its deadline", async () => {
    const rl = limiter(2, 10_000);
    await rl.acquire(waiter());
    await rl.acquire(waiter());
    const late = track(rl.acquire(waiter(5_000)));
    await advance(0);
    expect(late.at).toBe(T0);
    expect(late.error).toBeInstanceOf(ProviderError);
    expect(late.error).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 10, provider: "INGRAM_MICRO" });
  });

  it("fails a queued call before its deadline once the calls ahead of it cannot finish in time", async () => {
    const rl = limiter(1, 1_000);
    await rl.acquire(waiter()); // never released: stuck in flight
    const queued = track(rl.acquire(waiter(3_000)));
    await advance(1_999);
    expect(queued.at).toBeNull();
    await advance(1_001);
    expect(queued.error).toMatchObject({ code: "RATE_LIMITED" });
    expect(queued.at).toBeLessThanOrEqual(T0 + 3_000);
  });

  it("waits only when the call still has its room before the deadline once its turn comes, else fails at once", async () => {
    const rl = limiter(1, 10_000, 2_000);
    (await rl.acquire(waiter())).release(); // the slot frees at T0 + 10 s
    const fits = track(rl.acquire(waiter(12_001)));
    const tooTight = track(rl.acquire(waiter(21_999)));
    await advance(0);
    // The second waits behind the first (turn at T0 + 20 s): 20 s + 2 s of room passes its deadline.
    expect(tooTight.error).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 20 });
    expect(tooTight.at).toBe(T0);
    await advance(10_000);
    expect(fits.at).toBe(T0 + 10_000);
    expect(fits.permit).not.toBeNull();
  });

  it("tells every caller that cannot fit the vendor's reset as retryAfterSeconds, rounded up", async () => {
    const rl = limiter(10, 60_000, 2_000);
    const permit = await rl.acquire(waiter());
    rl.observe(429, { "x-ratelimit-reset": String(T0 + 42_300) });
    permit.release();
    const refused = track(rl.acquire(waiter(20_000)));
    await advance(0);
    expect(refused.error).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 43 });
    expect(rl.retryAfterSeconds()).toBe(43);
  });

  it.each([
    ["epoch milliseconds", () => String(T0 + 2_500)],
    ["epoch seconds", () => String(Math.ceil((T0 + 2_500) / 1000))],
    ["seconds to wait", () => "3"],
  ])("holds every caller after a 429 until X-RateLimit-Reset in %s", async (_name, reset) => {
    const rl = limiter(10, 1_000);
    const permit = await rl.acquire(waiter());
    rl.observe(429, { "x-ratelimit-reset": reset() });
    permit.release();
    const resetAt = parseRateLimitReset(reset(), T0, 120_000) ?? 0;
    const waiting = [track(rl.acquire(waiter())), track(rl.acquire(waiter()))];
    await advance(resetAt - T0 - 1);
    expect(waiting.map((w) => w.at)).toEqual([null, null]);
    await advance(1);
    expect(waiting.map((w) => w.at)).toEqual([resetAt, resetAt]);
  });

  it("holds every caller after Remaining: 0 until the reset, even with local budget left", async () => {
    const rl = limiter(60, 60_000);
    (await rl.acquire(waiter())).release();
    rl.observe(200, { "x-ratelimit-limit": "60", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "5" });
    const next = track(rl.acquire(waiter()));
    await advance(4_999);
    expect(next.at).toBeNull();
    await advance(1);
    expect(next.at).toBe(T0 + 5_000);
  });

  it("fails a caller at once when the upstream's reset is past its deadline", async () => {
    const rl = limiter(60, 60_000);
    rl.observe(429, { "x-ratelimit-reset": "30" });
    const error = await rl.acquire(waiter(2_000)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 30 });
  });

  it("spends no more than the upstream's Remaining before its reset", async () => {
    const rl = limiter(60, 60_000);
    rl.observe(200, { "x-ratelimit-remaining": "2", "x-ratelimit-reset": "4" });
    const waiting = [1, 2, 3].map(() => track(rl.acquire(waiter())));
    await advance(0);
    expect(waiting.map((w) => w.at)).toEqual([T0, T0, null]);
    await advance(4_000);
    expect(waiting[2]?.at).toBe(T0 + 4_000);
  });

  it("keeps the lower Remaining when an older response arrives after a newer one", async () => {
    const rl = limiter(60, 60_000);
    rl.observe(200, { "x-ratelimit-remaining": "1", "x-ratelimit-reset": "10" });
    rl.observe(200, { "x-ratelimit-remaining": "30", "x-ratelimit-reset": "10" });
    const waiting = [track(rl.acquire(waiter())), track(rl.acquire(waiter()))];
    await advance(0);
    expect(waiting.map((w) => w.at)).toEqual([T0, null]);
  });

  it("follows an X-RateLimit-Limit lower than the configured limit", async () => {
    const rl = limiter(60, 1_000);
    rl.observe(200, { "x-ratelimit-limit": "2" });
    const waiting = [1, 2, 3].map(() => track(rl.acquire(waiter())));
    await advance(0);
    expect(waiting.map((w) => w.at)).toEqual([T0, T0, null]);
  });

  it("drops a waiter whose caller went away and moves the next one up", async () => {
    const rl = limiter(1, 1_000);
    const held = await rl.acquire(waiter());
    const controller = new AbortController();
    const leaving = track(rl.acquire(waiter(60_000, controller.signal)));
    const staying = track(rl.acquire(waiter()));
    controller.abort();
    held.release();
    await advance(1_000);
    expect(leaving.error).toMatchObject({ code: "TIMEOUT" });
    expect(staying.at).toBe(T0 + 1_000);
  });

  it("tells how long a new call would wait", async () => {
    const rl = limiter(1, 10_000);
    expect(rl.retryAfterSeconds()).toBe(1);
    (await rl.acquire(waiter())).release();
    expect(rl.retryAfterSeconds()).toBe(10);
  });
});
