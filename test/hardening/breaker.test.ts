// A provider failing for a sustained period stops being called except for breaker probes,
// and is called again once it heals (reliability-notes §8 A3, A15). Breaker timings are
// shortened through configuration so the scenario takes a second, not a minute.
import { afterEach, describe, expect, it } from "vitest";
import type { Provider } from "../../src/__generated__/resolvers-types.js";
import { FAST_TRANSPORT } from "../http/support.js";
import { startAllProviders, type AllProviders } from "./all-providers.js";
import { healAll, injectFault } from "./faults.js";

let harness: AllProviders | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const HALF_OPEN_MS = 400;
const QUERY = /* GraphQL */ `query ($p: Provider!) { invoicesByPurchaseOrder(purchaseOrderNumbers: ["PO-1001"], providers: [$p]) { invoices { number } failures { code message } } }`;

describe("circuit breaker through GraphQL", () => {
  it.each<Provider>(["INGRAM_MICRO", "TD_SYNNEX", "FABRIC", "STULLER"])("stops calling %s while it fails, except for probes, and resumes once it heals", async (provider) => {
    harness = await startAllProviders({
      transport: {
        ...FAST_TRANSPORT,
        resilience: { breaker: { threshold: 0.5, size: 10, minimumNumberOfCalls: 10, halfOpenAfterMs: HALF_OPEN_MS, maxHalfOpenAfterMs: HALF_OPEN_MS } },
      },
    });
    // Warm up (tokens fetched) so only API calls are counted below.
    await harness.post({ query: QUERY, variables: { p: provider } });
    injectFault(harness.simulators, provider, "permanent-503");

    const calls = () => harness?.upstreamCalls()[provider] ?? 0;
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
    await new Promise((resolve) => setTimeout(resolve, HALF_OPEN_MS + 100));
    await harness.post({ query: QUERY, variables: { p: provider } });
    expect(calls() - beforeWait).toBeLessThanOrEqual(1 + 1);

    healAll(harness.simulators);
    await new Promise((resolve) => setTimeout(resolve, HALF_OPEN_MS + 100));
    const healed = await harness.post({ query: QUERY, variables: { p: provider } });
    const lookup = healed.json.data?.["invoicesByPurchaseOrder"] as { invoices: unknown[]; failures: unknown[] };
    expect(lookup.failures).toEqual([]);
    expect(lookup.invoices.length).toBeGreaterThan(0);
  });
});
