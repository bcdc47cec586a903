// Property tests of the merged paging (contract.md §1, issue 15 item 2), through the real
// subgraph (resolvers, service, cursor) over three in-memory vendors that page the three ways
// the real ones do: sorted newest first with ties in their own order (Ingram Micro), unsorted
// (fabric), not paged (Stuller). For random data, filters, page sizes and vendor page sizes,
// reading every page gives each matching invoice exactly once, in the search's order, and
// (while no vendor has more invoices on one day than its page holds) at most one vendor call
// per provider and page.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { DocumentType, InvoiceStatus, Provider } from "../../src/__generated__/resolvers-types.js";
import { addDays } from "../../src/domain/dates.js";
import { invoiceModel } from "../../src/domain/factories.js";
import type { InvoiceModel } from "../../src/domain/models.js";
import { ProviderError } from "../../src/domain/errors.js";
import { FakeSearchProvider } from "../helpers/search-fakes.js";
import { createSubgraphWithProviders, type ProviderSubgraph } from "../helpers/subgraph.js";

const BASE = "2026-01-01";
/** Runs per property; raise it locally (SEARCH_PROPERTY_RUNS=5000) for a deeper search. */
const RUNS = Number(process.env["SEARCH_PROPERTY_RUNS"] ?? 120);
const RANK: Record<Provider, number> = { INGRAM_MICRO: 0, TD_SYNNEX: 1, FABRIC: 2, STULLER: 3 };

const SEARCH = /* GraphQL */ `
  query ($filter: InvoiceFilter!, $first: Int, $after: String) {
    invoices(filter: $filter, first: $first, after: $after) {
      edges { cursor node { id provider number invoiceDate } }
      pageInfo { hasNextPage endCursor }
      failures { provider code }
    }
  }
`;

interface Row {
  readonly day: number;
  readonly number: string;
  readonly due: number | null;
  readonly status: InvoiceStatus | null;
  readonly documentType: DocumentType | null;
}

interface Filter {
  readonly invoiceDateFrom?: string;
  readonly invoiceDateTo?: string;
  readonly dueDateFrom?: string;
  readonly dueDateTo?: string;
  readonly status?: InvoiceStatus;
  readonly documentType?: DocumentType;
}

const row = fc.record({
  day: fc.integer({ min: 0, max: 20 }),
  // Few distinct numbers: ties on a day by number, and fabric's repeated numbers, are common.
  number: fc.constantFrom("10", "9", "A-1", "A-2", "B", "b", "INV-7"),
  due: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
  status: fc.constantFrom<InvoiceStatus | null>("OPEN", "CLOSED", null),
  documentType: fc.constantFrom<DocumentType | null>("INVOICE", "CREDIT_MEMO", null),
});

const dateRange = fc.tuple(fc.integer({ min: -2, max: 22 }), fc.integer({ min: 0, max: 24 })).map(([from, span]) => [addDays(BASE, from), addDays(BASE, from + span)] as const);

const invoiceFilter: fc.Arbitrary<Filter> = fc
  .record({
    invoiceDates: fc.option(dateRange, { nil: null }),
    dueDates: fc.option(dateRange, { nil: null }),
    status: fc.option(fc.constantFrom<InvoiceStatus>("OPEN", "CLOSED"), { nil: undefined }),
    documentType: fc.option(fc.constantFrom<DocumentType>("INVOICE", "CREDIT_MEMO"), { nil: undefined }),
  })
  .filter((f) => f.invoiceDates !== null || f.dueDates !== null)
  .map((f) => ({
    ...(f.invoiceDates ? { invoiceDateFrom: f.invoiceDates[0], invoiceDateTo: f.invoiceDates[1] } : {}),
    ...(f.dueDates ? { dueDateFrom: f.dueDates[0], dueDateTo: f.dueDates[1] } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.documentType ? { documentType: f.documentType } : {}),
  }));

function invoicesOf(provider: Provider, rows: readonly Row[]): InvoiceModel[] {
  return rows.map((r, i) =>
    invoiceModel(provider, { ref: String(i + 1), number: r.number }, {
      invoiceDate: addDays(BASE, r.day),
      dueDate: r.due === null ? null : addDays(BASE, r.due),
      status: r.status === null ? null : { value: r.status, code: r.status, description: r.status },
      documentType: r.documentType === null ? null : { value: r.documentType, code: null, description: r.documentType },
    }),
  );
}

/** At most `limit` invoices of one provider per day: what one vendor page holds. */
function atMostPerDay(rows: readonly Row[], limit: number): Row[] {
  const perDay = new Map<number, number>();
  return rows.filter((r) => {
    const count = (perDay.get(r.day) ?? 0) + 1;
    perDay.set(r.day, count);
    return count <= limit;
  });
}

/** The expected answer, written independently of the subgraph's own code. */
function expected(providers: ReadonlyArray<readonly [Provider, readonly InvoiceModel[]]>, filter: Filter): string[] {
  const inside = (day: string | null, from?: string, to?: string) => (from === undefined || (day !== null && day >= from)) && (to === undefined || (day !== null && day <= to));
  const all = providers.flatMap(([, invoices]) =>
    invoices.filter(
      (i) =>
        inside(i.invoiceDate, filter.invoiceDateFrom, filter.invoiceDateTo) &&
        inside(i.dueDate, filter.dueDateFrom, filter.dueDateTo) &&
        (filter.status === undefined || i.status?.value === filter.status) &&
        (filter.documentType === undefined || (i.documentType?.value ?? "INVOICE") === filter.documentType),
    ),
  );
  all.sort((a, b) => {
    const da = a.invoiceDate ?? "";
    const db = b.invoiceDate ?? "";
    if (da !== db) return da > db ? -1 : 1;
    if (a.provider !== b.provider) return RANK[a.provider] - RANK[b.provider];
    if (a.number !== b.number) return a.number < b.number ? -1 : 1;
    return a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;
  });
  return all.map((i) => i.id);
}

