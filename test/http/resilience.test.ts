// Breaker, bulkhead and retry budget against real loopback upstreams (reliability-notes §8 A3,
// A15, E4, E7): the figures are the upstream call counts each scenario costs. The clock is
// fake (helpers/fake-clock.ts): the breaker's pause ends when a test moves the clock, not
// when the machine happens to be slow, and no request deadline can pass meanwhile.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ProviderError } from "../../src/domain/errors.js";
import { until, useFakeClock, useRealClock } from "../helpers/fake-clock.js";
import { startLoopbackServer, type LoopbackServer, type Reply } from "../helpers/loopback-server.js";
import { callContext, closeAll, rejectionOf, testTransport } from "./support.js";

let server: LoopbackServer | undefined;
beforeEach(() => useFakeClock());
afterEach(async () => {
  useRealClock();
  await closeAll();
  await server?.close();
  server = undefined;
});

async function serve(script: readonly Reply[] | Parameters<typeof startLoopbackServer>[0]) {
  server = await startLoopbackServer(script);
  return server;
}

const breaker = { threshold: 0.5, size: 10, minimumNumberOfCalls: 10, halfOpenAfterMs: 150, maxHalfOpenAfterMs: 150 };

describe("circuit breaker", () => {
  it("stops calling an upstream that keeps failing, probes it after the pause, and closes once it heals", async () => {
    let healthy = false;
    const upstream = await serve((_req, res) => {
      res.writeHead(healthy ? 200 : 503, { "content-type": "application/json" }).end("{}");
    });
    const transport = testTransport({ resilience: { breaker } });
    const get = () => transport.request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext());

    const errors: ProviderError[] = [];
    for (let i = 0; i < 8; i++) errors.push((await rejectionOf(get())) as ProviderError);
    const callsWhileFailing = upstream.requests.length;
    console.log(`breaker: ${callsWhileFailing} upstream calls for 8 failing requests (3 attempts each without a breaker: 24)`);
    expect(callsWhileFailing).toBeLessThanOrEqual(12);
    expect(transport.breakerState()).toBe("open");
    expect(errors.at(-1)).toMatchObject({ code: "UNAVAILABLE", retryAfterSeconds: 1 });
    expect(errors.at(-1)?.message).toContain("circuit open");

    // cockatiel jitters the pause within (0, 150 ms]; the clock stood still until now, so no
    // probe could slip into the failing run above. Past the longest pause, a probe goes through.
    healthy = true;
    vi.advanceTimersByTime(breaker.maxHalfOpenAfterMs);
    const probe = await get();
    expect(probe.status).toBe(200);
    expect(transport.breakerState()).toBe("closed");
  });

  it("is not opened by answers that say nothing of the upstream's health (404)", async () => {
    const upstream = await serve([{ status: 404, body: '{"detail":"Not found."}' }]);
    const transport = testTransport({ resilience: { breaker } });
    for (let i = 0; i < 25; i++) {
      const response = await transport.request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext());
      expect(response.status).toBe(404);
    }
    expect(upstream.requests).toHaveLength(25);
    expect(transport.breakerState()).toBe("closed");
  });
});

describe("bulkhead", () => {
  it("bounds requests in flight per provider and rejects the overflow at once instead of queueing without end", async () => {
    // The upstream holds every answer until the test releases it.
    const held: Array<() => void> = [];
    const upstream = await serve(async (_req, res) => {
      await new Promise<void>((release) => held.push(release));
      res.writeHead(200).end("{}");
    });
    const transport = testTransport({ resilience: { bulkhead: { limit: 2, queue: 1 } } });
    const outcomes: string[] = [];
    const all = Promise.all(
      Array.from({ length: 6 }, () =>
        transport.request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext()).then(
          () => void outcomes.push("ok"),
          (error: ProviderError) => void outcomes.push(error.code),
        ),
      ),
    );
    // Two in flight, one queued, and the other three refused while nothing has been answered yet.
    await until(() => outcomes.length === 3 && held.length === 2, "three refusals and two requests at the upstream");
    expect(outcomes).toEqual(["UNAVAILABLE", "UNAVAILABLE", "UNAVAILABLE"]);
    expect(upstream.requests).toHaveLength(2);
    // Answering the two lets the queued one through.
    for (const release of held.splice(0)) release();
    await until(() => held.length === 1, "the queued request at the upstream");
    for (const release of held.splice(0)) release();
    await all;
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(3);
    expect(upstream.requests).toHaveLength(3);
  });
});

describe("retry budget", () => {
  it("keeps retries a small share of calls when an upstream fails persistently", async () => {
    const upstream = await serve([{ status: 503 }]);
    const transport = testTransport({ resilience: { retryBudget: { ratio: 0.1, minPerSecond: 0 } } });
    for (let i = 0; i < 40; i++) {
      await rejectionOf(transport.request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext()));
    }
    const calls = upstream.requests.length;
    console.log(`retry budget: ${calls} upstream calls for 40 failing requests (without a budget: 120)`);
    // 40 first attempts + the starting allowance of 10 retries + 0.1 per request.
    expect(calls).toBeLessThanOrEqual(40 + 10 + 4);
    expect(calls).toBeGreaterThan(40);
  });
});
