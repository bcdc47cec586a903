// The Redis-backed shared state against a real redis-server: the entry store, claims between
// replicas, and the shared rate budget (two replicas, one account), including what happens
// while Redis is away.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProviderError } from "../../src/domain/errors.js";
import type { RateLimitPermit } from "../../src/http/rate-limiter.js";
import { redisState, type SharedState } from "../../src/state/shared-state.js";
import { counterValue } from "../cache/support.js";
import { silentLogger } from "../helpers/subgraph.js";
import { startRedis, type RedisServer } from "../helpers/redis-server.js";

let redis: RedisServer;
const opened: SharedState[] = [];
let prefixes = 0;

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await Promise.allSettled(opened.map((state) => state.close()));
  await redis.stop();
});

type Replica = ReturnType<typeof redisState>;

/** One replica's shared state; replicas of one test share a key prefix (one deployment). */
async function replica(prefix: string, options: { readonly now?: () => number } = {}): Promise<Replica> {
  const state = redisState({ url: redis.url, logger: silentLogger, keyPrefix: prefix, pollMs: 25, ...options });
  opened.push(state);
  if (state.link.client.status !== "ready") await new Promise((resolve) => state.link.client.once("ready", resolve));
  return state;
}

const deployment = () => `test-${process.pid}-${++prefixes}:`;

function waiter(deadlineInMs: number) {
  return { deadline: Date.now() + deadlineInMs, signal: new AbortController().signal };
}

async function settle(promises: ReadonlyArray<Promise<RateLimitPermit>>) {
  const results = await Promise.allSettled(promises);
  return {
    permits: results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : [])),
    errors: results.flatMap((r) => (r.status === "rejected" ? [r.reason as ProviderError] : [])),
  };
}

