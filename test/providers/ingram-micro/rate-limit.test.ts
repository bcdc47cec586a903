// The account's rate limit end to end (GraphQL → real client → simulator enforcing a short
// window): never over the limit in any window, no upstream 429, fast RATE_LIMITED answers
// past the deadline, and a global pause until X-RateLimit-Reset after a 429.
import { afterEach, describe, expect, it } from "vitest";
import { InProcessRateLimiter, parseRateLimitReset, type RateLimiter } from "../../../src/http/rate-limiter.js";
import { createIngramMicroProvider } from "../../../src/providers/ingram-micro/index.js";
import { startIngramMicroSimulator, type SimulatedInvoice } from "../../../src/sandbox/ingram-micro/index.js";
import { silentLogger } from "../../http/support.js";
import { createSubgraphWithProviders } from "../../helpers/subgraph.js";
import { closeIngram, startIngram, TEST_TRANSPORT } from "./support.js";

afterEach(closeIngram);

const QUERY = `query ($n: String!) { invoice(provider: INGRAM_MICRO, number: $n) { number total { amount } } }`;

/** `count` invoices 20-L0001-11 … with the least a v5 detail needs. */
function manyInvoices(count: number): SimulatedInvoice[] {
  return Array.from({ length: count }, (_, i) => {
    const number = `20-L${String(i + 1).padStart(4, "0")}-11`;
    return { number, purchaseOrder: `PO-L${i + 1}`, detail: { invoicenumber: number, currencycode: "USD", totalamount: `${i + 1}.00`, orderstatus: "F" } };
  });
}

