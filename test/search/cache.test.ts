// Searches cached like lookups (issue 15 item 3): one vendor page of a search is an entry of
// the provider account's lookup cache, under its window, filter and page, with the same
// freshness window, stale-if-error and coalescing as a purchase-order answer.
import { beforeEach, describe, expect, it } from "vitest";
import type { Provider } from "../../src/__generated__/resolvers-types.js";
import { ProviderError } from "../../src/domain/errors.js";
import { invoiceModel } from "../../src/domain/factories.js";
import type { InvoiceModel } from "../../src/domain/models.js";
import { lookupCaching, subgraphWithCache, testClock } from "../cache/support.js";
import { FakeSearchProvider, type VendorStyle } from "../helpers/search-fakes.js";

const FILTER = { invoiceDateFrom: "2026-03-01", invoiceDateTo: "2026-03-31" };
const SEARCH = /* GraphQL */ `
  query ($filter: InvoiceFilter!, $first: Int, $after: String) {
    invoices(filter: $filter, first: $first, after: $after) {
      edges { node { provider number retrievedAt } }
      pageInfo { hasNextPage endCursor }
      failures { provider code }
      notices { provider code message }
    }
  }
`;

function invoices(provider: Provider, count: number): InvoiceModel[] {
  return Array.from({ length: count }, (_, i) =>
    invoiceModel(provider, { ref: String(i + 1), number: `${provider.slice(0, 2)}-${String(i + 1).padStart(3, "0")}` }, {
      invoiceDate: `2026-03-${String(1 + (i % 28)).padStart(2, "0")}`,
      status: { value: i % 2 === 0 ? "OPEN" : "CLOSED", code: null, description: "" },
    }),
  );
}

const vendor = (id: Provider, style: VendorStyle, account = `${id}-account-1`) => new FakeSearchProvider({ id, invoices: invoices(id, 20), style, pageSize: 100, account });

interface Page {
  readonly edges: ReadonlyArray<{ node: { provider: string; number: string; retrievedAt: string } }>;
  readonly pageInfo: { hasNextPage: boolean; endCursor: string | null };
  readonly notices: ReadonlyArray<{ provider: string; code: string; message: string }>;
}

let clock: ReturnType<typeof testClock>;

beforeEach(() => {
  clock = testClock();
});

async function setUp(providers: FakeSearchProvider[], caching = lookupCaching({ now: clock.now })) {
  return { caching, subgraph: await subgraphWithCache(providers, caching, { now: clock.now }) };
}

describe("a search page in the lookup cache", () => {
  it("is answered again without a vendor call while fresh, with the time it has left", async () => {
    const ingram = vendor("INGRAM_MICRO", "sorted");
    const { subgraph } = await setUp([ingram]);
    const first = await subgraph.run(SEARCH, { filter: FILTER, first: 5 });
    clock.advance(20_000);
    const again = await subgraph.run(SEARCH, { filter: FILTER, first: 5 });
    expect(again.result.data).toEqual(first.result.data);
    expect(ingram.searchCalls).toHaveLength(1);
    expect([first.cacheControl, again.cacheControl]).toEqual(["private, max-age=60", "private, max-age=40"]);
  });

  it("lets every page of a search reuse the window it was read in: one vendor call per provider for the whole search", async () => {
    const providers = [vendor("INGRAM_MICRO", "sorted"), vendor("FABRIC", "unsorted"), vendor("STULLER", "unpaged")];
    const { subgraph } = await setUp(providers);
    const numbers: string[] = [];
    let after: string | null = null;
    for (let n = 0; n < 20; n++) {
      const { result } = await subgraph.run(SEARCH, { filter: FILTER, first: 7, after });
      const page = result.data?.["invoices"] as Page;
      numbers.push(...page.edges.map((e) => e.node.number));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(new Set(numbers).size).toBe(60);
    expect(providers.map((p) => p.searchCalls.length)).toEqual([1, 1, 1]);
  });

  it("is kept apart per provider account and per filter", async () => {
    const caching = lookupCaching({ now: clock.now });
    const one = vendor("FABRIC", "unsorted", "fabric-retailer-1");
    const two = vendor("FABRIC", "unsorted", "fabric-retailer-2");
    const first = await setUp([one], caching);
    const second = await setUp([two], caching);
    await first.subgraph.run(SEARCH, { filter: FILTER, first: 5 });
    await second.subgraph.run(SEARCH, { filter: FILTER, first: 5 });
    await first.subgraph.run(SEARCH, { filter: { ...FILTER, status: "OPEN" }, first: 5 });
    await first.subgraph.run(SEARCH, { filter: FILTER, first: 5 });
    expect([one.searchCalls.length, two.searchCalls.length]).toEqual([2, 1]);
  });

  it("shares one vendor call among identical searches asked at the same moment", async () => {
    const stuller = vendor("STULLER", "unpaged");
    const { subgraph } = await setUp([stuller]);
    const results = await Promise.all(Array.from({ length: 10 }, () => subgraph.run(SEARCH, { filter: FILTER, first: 5 })));
    for (const { result } of results) expect(result.data).toEqual(results[0]?.result.data);
    expect(stuller.searchCalls).toHaveLength(1);
  });

  it("stands a provider's last answer in for a failure, marked STALE with the failure and never cached", async () => {
    const ingram = vendor("INGRAM_MICRO", "sorted");
    const { subgraph } = await setUp([ingram]);
    const fresh = await subgraph.run(SEARCH, { filter: FILTER, first: 3 });
    clock.advance(200_000);
    ingram.failWith(new ProviderError("INGRAM_MICRO", "UNAVAILABLE", "Ingram Micro answered HTTP 503"));
    const stale = await subgraph.run(SEARCH, { filter: FILTER, first: 3 });
    const page = stale.result.data?.["invoices"] as Page;
    expect(page.edges).toEqual((fresh.result.data?.["invoices"] as Page).edges);
    expect(page.notices).toEqual([
      { provider: "INGRAM_MICRO", code: "STALE", message: `Ingram Micro could not answer now (UNAVAILABLE: Ingram Micro answered HTTP 503); its invoices on this page are its answer as of ${new Date(1_700_000_000_000).toISOString()}` },
    ]);
    expect(stale.cacheControl).toBe("no-store");
  });
});
