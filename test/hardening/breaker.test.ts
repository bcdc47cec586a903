// A provider failing for a sustained period stops being called except for breaker probes,
// and is called again once it heals (a sustained outage, and a vendor's daily maintenance
// window). One harness for the file, on the fake clock: the breaker's pause passes only when
// the test moves the clock, so a slow machine cannot half-open it in the middle of a case.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Provider } from "../../src/__generated__/resolvers-types.js";
import { useFakeClock, useRealClock } from "../helpers/fake-clock.js";
import { FAST_TRANSPORT } from "../http/support.js";
import { startAllProviders, type AllProviders } from "./all-providers.js";
import { healAll, injectFault } from "./faults.js";

const HALF_OPEN_MS = 400;
let harness: AllProviders;
beforeAll(async () => {
  useFakeClock();
  harness = await startAllProviders({
    transport: {
      ...FAST_TRANSPORT,
      resilience: { breaker: { threshold: 0.5, size: 10, minimumNumberOfCalls: 10, halfOpenAfterMs: HALF_OPEN_MS, maxHalfOpenAfterMs: HALF_OPEN_MS } },
    },
  });
});
afterEach(() => healAll(harness.simulators));
afterAll(async () => {
  useRealClock();
  await harness.close();
});

const QUERY = /* GraphQL */ `query ($p: Provider!) { invoicesByPurchaseOrder(purchaseOrderNumbers: ["PO-1001"], providers: [$p]) { invoices { number } failures { code message } } }`;

describe("circuit breaker through GraphQL", () => {
  it.each<Provider>(["INGRAM_MICRO", "TD_SYNNEX", "FABRIC", "STULLER"])("stops calling %s while it fails, except for probes, and resumes once it heals", async (provider) => {
    // Warm up (tokens fetched) so only API calls are counted below.
    await harness.post({ query: QUERY, variables: { p: provider } });
    injectFault(harness.simulators, provider, "permanent-503");

    const calls = () => harness.upstreamCalls()[provider];
    const start = calls();
    const codes: string[] = [];
    for (let i = 0; i < 30; i++) {
      const { json } = await harness.post({ query: QUERY, variables: { p: provider } });
      const failures = (json.data?.["invoicesByPurchaseOrder"] as { failures: Array<{ code: string; message: string }> }).failures;
      codes.push(failures[0]?.message.includes("circuit open") ? "open" : (failures[0]?.code ?? "ok"));
    }
    const duringOutage = calls() - start;
    // Without a breaker: 30 queries × 3 attempts (Ingram: a search per query) = 90 calls.
    console.log(`[A3] ${provider}: ${duringOutage} upstream calls for 30 failing queries (90 without a breaker); answers ${codes.filter((c) => c === "open").length} fast-failed`);
    expect(duringOutage).toBeLessThanOrEqual(15);
    expect(codes.slice(-10).every((c) => c === "open")).toBe(true);

    // While open, only a probe per half-open period reaches the upstream.
    const beforeWait = calls();
    vi.advanceTimersByTime(HALF_OPEN_MS);
    await harness.post({ query: QUERY, variables: { p: provider } });
    expect(calls() - beforeWait).toBeLessThanOrEqual(1 + 1);

    healAll(harness.simulators);
    vi.advanceTimersByTime(HALF_OPEN_MS);
    const healed = await harness.post({ query: QUERY, variables: { p: provider } });
    const lookup = healed.json.data?.["invoicesByPurchaseOrder"] as { invoices: unknown[]; failures: unknown[] };
    expect(lookup.failures).toEqual([]);
    expect(lookup.invoices.length).toBeGreaterThan(0);
  });
});
