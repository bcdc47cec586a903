// fabric's invoice list as a search (issue 15): the epoch-second bounds sent for calendar days,
// the day boundaries they keep exact, the simulator's filters, and a search through the
// subgraph that narrows its window when a page cannot hold it (fabric does not sort).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../../src/domain/dates.js";
import { searchFilters } from "../../../src/providers/fabric/search.js";
import type { SearchQuery } from "../../../src/providers/types.js";
import { fabricSearchInvoices } from "../../../src/sandbox/fabric/search-invoices.js";
import { requestContext } from "../ingram-micro/support.js";
import { startHarness, type Harness } from "./harness.js";

const AS_OF = "2026-09-15";
const epoch = (day: string) => String(Date.parse(`${day}T00:00:00Z`) / 1000);
const query = (fields: Partial<SearchQuery> = {}): SearchQuery => ({ invoiceDateFrom: "2026-09-01", invoiceDateTo: "2026-09-10", dueDateFrom: null, dueDateTo: null, status: null, page: 1, ...fields });

let fabric: Harness;

beforeAll(async () => {
  // Page size 5: the 90-day search below needs narrower windows than one page.
  fabric = await startHarness({ simulator: { sample: false, searchInvoicesAsOf: AS_OF }, provider: { pageSize: 5 } });
});

afterAll(async () => {
  await fabric?.close();
});

describe("the list's filters", () => {
  it.each<[string, Partial<SearchQuery>, Record<string, string>]>([
    ["invoice days as UTC midnights, the last one exclusive on the next day", {}, { invoiced_at_gte: epoch("2026-09-01"), invoiced_at_lt: epoch("2026-09-11") }],
    [
      "due days a day wider on each side (fabric does not say how an epoch bound meets a date)",
      { invoiceDateFrom: null, invoiceDateTo: null, dueDateFrom: "2026-09-20", dueDateTo: "2026-09-27" },
      { terms_date_due_gte: epoch("2026-09-19"), terms_date_due_lt: epoch("2026-09-29") },
    ],
    ["no status filter: fabric's list has none, and is_paid is about payments", { status: "OPEN" }, { invoiced_at_gte: epoch("2026-09-01"), invoiced_at_lt: epoch("2026-09-11") }],
  ])("sends %s", (_name, fields, expected) => {
    expect(searchFilters(query(fields))).toEqual(expected);
  });
});

describe("the search against the simulator", () => {
  it("keeps an invoice of the window's last UTC day to its last second, and none of the next day", async () => {
    // Two search invoices moved to the edges of 2026-09-10 (UTC): 23:59:59 is in, midnight after is out.
    fabric.sim.control.updateInvoice(101, { invoiced_at: "2026-09-10T23:59:59Z" });
    fabric.sim.control.updateInvoice(102, { invoiced_at: "2026-09-11T00:00:00Z" });
    const page = await fabric.provider.search!.page(query(), requestContext());
    const numbers = page.invoices.map((i) => i.number);
    expect(numbers).toContain("FS-0001");
    expect(numbers).not.toContain("FS-0002");
    expect(page.invoices.every((i) => i.invoiceDate! >= "2026-09-01" && i.invoiceDate! <= "2026-09-10")).toBe(true);
    expect(page).toMatchObject({ newestFirst: false, total: page.invoices.length, hasMore: false });
    const listed = fabric.sim.requests.filter((r) => r.route === "list").at(-1);
    expect(listed?.params).toMatchObject({ invoiced_at_gte: epoch("2026-09-01"), invoiced_at_lt: epoch("2026-09-11"), limit: "5", page: "1" });
  });

  it("reports a list call fabric refuses (DRF 400) as BAD_RESPONSE", async () => {
    fabric.sim.control.failNext(1, { status: 400, route: "list" });
    await expect(fabric.provider.search!.page(query(), requestContext())).rejects.toMatchObject({ code: "BAD_RESPONSE" });
  });

  it("reads a 90-day search whole through narrower windows, each page one list call", async () => {
    const [first, second] = fabricSearchInvoices(AS_OF);
    fabric.sim.control.updateInvoice(101, { invoiced_at: first?.invoiced_at });
    fabric.sim.control.updateInvoice(102, { invoiced_at: second?.invoiced_at });
    const filter = { invoiceDateFrom: addDays(AS_OF, -89), invoiceDateTo: AS_OF };
    const wanted = fabricSearchInvoices(AS_OF)
      .filter((i) => i.invoiced_at!.slice(0, 10) >= filter.invoiceDateFrom)
      .sort((a, b) => (a.invoiced_at! === b.invoiced_at! ? (a.invoice_number < b.invoice_number ? -1 : 1) : a.invoiced_at! > b.invoiced_at! ? -1 : 1))
      .map((i) => i.invoice_number);
    const seen: string[] = [];
    let after: string | null = null;
    for (let n = 0; n < 40; n++) {
      const before = fabric.count("list");
      const result = await fabric.run(`query ($f: InvoiceFilter!, $a: String) { invoices(filter: $f, first: 4, after: $a) { edges { node { number } } pageInfo { hasNextPage endCursor } } }`, { f: filter, a: after });
      expect(result.errors).toBeUndefined();
      expect(fabric.count("list") - before).toBeLessThanOrEqual(1);
      const body = result.data?.["invoices"] as { edges: Array<{ node: { number: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      seen.push(...body.edges.map((e) => e.node.number));
      if (!body.pageInfo.hasNextPage) break;
      after = body.pageInfo.endCursor;
    }
    expect(seen).toEqual(wanted);
  });
});