/** Most arrivals inside any window of `windowMs` (half-open), from the simulator's timestamps. */
function busiestWindow(arrivals: readonly number[], windowMs: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe("200 concurrent lookups of distinct invoices against 60 calls per 2 s", () => {
  it("serves what fits the window, causes no 429, and fails the rest at once with RATE_LIMITED and retryAfterSeconds", async () => {
    const invoices = manyInvoices(200);
    const { sim, provider } = await startIngram({ limit: 60, windowMs: 2_000, invoices }, { rateLimit: { limit: 60, windowMs: 2_000 } });
    // A deadline as long as the window: a call that must wait for a slot can never make it.
    const sg = await createSubgraphWithProviders([provider], { deadlineMs: 2_000 });
    const started = Date.now();
    const outcomes = await Promise.all(
      invoices.map(async ({ number }) => {
        const result = await sg.run(QUERY, { n: number });
        return { result, ms: Date.now() - started };
      }),
    );
    const served = outcomes.filter((o) => o.result.data?.["invoice"] !== null);
    const limited = outcomes.filter((o) => o.result.errors?.[0]?.extensions?.["code"] === "PROVIDER_RATE_LIMITED");

    const calls = sim.apiRequests();
    expect(calls.filter((r) => r.status === 429)).toHaveLength(0);
    expect(busiestWindow(calls.map((r) => r.at), 2_000)).toBeLessThanOrEqual(60);
    expect(served).toHaveLength(60);
    expect(limited).toHaveLength(140);
    expect(calls).toHaveLength(60);
    for (const { result, ms } of limited) {
      expect(result.data).toEqual({ invoice: null });
      expect(result.errors?.[0]?.extensions?.["retryAfterSeconds"]).toBeGreaterThanOrEqual(1);
      // Told at once, not at the deadline.
      expect(ms).toBeLessThan(1_500);
    }
  });
});

describe("more lookups than one window holds, within the deadline", () => {
  it("spreads them over the windows without a 429 and serves every one", async () => {
    const invoices = manyInvoices(50);
    const { sim, provider } = await startIngram({ limit: 20, windowMs: 1_000, invoices }, { rateLimit: { limit: 20, windowMs: 1_000 } });
    const sg = await createSubgraphWithProviders([provider], { deadlineMs: 5_000 });
    const results = await Promise.all(invoices.map(({ number }) => sg.run(QUERY, { n: number })));
    expect(results.map((r) => (r.data?.["invoice"] as { number: string } | null)?.number)).toEqual(invoices.map((i) => i.number));
    const arrivals = sim.apiRequests().map((r) => r.at);
    expect(sim.apiRequests().filter((r) => r.status === 429)).toHaveLength(0);
    expect(busiestWindow(arrivals, 1_000)).toBeLessThanOrEqual(20);
    // 50 calls at 20 per second need more than two windows.
    expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeGreaterThanOrEqual(2_000);
  });
});

describe("a 429 that carries only X-RateLimit-Reset", () => {
  // Concurrent, each with its own simulator and provider (and so its own limiter), closed by the test itself.
  it.concurrent.for(["epoch-ms", "epoch-s", "delta-s"] as const)("holds every queued call until the reset given in %s", async (resetFormat, { expect, onTestFinished }) => {
    const sim = await startIngramMicroSimulator();
    // The real limiter, watched: when did the client learn of the 429?
    const inner = new InProcessRateLimiter({ provider: "INGRAM_MICRO" });
    let seen429At: number | null = null;
    const limiter: RateLimiter = {
      acquire: (waiter) => inner.acquire(waiter),
      retryAfterSeconds: () => inner.retryAfterSeconds(),
      observe(status, headers) {
        if (status === 429) seen429At ??= Date.now();
        inner.observe(status, headers);
      },
    };
    const provider = createIngramMicroProvider(sim.credentials, { logger: silentLogger, transport: TEST_TRANSPORT, rateLimit: { limiter } });
    onTestFinished(async () => {
      await provider.close();
      await sim.close();
    });
    const sg = await createSubgraphWithProviders([provider], { deadlineMs: 5_000 });
    sim.control.enqueue({ kind: "rate-limited", resetInMs: 1_500, resetFormat, onlyResetHeader: true });
    const numbers = ["20-12345-11", "20-12345-12", "20-12345-13", "20-RCW67-11", "20-CM881-11"];
    // One call first, answered 429; once the client knows, four more queue up behind the pause.
    const first = sg.run(QUERY, { n: numbers[0] });
    while (seen429At === null) await new Promise((resolve) => setTimeout(resolve, 5));
    const results = await Promise.all([first, ...numbers.slice(1).map((n) => sg.run(QUERY, { n }))]);

    expect(results.map((r) => (r.data?.["invoice"] as { number: string } | null)?.number)).toEqual(numbers);
    const [limited, ...after] = sim.apiRequests();
    expect(limited?.status).toBe(429);
    expect(Object.keys(limited?.responseHeaders ?? {})).not.toContain("x-ratelimit-remaining");
    const resetAt = parseRateLimitReset(limited?.responseHeaders?.["x-ratelimit-reset"], limited?.at ?? 0, 120_000) ?? 0;
    expect(after.map((r) => r.status)).toEqual(numbers.map(() => 200));
    // No call before the reset, and the first one right after it.
    expect(Math.min(...after.map((r) => r.at))).toBeGreaterThanOrEqual(resetAt);
    expect(Math.min(...after.map((r) => r.at))).toBeLessThan(resetAt + 300);
  });

  it("fails at once with RATE_LIMITED and the reset as retryAfterSeconds when the reset is past the deadline", async () => {
    const { sim, provider } = await startIngram();
    const sg = await createSubgraphWithProviders([provider], { deadlineMs: 1_000 });
    sim.control.enqueue({ kind: "rate-limited", resetInMs: 30_000, resetFormat: "delta-s", onlyResetHeader: true });
    const started = Date.now();
    const result = await sg.run(QUERY, { n: "20-12345-11" });
    expect(result.data).toEqual({ invoice: null });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "PROVIDER_RATE_LIMITED", provider: "INGRAM_MICRO", retryAfterSeconds: 30 });
    expect(Date.now() - started).toBeLessThan(500);
    expect(sim.apiRequests()).toHaveLength(1);
  });
});
