// The account's rate limit end to end (GraphQL → real client → simulator enforcing its window):
// never over the limit in any window, no upstream 429, RATE_LIMITED answered at once with the
// vendor's reset, no call inside an announced pause, and rate limiting never reported as an
// outage. Assertions are on counts, order and the simulator's own timestamps, never on how
// long something took: every window and deadline leaves seconds of slack.
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_RESILIENCE } from "../../../src/http/resilience.js";
import { parseRateLimitReset } from "../../../src/http/rate-limiter.js";
import type { SimulatedInvoice } from "../../../src/sandbox/ingram-micro/index.js";
import { createSubgraphWithProviders } from "../../helpers/subgraph.js";
import { closeIngram, startIngram, TEST_TRANSPORT } from "./support.js";

afterEach(closeIngram);

/** Timeouts a busy machine cannot reach: these tests are about the budget, not slow answers. */
const PATIENT = { transport: { ...TEST_TRANSPORT, headersTimeoutMs: 15_000, bodyTimeoutMs: 15_000 } };

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

const codeOf = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => result.errors?.[0]?.extensions?.["code"];

describe("200 concurrent lookups of distinct invoices against 60 calls per 60 s", () => {
  it("serves what the window holds, causes no 429, and fails the rest at once with RATE_LIMITED and the window's wait", async () => {
    const invoices = manyInvoices(200);
    const { sim, provider } = await startIngram({ limit: 60, windowMs: 60_000, invoices }, { ...PATIENT, rateLimit: { limit: 60, windowMs: 60_000 } });
    // A long deadline: a lookup that waited for it would take 20 s; being told at once takes none.
    const sg = await createSubgraphWithProviders([provider], { deadlineMs: 20_000 });
    const started = Date.now();
    const outcomes = await Promise.all(invoices.map(async ({ number }) => ({ result: await sg.run(QUERY, { n: number }), ms: Date.now() - started })));
    const served = outcomes.filter((o) => o.result.data?.["invoice"] !== null);
    const limited = outcomes.filter((o) => codeOf(o.result) === "PROVIDER_RATE_LIMITED");

    const calls = sim.apiRequests();
    expect(calls.filter((r) => r.status === 429)).toHaveLength(0);
    expect(calls).toHaveLength(60);
    expect(served).toHaveLength(60);
    expect(limited).toHaveLength(140);
    for (const { result, ms } of limited) {
      expect(result.data).toEqual({ invoice: null });
      // The next slot frees a window after the first calls: about 60 s.
      expect(result.errors?.[0]?.extensions?.["retryAfterSeconds"]).toBeGreaterThanOrEqual(55);
      expect(ms).toBeLessThan(10_000);
    }
  });
});

describe("more lookups than one window holds, within the deadline", () => {
  it("spreads them over the windows without a 429 and serves every one", async () => {
    const invoices = manyInvoices(50);
    const { sim, provider } = await startIngram({ limit: 20, windowMs: 1_000, invoices }, { ...PATIENT, rateLimit: { limit: 20, windowMs: 1_000 } });
    const sg = await createSubgraphWithProviders([provider], { deadlineMs: 15_000 });
    const results = await Promise.all(invoices.map(({ number }) => sg.run(QUERY, { n: number })));
    expect(results.map((r) => (r.data?.["invoice"] as { number: string } | null)?.number)).toEqual(invoices.map((i) => i.number));
    const arrivals = sim.apiRequests().map((r) => r.at);
    expect(sim.apiRequests().filter((r) => r.status === 429)).toHaveLength(0);
    expect(busiestWindow(arrivals, 1_000)).toBeLessThanOrEqual(20);
    // 50 calls at 20 per window cannot all arrive within two windows.
    expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeGreaterThanOrEqual(2_000);
  });
});