describe("the entry store on Redis", () => {
  it("reads what another replica wrote, in key order, and nothing once its time to live ends", async () => {
    const prefix = deployment();
    const [a, b] = [await replica(prefix), await replica(prefix)];
    await a.store.set([
      { key: "k1", value: { n: 1 }, ttlMs: 60_000 },
      { key: "k2", value: [1, "two", null], ttlMs: 60_000 },
      { key: "short", value: "gone soon", ttlMs: 1 },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await b.store.get(["k2", "missing", "k1", "short"])).toEqual([[1, "two", null], undefined, { n: 1 }, undefined]);
  });

  it("deletes a value only while it still holds what the caller saw", async () => {
    const prefix = deployment();
    const a = await replica(prefix);
    await a.store.set([{ key: "token", value: { value: "new", refreshAt: 5 }, ttlMs: 60_000 }]);
    await a.store.delete("token", { value: "old", refreshAt: 1 });
    expect(await a.store.get(["token"])).toEqual([{ value: "new", refreshAt: 5 }]);
    await a.store.delete("token", { value: "new", refreshAt: 5 });
    expect(await a.store.get(["token"])).toEqual([undefined]);
  });
});

describe("a slow Redis", () => {
  it("bounds every call: while Redis does not answer, reads are misses, claims are won and nothing waits for it", async () => {
    const prefix = deployment();
    const state = await replica(prefix);
    await state.store.set([{ key: "a", value: 1, ttlMs: 60_000 }]);
    expect(await state.store.get(["a"])).toEqual([1]);
    // CLIENT PAUSE holds every other client's commands for 2 s once it has answered.
    const pauser = new Redis(redis.url);
    await pauser.call("CLIENT", "PAUSE", "2000", "ALL");
    let resumed = false;
    const resumes = new Promise((resolve) => setTimeout(resolve, 2_000)).then(() => (resumed = true));
    expect(await state.store.get(["a"])).toEqual([undefined]);
    expect([...(await state.coordination.claim(["k"], 1_000))]).toEqual(["k"]);
    await state.store.set([{ key: "b", value: 2, ttlMs: 1_000 }]);
    expect(resumed).toBe(false);
    await resumes;
    pauser.disconnect();
  });
});

describe("claims between replicas", () => {
  it("lets one replica lead a key; the other waits and learns how it ended", async () => {
    const prefix = deployment();
    const [a, b] = [await replica(prefix), await replica(prefix)];
    expect([...(await a.coordination.claim(["po:1", "po:2"], 10_000))]).toEqual(["po:1", "po:2"]);
    expect([...(await b.coordination.claim(["po:1", "po:3"], 10_000))]).toEqual(["po:3"]);
    const waiting = b.coordination.awaitFinish("po:1", new AbortController().signal);
    await a.coordination.finish("po:1", { code: "UNAVAILABLE", message: "Stuller answered HTTP 503", retryAfterSeconds: null });
    expect(await waiting).toEqual({ kind: "failed", failure: { code: "UNAVAILABLE", message: "Stuller answered HTTP 503", retryAfterSeconds: null } });
    const done = b.coordination.awaitFinish("po:2", new AbortController().signal);
    await a.coordination.finish("po:2", null);
    expect(await done).toEqual({ kind: "done" });
    // Ended: the key can be claimed again.
    expect([...(await b.coordination.claim(["po:1"], 10_000))]).toEqual(["po:1"]);
  });

  it("ends the wait when the leader's lease runs out without a word (it died mid-call)", async () => {
    const prefix = deployment();
    const [a, b] = [await replica(prefix), await replica(prefix)];
    await a.coordination.claim(["po:9"], 150);
    expect(await b.coordination.awaitFinish("po:9", new AbortController().signal)).toEqual({ kind: "done" });
  });

  it("ends the wait soon after the leader's end could not be said at first (its Redis calls were being skipped)", async () => {
    const prefix = deployment();
    const [a, b] = [await replica(prefix), await replica(prefix)];
    await a.coordination.claim(["po:7"], 8_000);
    // A's link has just failed three calls in a row: for its cool-down (1 s) every Redis call of A is skipped, the end of its flight too.
    for (let i = 0; i < 3; i++) await a.link.run("any", async () => Promise.reject(new Error("Command timed out"))).catch(() => {});
    expect(a.link.available()).toBe(false);
    const started = Date.now();
    const waiting = b.coordination.awaitFinish("po:7", new AbortController().signal);
    await a.coordination.finish("po:7", null);
    // Said once A's Redis calls resume, not when the 8 s lease runs out.
    expect(await waiting).toEqual({ kind: "done" });
    expect(Date.now() - started).toBeLessThan(6_000);
  });

  it("ends the wait when the waiter's own request gives up", async () => {
    const prefix = deployment();
    const [a, b] = [await replica(prefix), await replica(prefix)];
    await a.coordination.claim(["po:5"], 10_000);
    const controller = new AbortController();
    const waiting = b.coordination.awaitFinish("po:5", controller.signal);
    controller.abort();
    expect(await waiting).toEqual({ kind: "aborted" });
  });
});

describe("the shared rate budget", () => {
  const budget = { provider: "INGRAM_MICRO" as const, limit: 10, windowMs: 60_000, callRoomMs: 500 };

  it("grants at most the budget across two replicas and fails the rest at once with RATE_LIMITED", async () => {
    const prefix = deployment();
    const [a, b] = [await replica(prefix), await replica(prefix)];
    const limiters = [a.rateLimiter("acct", budget), b.rateLimiter("acct", budget)] as const;
    const { permits, errors } = await settle(Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? limiters[0] : limiters[1]).acquire(waiter(2_000))));
    expect(permits).toHaveLength(10);
    expect(errors).toHaveLength(20);
    for (const error of errors) {
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ code: "RATE_LIMITED" });
      // A slot frees a window after a call: the earliest start is about 60 s away.
      expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    }
    for (const permit of permits) permit.release();
  });

  it("pauses every replica after one replica's 429 until the vendor's reset", async () => {
    const prefix = deployment();
    const [a, b] = [await replica(prefix), await replica(prefix)];
    const [onA, onB] = [a.rateLimiter("acct", budget), b.rateLimiter("acct", budget)];
    const permit = await onA.acquire(waiter(2_000));
    onA.observe(429, { "x-ratelimit-reset": String(Date.now() + 30_000) });
    permit.release();
    const refused = await settle([onB.acquire(waiter(2_000))]);
    expect(refused.errors[0]).toMatchObject({ code: "RATE_LIMITED" });
    expect(refused.errors[0]?.retryAfterSeconds).toBeGreaterThanOrEqual(29);
    expect(refused.errors[0]?.retryAfterSeconds).toBeLessThanOrEqual(30);
  });

  it("spends no more than the upstream's X-RateLimit-Remaining before its reset, on any replica", async () => {
    const prefix = deployment();
    const [a, b] = [await replica(prefix), await replica(prefix)];
    const [onA, onB] = [a.rateLimiter("acct", budget), b.rateLimiter("acct", budget)];
    const permit = await onA.acquire(waiter(2_000));
    onA.observe(200, { "x-ratelimit-remaining": "2", "x-ratelimit-reset": String(Date.now() + 40_000) });
    permit.release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const { permits, errors } = await settle([1, 2, 3, 4].map(() => onB.acquire(waiter(2_000))));
    expect(permits).toHaveLength(2);
    expect(errors.map((e) => e.code)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
  });

  it("falls back to this replica's share of the budget while Redis is away, and never fails because of Redis", async () => {
    const errorsBefore = await counterValue("invoices_redis_errors_total", { operation: "budget-acquire" });
    const own = await startRedis();
    try {
      const prefix = deployment();
      const state = redisState({ url: own.url, logger: silentLogger, keyPrefix: prefix, heartbeatMs: 50 });
      opened.push(state);
      const peer = redisState({ url: own.url, logger: silentLogger, keyPrefix: prefix, heartbeatMs: 50 });
      opened.push(peer);
      // Both replicas announce themselves: the share is half the budget.
      await expectEventually(() => state.replicasSeen() === 2);
      await own.kill();
      const limiter = state.rateLimiter("acct", budget);
      const { permits, errors } = await settle(Array.from({ length: 8 }, () => limiter.acquire(waiter(2_000))));
      expect(permits).toHaveLength(5);
      expect(errors.map((e) => e.code)).toEqual(["RATE_LIMITED", "RATE_LIMITED", "RATE_LIMITED"]);
      // Counted in /metrics: the Redis failure, and the share's remaining calls.
      expect(await counterValue("invoices_redis_errors_total", { operation: "budget-acquire" })).toBeGreaterThan(errorsBefore);
      expect(await counterValue("invoices_rate_budget_remaining", { provider: "INGRAM_MICRO" })).toBe(0);
      expect(await state.store.get(["anything"])).toEqual([undefined]);
      await state.store.set([{ key: "anything", value: 1, ttlMs: 1_000 }]);
      expect([...(await state.coordination.claim(["k"], 1_000))]).toEqual(["k"]);
    } finally {
      await own.stop();
    }
  });
});

async function expectEventually(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(condition()).toBe(true);
}
