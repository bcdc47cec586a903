// Ingram Micro's invoice search by date (issue 15): the v6 search's parameters as sent, its rows
// as header-only invoices (fixture), and the simulator's filters and sort, with the real client.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InvoiceStatus } from "../../../src/__generated__/resolvers-types.js";
import { addDays } from "../../../src/domain/dates.js";
import { detailNumberOf } from "../../../src/providers/ingram-micro/numbers.js";
import { readSearchPage } from "../../../src/providers/ingram-micro/responses.js";
import { searchParameters, searchRowInvoice } from "../../../src/providers/ingram-micro/search.js";
import type { SearchQuery } from "../../../src/providers/types.js";
import { SEARCH_DETAIL_FIELDS } from "../../../src/search/detail-fields.js";
import { closeIngram, requestContext, startIngram, type IngramHarness } from "./support.js";
import { parseIngramJson } from "../../../src/providers/ingram-micro/json.js";

const AS_OF = "2026-09-15";
const FROM = "2026-08-01";
const query = (fields: Partial<SearchQuery> = {}): SearchQuery => ({ invoiceDateFrom: FROM, invoiceDateTo: AS_OF, dueDateFrom: null, dueDateTo: null, status: null, page: 1, ...fields });

let ingram: IngramHarness;

beforeAll(async () => {
  ingram = await startIngram({ invoices: [], searchInvoicesAsOf: AS_OF }, { pageSize: 5 });
});

afterAll(closeIngram);

describe("the v6 search's parameters", () => {
  it.each<[string, Partial<SearchQuery>, Record<string, string>]>([
    ["an invoice-date window", {}, { invoiceFromDate: FROM, invoiceToDate: AS_OF }],
    ["a due-date window too", { dueDateFrom: "2026-09-20", dueDateTo: "2026-09-27" }, { invoiceFromDate: FROM, invoiceToDate: AS_OF, invoiceFromDueDate: "2026-09-20", invoiceToDueDate: "2026-09-27" }],
    ["only due dates", { invoiceDateFrom: null, invoiceDateTo: null, dueDateFrom: "2026-09-20", dueDateTo: "2026-09-27" }, { invoiceFromDueDate: "2026-09-20", invoiceToDueDate: "2026-09-27" }],
    ["open invoices", { status: "OPEN" }, { invoiceFromDate: FROM, invoiceToDate: AS_OF, invoiceStatus: "OPEN" }],
  ])("sends %s, sorted by invoice date, newest first, one page", (_name, fields, expected) => {
    expect(searchParameters(query(fields), 100)).toEqual({ orderby: "InvoiceDate", direction: "desc", pageNumber: "1", pageSize: "100", ...expected });
  });

  it.each<[InvoiceStatus]>([["CLOSED"], ["UNKNOWN"]])("leaves status %s to the subgraph: Ingram's parameter takes one text and CLOSED is two", (status) => {
    expect(searchParameters(query({ status }), 100)).not.toHaveProperty("invoiceStatus");
  });
});

describe("a row of the search", () => {
  const rows = () => readSearchPage("a search by date", { status: 200, body: parseIngramJson(readFileSync(new URL("../../fixtures/ingram-micro/search-by-date-page.json", import.meta.url), "utf8")) }).invoices;

  it("becomes a header-only invoice: number, dates, status, purchase order and exact amounts, the rest left to the detail", () => {
    const [first] = rows();
    const invoice = searchRowInvoice(detailNumberOf(first!)!, first!);
    expect(invoice).toMatchObject({
      number: "30-SR013-11",
      ref: "30-SR013-11",
      purchaseOrderNumber: "PO-S013",
      orderNumber: "30-SR013-11",
      endUserOrderNumber: "EU-13",
      documentType: { value: "INVOICE" },
      status: { value: "OPEN", code: "OPEN" },
      invoiceDate: "2026-09-10",
      orderDate: "2026-09-08",
      dueDate: "2026-10-10",
      terms: { dueDate: "2026-10-10" },
      currency: null,
      total: null,
      lines: [],
      attributes: [{ name: "gstInvoiceNumber", value: "GST-13" }, { name: "specialBidNumber", value: "SB-1" }],
      headerOnly: { detailFields: SEARCH_DETAIL_FIELDS, amounts: { total: "243.10", amountDue: "243.10" } },
    });
  });

  it.each([
    ["a number without hyphens and a paid status", 1, { number: "30-SR027-11", status: { value: "CLOSED", code: "Paid" }, dueDate: "2026-10-09", headerOnly: { amounts: { total: "12345678901234.56", amountDue: "0.00" } } }],
    ["a negative amount: a credit memo", 2, { number: "30-SR018-11", documentType: { value: "CREDIT_MEMO" }, headerOnly: { amounts: { total: "-89.50", amountDue: "-89.50" } } }],
  ])("reads %s", (_name, index, expected) => {
    const row = rows()[index]!;
    expect(searchRowInvoice(detailNumberOf(row)!, row)).toMatchObject(expected);
  });
});

describe("the search against the simulator", () => {
  it("pages newest first through the window, one call per page, every row a search invoice of the window", async () => {
    const search = ingram.provider.search!;
    const call = requestContext();
    const before = ingram.sim.apiRequests().length;
    const first = await search.page(query(), call);
    const second = await search.page(query({ page: 2 }), call);
    expect(ingram.sim.apiRequests().length - before).toBe(2);
    expect(first).toMatchObject({ hasMore: true, newestFirst: true });
    expect(first.invoices).toHaveLength(5);
    const dates = [...first.invoices, ...second.invoices].map((i) => i.invoiceDate ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates.every((d) => d >= FROM && d <= AS_OF)).toBe(true);
    expect(ingram.sim.apiRequests().at(-1)?.query).toMatchObject({ invoiceFromDate: FROM, invoiceToDate: AS_OF, orderby: "InvoiceDate", direction: "desc", pageNumber: "2", pageSize: "5" });
  });

  it("applies the due-date and open-status filters at the vendor", async () => {
    const page = await ingram.provider.search!.page(query({ invoiceDateFrom: null, invoiceDateTo: null, dueDateFrom: AS_OF, dueDateTo: addDays(AS_OF, 7), status: "OPEN" }), requestContext());
    expect(page.invoices.length).toBeGreaterThan(0);
    for (const invoice of page.invoices) {
      expect(invoice.dueDate! >= AS_OF && invoice.dueDate! <= addDays(AS_OF, 7)).toBe(true);
      expect(invoice.status?.value).toBe("OPEN");
    }
  });

  it("answers a date the search cannot read with the documented 400, which the client reports as BAD_RESPONSE", async () => {
    await expect(ingram.provider.search!.page(query({ invoiceDateFrom: "2026-9-1" }), requestContext())).rejects.toMatchObject({ code: "BAD_RESPONSE", upstreamStatus: 400 });
  });
});