describe("an upstream 429", () => {
  it.each(["epoch-ms", "epoch-s", "delta-s"] as const)(
    "answers the lookup that got it with RATE_LIMITED at once, and makes no call before the reset given in %s",
    async (resetFormat) => {
      const { sim, provider } = await startIngram({}, PATIENT);
      const sg = await createSubgraphWithProviders([provider], { deadlineMs: 15_000 });
      sim.control.enqueue({ kind: "rate-limited", resetInMs: 1_500, resetFormat, onlyResetHeader: true });
      const numbers = ["20-12345-11", "20-12345-12", "20-12345-13", "20-RCW67-11", "20-CM881-11"];
      const first = await sg.run(QUERY, { n: numbers[0] });
      expect(codeOf(first)).toBe("PROVIDER_RATE_LIMITED");
      const [limited] = sim.apiRequests();
      const resetAt = parseRateLimitReset(limited?.responseHeaders?.["x-ratelimit-reset"], limited?.at ?? 0, 120_000) ?? 0;
      // The vendor's reset, rounded up to whole seconds (epoch seconds round the instant itself).
      const retryAfter = first.errors?.[0]?.extensions?.["retryAfterSeconds"] as number;
      expect(retryAfter).toBeGreaterThanOrEqual(Math.floor((resetAt - (limited?.at ?? 0)) / 1000));
      expect(retryAfter).toBeLessThanOrEqual(Math.ceil((resetAt - (limited?.at ?? 0)) / 1000) + 1);
      expect(sim.apiRequests()).toHaveLength(1);

      // Lookups asked during the pause wait for the reset (it fits their deadline) and are served.
      const later = await Promise.all(numbers.slice(1).map((n) => sg.run(QUERY, { n })));
      expect(later.map((r) => (r.data?.["invoice"] as { number: string } | null)?.number)).toEqual(numbers.slice(1));
      const after = sim.apiRequests().slice(1);
      expect(after.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect(Math.min(...after.map((r) => r.at))).toBeGreaterThanOrEqual(resetAt);
    },
  );

  it("fails at once with RATE_LIMITED and the reset as retryAfterSeconds when the reset is past the deadline, without another call", async () => {
    const { sim, provider } = await startIngram({}, PATIENT);
    const sg = await createSubgraphWithProviders([provider], { deadlineMs: 20_000 });
    sim.control.enqueue({ kind: "rate-limited", resetInMs: 30_000, resetFormat: "delta-s", onlyResetHeader: true });
    const started = Date.now();
    for (const n of ["20-12345-11", "20-12345-12", "20-12345-13"]) {
      const result = await sg.run(QUERY, { n });
      expect(result.data).toEqual({ invoice: null });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "PROVIDER_RATE_LIMITED", provider: "INGRAM_MICRO", retryAfterSeconds: 30 });
    }
    // Not held until the 20 s deadline.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(sim.apiRequests()).toHaveLength(1);
  });

  it("is never reported as an outage: a stream of 429s leaves every lookup RATE_LIMITED and the breaker closed", async () => {
    const { sim, provider } = await startIngram({}, { transport: { ...PATIENT.transport, resilience: DEFAULT_RESILIENCE } });
    const sg = await createSubgraphWithProviders([provider], { deadlineMs: 10_000 });
    // Every call is answered 429 with a reset 50 ms ahead: far more than the breaker's 10 failures.
    sim.control.always({ kind: "rate-limited", resetInMs: 50, resetFormat: "epoch-ms" });
    const codes: unknown[] = [];
    for (let i = 0; i < 25; i++) codes.push(codeOf(await sg.run(QUERY, { n: "20-12345-11" })));
    expect(new Set(codes)).toEqual(new Set(["PROVIDER_RATE_LIMITED"]));
    const calls = sim.apiRequests();
    expect(calls.length).toBeGreaterThanOrEqual(20);
    // No call inside a pause: each call arrives at or after the reset the one before announced.
    for (let i = 1; i < calls.length; i++) {
      const previous = calls[i - 1];
      const reset = parseRateLimitReset(previous?.responseHeaders?.["x-ratelimit-reset"], previous?.at ?? 0, 120_000) ?? 0;
      expect(calls[i]?.at).toBeGreaterThanOrEqual(reset);
    }
    // The breaker never opened: once Ingram answers again, so does the subgraph.
    sim.control.always(null);
    expect((await sg.run(QUERY, { n: "20-12345-11" })).data?.["invoice"]).toMatchObject({ number: "20-12345-11" });
  });
});
