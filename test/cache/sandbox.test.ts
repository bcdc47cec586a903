// The invoice cache with the real clients against the sandbox simulators: the real providers
// name their accounts, and their real normalized invoices meet (or miss) the immutability rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Provider } from "../../src/__generated__/resolvers-types.js";
import { encodeInvoiceId } from "../../src/domain/ids.js";
import { metricsRegistry } from "../../src/observability/metrics.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { INVOICE_BY_NUMBER, INVOICES_BY_ID, INVOICES_BY_PO, memoryCaching, subgraphWithCache, testClock } from "./support.js";

let sandbox: Sandbox;
let subgraph: Awaited<ReturnType<typeof subgraphWithCache>>;

beforeAll(async () => {
  sandbox = await startSandbox();
  // A clock that stands still: entries keep their whole TTL, so max-age is exact.
  subgraph = await subgraphWithCache(sandbox.providers, memoryCaching(300, { now: testClock().now }));
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

  it("answers the immutable invoices a purchase-order lookup returned without any upstream call, and asks again for the others", async () => {
    const lookup = await subgraph.run(INVOICES_BY_PO, { pos: ["PO-1001"] });
    expect(lookup.result.errors).toBeUndefined();
    expect(lookup.cacheControl).toBe("no-store");

    const before = await upstreamAttempts();
    // Ingram 20-12345-12 is paid, fabric 3 (FD-1001-B) closed and acknowledged, Stuller 70010012 closed.
    const immutable = await subgraph.run(INVOICES_BY_ID, entities(["INGRAM_MICRO", "20-12345-12"], ["FABRIC", "3"], ["STULLER", "70010012"]));
    expect((immutable.result.data?.["_entities"] as Array<{ number: string }>).map((i) => i.number)).toEqual(["20-12345-12", "FD-1001-B", "70010012"]);
    const byNumber = await subgraph.run(INVOICE_BY_NUMBER, { provider: "INGRAM_MICRO", number: "20-12345-12" });
    expect(byNumber.result.data?.["invoice"]).toMatchObject({ number: "20-12345-12" });
    expect(await upstreamAttempts()).toEqual(before);
    expect([immutable.cacheControl, byNumber.cacheControl]).toEqual(["private, max-age=300", "private, max-age=300"]);

    // Ingram 20-12345-11 is billed (not paid yet), fabric 2 open, TD SYNNEX never immutable.
    const mutable = await subgraph.run(INVOICES_BY_ID, entities(["INGRAM_MICRO", "20-12345-11"], ["FABRIC", "2"], ["TD_SYNNEX", "67000001"]));
    expect((mutable.result.data?.["_entities"] as Array<{ number: string } | null>).every((i) => i !== null)).toBe(true);
    expect(mutable.cacheControl).toBe("no-store");
    const after = await upstreamAttempts();
    for (const provider of ["INGRAM_MICRO", "FABRIC", "TD_SYNNEX"]) expect(after[provider] ?? 0).toBeGreaterThan(before[provider] ?? 0);
  });
});
