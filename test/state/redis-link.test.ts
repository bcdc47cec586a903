// The bound on every Redis call measures Redis, not this process: a call Redis answered in
// time succeeds even when this process's event loop was busy past the bound (found by
// `npm run bench`: under load, replicas took their own pauses for Redis outages and stopped
// sharing), and a Redis that really is slow still fails the call at the bound.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisState, type SharedState } from "../../src/state/shared-state.js";
import { counterValue } from "../cache/support.js";
import { startRedis, type RedisServer } from "../helpers/redis-server.js";
import { silentLogger } from "../helpers/subgraph.js";

let redis: RedisServer;
const opened: SharedState[] = [];

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await Promise.allSettled(opened.map((state) => state.close()));
  await redis.stop();
});

async function replica(commandTimeoutMs: number): Promise<ReturnType<typeof redisState>> {
  const state = redisState({ url: redis.url, logger: silentLogger, keyPrefix: `link-${process.pid}-${opened.length}:`, commandTimeoutMs });
  opened.push(state);
  if (state.link.client.status !== "ready") await new Promise((resolve) => state.link.client.once("ready", resolve));
  return state;
}

/** Keeps this process's event loop busy, as a burst of requests on a starved core does. */
function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin
  }
}

describe("the bound on a Redis call", () => {
  it("does not take this process's own busy event loop for a slow Redis", async () => {
    const state = await replica(100);
    await state.store.set([{ key: "answer", value: { n: 42 }, ttlMs: 60_000 }]);
    const errorsBefore = await counterValue("invoices_redis_errors_total", { operation: "get" });
    const reading = state.store.get(["answer"]);
    // Redis answers within a millisecond; this process only looks 300 ms later, past the bound.
    busyFor(300);
    expect(await reading).toEqual([{ n: 42 }]);
    expect(state.link.available()).toBe(true);
    expect(await counterValue("invoices_redis_errors_total", { operation: "get" })).toBe(errorsBefore);
  });

  it("still fails a call at the bound when Redis itself does not answer, and skips Redis after three such calls in a row", async () => {
    const state = await replica(100);
    const pauser = new Redis(redis.url);
    try {
      // CLIENT PAUSE holds every other client's commands for 3 s once it has answered.
      await pauser.call("CLIENT", "PAUSE", "3000", "ALL");
      let resumed = false;
      const resumes = new Promise((resolve) => setTimeout(resolve, 3_000)).then(() => (resumed = true));
      for (let i = 1; i <= 3; i++) {
        await expect(state.link.run("get", (client) => client.get("x"))).rejects.toThrow("Redis get failed");
        // One or two slow answers are hiccups; the third in a row is an outage.
        expect(state.link.available()).toBe(i < 3);
      }
      expect(resumed).toBe(false);
      await resumes;
    } finally {
      pauser.disconnect();
    }
  });
});
