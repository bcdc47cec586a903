// Issue 15's "done when", against the sandbox simulators with the real clients: a 90-day search
// read with `first: 7` gives every matching invoice of every searching provider exactly once,
// in order, at most one search call per provider and page; header fields alone cost no Ingram
// detail call, lines one per Ingram invoice of the page; TD SYNNEX named is NOT_SUPPORTED; a
// provider at 503 is a failure beside the others' invoices.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Provider } from "../../src/__generated__/resolvers-types.js";
import { addDays } from "../../src/domain/dates.js";
import { fabricSearchInvoices } from "../../src/sandbox/fabric/search-invoices.js";
import { ingramSearchInvoices } from "../../src/sandbox/ingram-micro/search-invoices.js";
import { stullerSearchInvoices } from "../../src/sandbox/stuller/search-invoices.js";
import { startSearchSandbox, type SearchSandbox } from "../helpers/search-sandbox.js";
import { createSubgraphWithProviders, type ProviderSubgraph } from "../helpers/subgraph.js";

// The sandbox's "today" for this file: far from the fixed sample invoices' dates, so the
// search finds only the search invoices, whose dates count back from it.
const AS_OF = "2026-09-15";
const NINETY_DAYS = { invoiceDateFrom: addDays(AS_OF, -89), invoiceDateTo: AS_OF };
const RANK: Record<Provider, number> = { INGRAM_MICRO: 0, TD_SYNNEX: 1, FABRIC: 2, STULLER: 3 };

let sandbox: SearchSandbox;
let subgraph: ProviderSubgraph;

beforeAll(async () => {
  sandbox = await startSearchSandbox(AS_OF);
  subgraph = await createSubgraphWithProviders(sandbox.providers, { deadlineMs: 15_000 });
});

afterAll(async () => {
  await sandbox?.close();
});

beforeEach(() => {
  sandbox.stuller.control.reset();
  sandbox.fabric.control.heal();
  sandbox.ingram.control.reset();
});

interface Node {
  readonly provider: Provider;
  readonly number: string;
  readonly invoiceDate: string;
  readonly lines?: ReadonlyArray<{ partNumber: string }>;
}

interface Page {
  readonly edges: ReadonlyArray<{ cursor: string; node: Node }>;
  readonly pageInfo: { hasNextPage: boolean; endCursor: string | null };
  readonly failures: ReadonlyArray<{ provider: Provider; code: string; message: string; purchaseOrderNumbers: string[] }>;
}

const query = (selection: string) => /* GraphQL */ `
  query ($filter: InvoiceFilter!, $first: Int, $after: String) {
    invoices(filter: $filter, first: $first, after: $after) {
      edges { cursor node { ${selection} } }
      pageInfo { hasNextPage endCursor }
      failures { provider code message purchaseOrderNumbers }
    }
  }
`;

async function page(selection: string, variables: Record<string, unknown>): Promise<{ page: Page; errors: unknown }> {
  const result = await subgraph.run(query(selection), variables);
  return { page: result.data?.["invoices"] as Page, errors: result.errors };
}

/** The sandbox's search invoices in the window, in the search's order: written from the data, not from the subgraph. */
function expectedIn(from: string, to: string): string[] {
  const all: Array<{ provider: Provider; number: string; date: string }> = [
    ...ingramSearchInvoices(AS_OF).map((i) => ({ provider: "INGRAM_MICRO" as const, number: i.number, date: String(i.detail["invoicedate"]) })),
    ...fabricSearchInvoices(AS_OF).map((i) => ({ provider: "FABRIC" as const, number: i.invoice_number, date: String(i.invoiced_at).slice(0, 10) })),
    ...stullerSearchInvoices(AS_OF).map((i) => ({ provider: "STULLER" as const, number: String(i.InvoiceNumber), date: String(i.InvoiceDate).slice(0, 10) })),
  ];
  return all
    .filter((i) => i.date >= from && i.date <= to)
    .sort((a, b) => (a.date !== b.date ? (a.date > b.date ? -1 : 1) : a.provider !== b.provider ? RANK[a.provider] - RANK[b.provider] : a.number < b.number ? -1 : 1))
    .map((i) => `${i.date} ${i.provider} ${i.number}`);
}

