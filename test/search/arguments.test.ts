// The search's arguments are checked before any upstream call (contract.md §1): the filter
// must bound a date with both ends within the limit, `first` is 1 to 100, and `after` must be
// a cursor of the same search. Providers that cannot search are failures when named.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MAX_SEARCH_DAYS } from "../../src/search/filter.js";
import { FakeSearchProvider } from "../helpers/search-fakes.js";
import { invoiceModel } from "../../src/domain/factories.js";
import { createSubgraphWithProviders, createTestSubgraph, type ProviderSubgraph, type TestSubgraph } from "../helpers/subgraph.js";

const SEARCH = /* GraphQL */ `
  query ($filter: InvoiceFilter!, $first: Int, $after: String) {
    invoices(filter: $filter, first: $first, after: $after) {
      edges { cursor node { number } }
      pageInfo { hasNextPage endCursor }
      failures { provider code message purchaseOrderNumbers retryAfterSeconds }
    }
  }
`;

const MARCH = { invoiceDateFrom: "2026-03-01", invoiceDateTo: "2026-03-31" };
const invoices = Array.from({ length: 6 }, (_, i) => invoiceModel("FABRIC", { ref: String(i + 1), number: `F-${i + 1}` }, { invoiceDate: `2026-03-0${i + 1}` }));
const fabric = new FakeSearchProvider({ id: "FABRIC", invoices, style: "unsorted", pageSize: 100 });
const stuller = new FakeSearchProvider({ id: "STULLER", invoices: [], style: "unpaged", dueDates: false });
let subgraph: ProviderSubgraph;
let withTd: TestSubgraph;

beforeAll(async () => {
  subgraph = await createSubgraphWithProviders([fabric, stuller]);
  // TD SYNNEX configured (an in-memory provider has no search, like the real one).
  withTd = await createTestSubgraph([{ id: "TD_SYNNEX", invoices: [] }]);
});

beforeEach(() => {
  fabric.replace(invoices);
  stuller.replace([]);
});