interface Edge {
  readonly node: { readonly id: string };
}

interface SearchPageResult {
  readonly edges: readonly Edge[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly failures: ReadonlyArray<{ provider: string; code: string }>;
}

let subgraph: ProviderSubgraph;
const ingram = new FakeSearchProvider({ id: "INGRAM_MICRO", invoices: [], style: "sorted", appliesStatus: true });
const fabric = new FakeSearchProvider({ id: "FABRIC", invoices: [], style: "unsorted" });
const stuller = new FakeSearchProvider({ id: "STULLER", invoices: [], style: "unpaged", dueDates: false });
const vendors = [ingram, fabric, stuller] as const;

beforeAll(async () => {
  subgraph = await createSubgraphWithProviders([...vendors]);
});

/** Reads every page; the ids in order, and the vendor calls of each page per provider. */
async function readAll(filter: Filter, first: number): Promise<{ ids: string[]; callsPerPage: Array<Record<string, number>> }> {
  const ids: string[] = [];
  const callsPerPage: Array<Record<string, number>> = [];
  let after: string | null = null;
  for (let pages = 0; pages < 400; pages++) {
    const before = vendors.map((v) => v.searchCalls.length);
    const result = await subgraph.run(SEARCH, { filter, first, after });
    expect(result.errors).toBeUndefined();
    const page = result.data?.["invoices"] as SearchPageResult;
    expect(page.failures).toEqual([]);
    expect(page.edges.length).toBeLessThanOrEqual(first);
    ids.push(...page.edges.map((e) => e.node.id));
    callsPerPage.push(Object.fromEntries(vendors.map((v, i) => [v.id, v.searchCalls.length - (before[i] ?? 0)])));
    if (!page.pageInfo.hasNextPage) return { ids, callsPerPage };
    expect(page.pageInfo.endCursor).not.toBeNull();
    after = page.pageInfo.endCursor;
  }
  throw new Error("the search did not end within 400 pages");
}

function load(data: { ingram: Row[]; fabric: Row[]; stuller: Row[] }, pageSize: number, perDay: boolean) {
  const rows = (r: Row[]) => (perDay ? atMostPerDay(r, pageSize) : r);
  const sets = [
    ["INGRAM_MICRO", invoicesOf("INGRAM_MICRO", rows(data.ingram))],
    ["FABRIC", invoicesOf("FABRIC", rows(data.fabric))],
    ["STULLER", invoicesOf("STULLER", data.stuller)],
  ] as const;
  ingram.replace(sets[0][1], pageSize);
  fabric.replace(sets[1][1], pageSize);
  stuller.replace(sets[2][1]);
  return sets;
}

const dataSets = fc.record({ ingram: fc.array(row, { maxLength: 40 }), fabric: fc.array(row, { maxLength: 40 }), stuller: fc.array(row, { maxLength: 25 }) });

describe("reading every page of a search", () => {
  it("gives each matching invoice exactly once, newest first, ties by provider then number, with at most one vendor call per provider and page", async () => {
    await fc.assert(
      fc.asyncProperty(dataSets, invoiceFilter, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 8 }), async (data, filter, first, pageSize) => {
        const sets = load(data, pageSize, true);
        // Stuller states no due dates: left out of `providers`, it is skipped silently.
        const searched = filter.dueDateFrom === undefined ? sets : sets.filter(([id]) => id !== "STULLER");
        const { ids, callsPerPage } = await readAll(filter, first);
        expect(ids).toEqual(expected(searched, filter));
        if (filter.invoiceDateFrom !== undefined) {
          for (const calls of callsPerPage) for (const count of Object.values(calls)) expect(count).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("stays exact when one day holds more invoices than a vendor page, and when only due dates bound the search", async () => {
    await fc.assert(
      fc.asyncProperty(dataSets, invoiceFilter, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 4 }), async (data, filter, first, pageSize) => {
        const sets = load(data, pageSize, false);
        const searched = filter.dueDateFrom === undefined ? sets : sets.filter(([id]) => id !== "STULLER");
        const { ids } = await readAll(filter, first);
        expect(ids).toEqual(expected(searched, filter));
      }),
      { numRuns: RUNS },
    );
  });

  it("never repeats or loses an invoice of a provider that failed on some pages: it keeps its place and its invoices come when it answers again", async () => {
    await fc.assert(
      fc.asyncProperty(dataSets, fc.integer({ min: 1, max: 6 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }), async (data, first, failures) => {
        const sets = load(data, 5, true);
        const filter = { invoiceDateFrom: BASE, invoiceDateTo: addDays(BASE, 20) };
        const ids: string[] = [];
        let after: string | null = null;
        for (let page = 0; page < 400; page++) {
          // fabric fails on the pages the schedule says, then answers for good.
          fabric.failWith(failures[page] === true ? new ProviderError("FABRIC", "UNAVAILABLE", "fabric answered HTTP 503") : null);
          const result = await subgraph.run(SEARCH, { filter, first, after });
          const body = result.data?.["invoices"] as SearchPageResult;
          ids.push(...body.edges.map((e) => e.node.id));
          if (!body.pageInfo.hasNextPage && body.failures.length === 0) break;
          if (body.pageInfo.endCursor !== null) after = body.pageInfo.endCursor;
        }
        expect([...ids].sort()).toEqual(expected(sets, filter).sort());
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});