describe("a 90-day search of the sandbox, read with first: 7", () => {
  it("gives every invoice of every searching provider once, newest first, with at most one search call per provider and page and no Ingram detail call", async () => {
    const seen: string[] = [];
    const callsPerPage: Array<Record<string, number>> = [];
    const detailsBefore = sandbox.ingramDetails();
    let after: string | null = null;
    for (let n = 0; n < 60; n++) {
      const before = sandbox.searchCalls();
      const { page: p, errors } = await page("provider number invoiceDate status dueDate total { amount }", { filter: NINETY_DAYS, first: 7, after });
      expect(errors).toBeUndefined();
      expect(p.failures).toEqual([]);
      const now = sandbox.searchCalls();
      callsPerPage.push({ INGRAM_MICRO: now.INGRAM_MICRO - before.INGRAM_MICRO, FABRIC: now.FABRIC - before.FABRIC, STULLER: now.STULLER - before.STULLER });
      seen.push(...p.edges.map((e) => `${e.node.invoiceDate} ${e.node.provider} ${e.node.number}`));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    const wanted = expectedIn(NINETY_DAYS.invoiceDateFrom, NINETY_DAYS.invoiceDateTo);
    expect(wanted.length).toBeGreaterThan(60);
    expect(seen).toEqual(wanted);
    expect(callsPerPage.length).toBe(Math.ceil(wanted.length / 7));
    for (const calls of callsPerPage) for (const count of Object.values(calls)) expect(count).toBeLessThanOrEqual(1);
    expect(sandbox.ingramDetails()).toBe(detailsBefore);
  });

  it("fetches one Ingram detail per Ingram invoice of the page when lines are selected, within the rate budget", async () => {
    let after: string | null = null;
    for (let n = 0; n < 2; n++) {
      const before = sandbox.ingramDetails();
      const { page: p, errors } = await page("provider number invoiceDate lines { partNumber }", { filter: NINETY_DAYS, first: 7, after });
      expect(errors).toBeUndefined();
      const ingramOnPage = p.edges.filter((e) => e.node.provider === "INGRAM_MICRO");
      expect(ingramOnPage.length).toBeGreaterThan(0);
      expect(sandbox.ingramDetails() - before).toBe(ingramOnPage.length);
      for (const edge of p.edges) expect(edge.node.lines?.length).toBe(1);
      after = p.pageInfo.endCursor;
    }
  });
});

describe("providers that cannot search, or fail", () => {
  it("lists TD SYNNEX, named, as NOT_SUPPORTED beside the others' invoices", async () => {
    const { page: p, errors } = await page("provider number", { filter: { ...NINETY_DAYS, providers: ["TD_SYNNEX", "FABRIC"] }, first: 5 });
    expect(errors).toBeUndefined();
    expect(p.failures).toEqual([{ provider: "TD_SYNNEX", code: "NOT_SUPPORTED", message: "TD SYNNEX has no invoice search", purchaseOrderNumbers: [] }]);
    expect(p.edges.map((e) => e.node.provider)).toEqual(["FABRIC", "FABRIC", "FABRIC", "FABRIC", "FABRIC"]);
  });

  it("gives a provider answering 503 as its failure, and the other providers' invoices", async () => {
    sandbox.stuller.control.failAlways({ kind: "status", status: 503 });
    const window = { invoiceDateFrom: addDays(AS_OF, -29), invoiceDateTo: AS_OF };
    const { page: p, errors } = await page("provider number invoiceDate", { filter: window, first: 100 });
    expect(errors).toBeUndefined();
    expect(p.failures).toEqual([expect.objectContaining({ provider: "STULLER", code: "UNAVAILABLE", purchaseOrderNumbers: [] })]);
    expect(p.edges.map((e) => `${e.node.invoiceDate} ${e.node.provider} ${e.node.number}`)).toEqual(expectedIn(window.invoiceDateFrom, window.invoiceDateTo).filter((line) => !line.includes("STULLER")));
  });
});