describe("arguments refused before any upstream call", () => {
  it.each<[string, Record<string, unknown>, string]>([
    ["no date bound", { status: "OPEN" }, `filter must bound the invoice date or the due date: give invoiceDateFrom and invoiceDateTo, or dueDateFrom and dueDateTo, at most ${MAX_SEARCH_DAYS} days apart (both ends counted)`],
    ["an invoice date bound on one side only", { invoiceDateFrom: "2026-03-01" }, "filter must bound the invoice date or the due date"],
    ["a due date bound on one side only", { dueDateTo: "2026-03-01" }, "filter must bound the invoice date or the due date"],
    ["a range whose first day is after its last", { invoiceDateFrom: "2026-03-31", invoiceDateTo: "2026-03-01" }, "filter.invoiceDateFrom (2026-03-31) is after filter.invoiceDateTo (2026-03-01)"],
    ["94 days of invoice dates", { invoiceDateFrom: "2026-01-01", invoiceDateTo: "2026-04-04" }, "filter.invoiceDateFrom to filter.invoiceDateTo spans 94 days; a search spans at most 93 days (both ends counted): split it into several searches"],
    ["94 days of due dates beside a short invoice range", { ...MARCH, dueDateFrom: "2026-01-01", dueDateTo: "2026-04-04" }, "filter.dueDateFrom to filter.dueDateTo spans 94 days; a search spans at most 93 days"],
  ])("refuses a filter with %s", async (_name, filter, message) => {
    const result = await subgraph.run(SEARCH, { filter, first: 10 });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.message).toContain(message);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "filter" });
    expect(fabric.searchCalls).toEqual([]);
  });

  it("accepts exactly 93 days", async () => {
    const result = await subgraph.run(SEARCH, { filter: { invoiceDateFrom: "2026-01-01", invoiceDateTo: "2026-04-03" }, first: 10 });
    expect(result.errors).toBeUndefined();
  });

  it.each([[0], [101], [-1]])("refuses first: %d", async (first) => {
    const result = await subgraph.run(SEARCH, { filter: MARCH, first });
    expect(result.errors?.[0]).toMatchObject({ message: `first must be between 1 and 100, got ${first}`, extensions: { code: "BAD_USER_INPUT", argumentName: "first" } });
    expect(fabric.searchCalls).toEqual([]);
  });

  it("refuses a date that is not a calendar day", async () => {
    const result = await subgraph.run(SEARCH, { filter: { invoiceDateFrom: "2026-02-30", invoiceDateTo: "2026-03-01" }, first: 10 });
    expect(result.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
    expect(fabric.searchCalls).toEqual([]);
  });

  it.each([
    ["text this subgraph never issued", "bogus", "after is not a cursor this subgraph issued"],
    ["an acknowledge-workflow cursor", "YWNrOnYxOkZBQlJJQzoy", "after is not a cursor this subgraph issued"],
  ])("refuses %s as after", async (_name, after, message) => {
    const result = await subgraph.run(SEARCH, { filter: MARCH, first: 2, after });
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: "BAD_USER_INPUT", argumentName: "after" } });
    expect(fabric.searchCalls).toEqual([]);
  });

  it.each([
    ["another date range", { invoiceDateFrom: "2026-03-02", invoiceDateTo: "2026-03-31" }],
    ["another status", { ...MARCH, status: "OPEN" }],
    ["other providers", { ...MARCH, providers: ["FABRIC"] }],
  ])("refuses a cursor of the same search with %s", async (_name, filter) => {
    const first = await subgraph.run(SEARCH, { filter: MARCH, first: 2 });
    const after = (first.data?.["invoices"] as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
    const calls = fabric.searchCalls.length;
    const result = await subgraph.run(SEARCH, { filter, first: 2, after });
    expect(result.errors?.[0]).toMatchObject({ message: "after belongs to another search (a different filter or other providers); start again without after", extensions: { code: "BAD_USER_INPUT" } });
    expect(fabric.searchCalls.length).toBe(calls);
  });
});

describe("providers that cannot search this way", () => {
  it("skips silently, when providers is left out, one that states no due dates", async () => {
    const result = await subgraph.run(SEARCH, { filter: { dueDateFrom: "2026-03-01", dueDateTo: "2026-03-31" }, first: 10 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.["invoices"]).toMatchObject({ failures: [] });
    expect(stuller.searchCalls).toEqual([]);
  });

  it("lists one named that states no due dates as NOT_SUPPORTED", async () => {
    const result = await subgraph.run(SEARCH, { filter: { dueDateFrom: "2026-03-01", dueDateTo: "2026-03-31", providers: ["STULLER", "FABRIC"] }, first: 10 });
    expect(result.data?.["invoices"]).toMatchObject({
      failures: [{ provider: "STULLER", code: "NOT_SUPPORTED", message: "Stuller states no due dates, so it cannot search by due date", purchaseOrderNumbers: [], retryAfterSeconds: null }],
    });
  });

  it.each([
    ["named, without a search", { ...MARCH, providers: ["TD_SYNNEX"] }, [{ provider: "TD_SYNNEX", code: "NOT_SUPPORTED", message: "TD SYNNEX has no invoice search", purchaseOrderNumbers: [], retryAfterSeconds: null }]],
    ["left out, without a search", MARCH, []],
    ["named, not configured", { ...MARCH, providers: ["INGRAM_MICRO"] }, [{ provider: "INGRAM_MICRO", code: "NOT_CONFIGURED", message: "Ingram Micro is not configured on this subgraph", purchaseOrderNumbers: [], retryAfterSeconds: null }]],
  ])("answers TD SYNNEX %s, and an empty last page", async (_name, filter, failures) => {
    const result = await withTd.run(SEARCH, { filter, first: 10 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.["invoices"]).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, failures });
  });
});
