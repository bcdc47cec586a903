// One provider failing never hides the others (reliability-notes §8 A2, A7, A16; B for a
// malformed body): a query across all four providers, with one of them broken, returns the
// other three providers' invoices and exactly one typed failure, within the request deadline.
import { afterEach, describe, expect, it } from "vitest";
import type { Provider } from "../../src/__generated__/resolvers-types.js";
import { ALL_PO_QUERY, callsSince, startAllProviders, type AllProviders } from "./all-providers.js";
import { injectFault, type FaultKind } from "./faults.js";

const PROVIDERS: readonly Provider[] = ["INGRAM_MICRO", "TD_SYNNEX", "FABRIC", "STULLER"];
const DEADLINE_MS = 2_000;
let harness: AllProviders | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

type Lookup = { invoices: Array<{ provider: Provider }>; failures: Array<{ provider: Provider; code: string; purchaseOrderNumbers: string[] }> };

const CASES: ReadonlyArray<readonly [FaultKind, string]> = [
  ["permanent-503", "UNAVAILABLE"],
  ["never-answers", "TIMEOUT"],
  ["malformed", "BAD_RESPONSE"],
];

describe("a query across all four providers with one of them failing", () => {
  it("returns every provider's invoices when all four are healthy", async () => {
    harness = await startAllProviders({ deadlineMs: DEADLINE_MS });
    const { status, json } = await harness.post({ query: ALL_PO_QUERY, variables: { pos: ["PO-1001", "PO-1002"] } });
    const lookup = json.data?.["invoicesByPurchaseOrder"] as Lookup;
    expect(status).toBe(200);
    expect(new Set(lookup.invoices.map((i) => i.provider))).toEqual(new Set(PROVIDERS));
    expect(lookup.failures).toEqual([]);
  });

  for (const [fault, code] of CASES) {
    it.each(PROVIDERS)(`returns the other three providers' invoices and one ${code} failure when %s ${fault.replace("-", " ")}`, async (failing) => {
      harness = await startAllProviders({ deadlineMs: DEADLINE_MS });
      injectFault(harness.simulators, failing, fault);
      const before = harness.upstreamCalls();
      const started = performance.now();
      const { status, json } = await harness.post({ query: ALL_PO_QUERY, variables: { pos: ["PO-1001", "PO-1002"] } });
      const elapsed = performance.now() - started;
      const lookup = json.data?.["invoicesByPurchaseOrder"] as Lookup;
      const calls = callsSince(before, harness.upstreamCalls());
      console.log(`[A16] ${failing} ${fault}: ${Math.round(elapsed)} ms, upstream calls ${JSON.stringify(calls)}`);

      expect(status).toBe(200);
      expect(json.errors).toBeUndefined();
      expect(new Set(lookup.invoices.map((i) => i.provider))).toEqual(new Set(PROVIDERS.filter((p) => p !== failing)));
      expect(lookup.failures).toHaveLength(1);
      expect(lookup.failures[0]).toMatchObject({ provider: failing, code });
      expect(new Set(lookup.failures[0]?.purchaseOrderNumbers)).toEqual(new Set(["PO-1001", "PO-1002"]));
      // Within the request deadline, plus a little for the answer itself.
      expect(elapsed).toBeLessThan(DEADLINE_MS + 1_000);
    });
  }
});
