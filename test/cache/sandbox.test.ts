// The lookup cache with the real clients against the sandbox simulators: the real providers
// name their accounts, and their real normalized invoices meet (or miss) the immutability rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Provider } from "../../src/__generated__/resolvers-types.js";
import { encodeInvoiceId } from "../../src/domain/ids.js";
import { metricsRegistry } from "../../src/observability/metrics.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { processState } from "../../src/state/shared-state.js";
import { silentLogger } from "../helpers/subgraph.js";
import { INVOICE_BY_NUMBER, INVOICES_BY_ID, INVOICES_BY_PO, lookupCaching, subgraphWithCache, testClock } from "./support.js";

let sandbox: Sandbox;
let subgraph: Awaited<ReturnType<typeof subgraphWithCache>>;

beforeAll(async () => {
  sandbox = await startSandbox({ logger: silentLogger, shared: processState() });
  // The cache's clock stands still: answers keep their whole window, so max-age is exact. (The
  // request deadlines stay on the real clock the real transport reads.)
  subgraph = await subgraphWithCache(sandbox.providers, lookupCaching({ now: testClock().now }));
});

afterAll(async () => {
  await sandbox.stop();
});

/** Upstream HTTP attempts so far, per provider. */
async function upstreamAttempts(): Promise<Record<string, number>> {
  const metric = await metricsRegistry.getSingleMetric("invoices_upstream_attempts_total")?.get();
  const totals: Record<string, number> = {};
  for (const value of metric?.values ?? []) {
    const provider = String(value.labels["provider"]);
    totals[provider] = (totals[provider] ?? 0) + value.value;
  }
  return totals;
}

const entities = (...refs: Array<[Provider, string]>) => ({ representations: refs.map(([provider, ref]) => ({ __typename: "Invoice", id: encodeInvoiceId(provider, ref) })) });

describe("the invoice cache over the sandbox simulators", () => {
  it("gives every real provider an account identity that carries no credential", () => {
    for (const provider of sandbox.providers) expect(provider.account).toMatch(/^[0-9a-f]{24}$/);
  });

  it("answers a purchase order again, and the invoices it listed by id or number, without any upstream call", async () => {
    const lookup = await subgraph.run(INVOICES_BY_PO, { pos: ["PO-1001"] });
    expect(lookup.result.errors).toBeUndefined();
    expect(lookup.cacheControl).toBe("private, max-age=60");

    const before = await upstreamAttempts();
    const again = await subgraph.run(INVOICES_BY_PO, { pos: ["PO-1001"] });
    expect(again.result.data).toEqual(lookup.result.data);
    // Ingram 20-12345-12 is paid (kept 300 s), fabric 2 open, TD SYNNEX 67000001, Stuller 70010012 closed.
    const listed = await subgraph.run(INVOICES_BY_ID, entities(["INGRAM_MICRO", "20-12345-12"], ["FABRIC", "2"], ["TD_SYNNEX", "67000001"], ["STULLER", "70010012"]));
    expect((listed.result.data?.["_entities"] as Array<{ number: string }>).map((i) => i.number)).toEqual(["20-12345-12", "FD-1001-A", "67000001", "70010012"]);
    const byNumber = await subgraph.run(INVOICE_BY_NUMBER, { provider: "INGRAM_MICRO", number: "20-12345-12" });
    expect(byNumber.result.data?.["invoice"]).toMatchObject({ number: "20-12345-12" });
    expect(await upstreamAttempts()).toEqual(before);
    // The shortest freshness among them: the open invoices' 60 s; the paid one alone keeps 300 s.
    expect([again.cacheControl, listed.cacheControl, byNumber.cacheControl]).toEqual(["private, max-age=60", "private, max-age=60", "private, max-age=300"]);
  });
});
