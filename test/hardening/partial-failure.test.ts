// One provider failing never hides the others (reliability-notes §8 A2, A7, A16; B for a
// malformed body): a query across all four providers, with one of them broken, returns the
// other three providers' invoices and exactly one typed failure, within the request deadline.
//
// One set of simulators and one subgraph serve every case (faults are healed after each);
// the clock is fake (helpers/fake-clock.ts), so the deadline passes only when a case moves
// the clock, once every other provider has answered: a busy machine cannot turn a healthy
// provider's slow answer into a TIMEOUT, and no case waits two real seconds for a deadline.
// Retry backoff waits stay real (milliseconds, production policy).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Provider } from "../../src/__generated__/resolvers-types.js";
import { useFakeClock, useRealClock } from "../helpers/fake-clock.js";
import { ALL_PO_QUERY, callsSince, expectBreakersClosed, postPastDeadline, startAllProviders, type AllProviders } from "./all-providers.js";
import { healAll, injectFault, type FaultKind } from "./faults.js";

const PROVIDERS: readonly Provider[] = ["INGRAM_MICRO", "TD_SYNNEX", "FABRIC", "STULLER"];
const DEADLINE_MS = 2_000;
const BODY = { query: ALL_PO_QUERY, variables: { pos: ["PO-1001", "PO-1002"] } };
let harness: AllProviders;

beforeAll(async () => {
  // Before the clients exist: the transport and the rate limiter keep the Date.now they see.
  useFakeClock();
  harness = await startAllProviders({ deadlineMs: DEADLINE_MS });
  // Tokens fetched and connections open, as on a subgraph that has been serving for a while.
  await harness.post(BODY);
});
afterAll(async () => {
  useRealClock();
  await harness?.close();
});

// The cases arrive two minutes apart on the fake clock, as on a subgraph answering now and
// then: each starts with Ingram's rate window (60 calls per 60 s, the production setting)
// and every retry budget as fresh as a subgraph of its own would have them.
beforeEach(() => vi.setSystemTime(Date.now() + 120_000));
afterEach(async () => {
  healAll(harness.simulators);
  // One subgraph serves every case: a case must not hand the next one an open breaker.
  await expectBreakersClosed(harness);
});

type Lookup = { invoices: Array<{ provider: Provider }>; failures: Array<{ provider: Provider; code: string; purchaseOrderNumbers: string[] }> };

const CASES: ReadonlyArray<readonly [FaultKind, string]> = [
  ["permanent-503", "UNAVAILABLE"],
  ["never-answers", "TIMEOUT"],
  ["malformed", "BAD_RESPONSE"],
];

describe("a query across all four providers with one of them failing", () => {
  it("returns every provider's invoices when all four are healthy", async () => {
    const { status, json } = await harness.post(BODY);
    const lookup = json.data?.["invoicesByPurchaseOrder"] as Lookup;
    expect(status).toBe(200);
    expect(new Set(lookup.invoices.map((i) => i.provider))).toEqual(new Set(PROVIDERS));
    expect(lookup.failures).toEqual([]);
  });

  for (const [fault, code] of CASES) {
    it.each(PROVIDERS)(`returns the other three providers' invoices and one ${code} failure when %s ${fault.replace("-", " ")}`, async (failing) => {
      injectFault(harness.simulators, failing, fault);
      const before = harness.upstreamCalls();
      const started = Date.now();
      const { status, json } = fault === "never-answers" ? await postPastDeadline(harness, BODY, failing, DEADLINE_MS) : await harness.post(BODY);
      const waited = Date.now() - started;
      const lookup = json.data?.["invoicesByPurchaseOrder"] as Lookup;
      const calls = callsSince(before, harness.upstreamCalls());
      console.log(`[A16] ${failing} ${fault}: answered after ${waited} ms of the ${DEADLINE_MS} ms deadline, upstream calls ${JSON.stringify(calls)}`);

      expect(status).toBe(200);
      expect(json.errors).toBeUndefined();
      expect(new Set(lookup.invoices.map((i) => i.provider))).toEqual(new Set(PROVIDERS.filter((p) => p !== failing)));
      expect(lookup.failures).toHaveLength(1);
      expect(lookup.failures[0]).toMatchObject({ provider: failing, code });
      expect(new Set(lookup.failures[0]?.purchaseOrderNumbers)).toEqual(new Set(["PO-1001", "PO-1002"]));
      // Within the request deadline: a provider that never answers is cut at the deadline, not
      // later; a failing one is answered before any deadline or timeout had to fire.
      expect(waited).toBe(fault === "never-answers" ? DEADLINE_MS : 0);
    });
  }
});
