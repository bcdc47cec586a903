// Search rows that carry an invoice's header only (Ingram Micro's v6 search): the fields only
// the detail call gives are fetched per invoice, in one batch for the page, and only when the
// query selects them (contract.md §1, issue 15 item 3).
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseDecimal } from "../../src/domain/decimal.js";
import { ProviderError } from "../../src/domain/errors.js";
import { invoiceModel, lineModel } from "../../src/domain/factories.js";
import type { InvoiceModel } from "../../src/domain/models.js";
import { SEARCH_DETAIL_FIELDS } from "../../src/search/detail-fields.js";
import { FakeSearchProvider } from "../helpers/search-fakes.js";
import { createSubgraphWithProviders, type ProviderSubgraph } from "../helpers/subgraph.js";

const FILTER = { invoiceDateFrom: "2026-03-01", invoiceDateTo: "2026-03-31" };

function row(number: string, day: string, total: string, due: string): InvoiceModel {
  return invoiceModel("INGRAM_MICRO", { ref: number, number }, {
    invoiceDate: day,
    dueDate: due,
    status: { value: "OPEN", code: "OPEN", description: "Open" },
    documentType: { value: total.startsWith("-") ? "CREDIT_MEMO" : "INVOICE", code: null, description: "" },
    attributes: [{ name: "gstInvoiceNumber", value: `G-${number}` }],
    headerOnly: { detailFields: SEARCH_DETAIL_FIELDS, amounts: { total: parseDecimal(total), amountDue: parseDecimal(total) } },
  });
}

function detail(number: string, day: string, total: string, currency: string): InvoiceModel {
  return invoiceModel("INGRAM_MICRO", { ref: number, number }, {
    invoiceDate: day,
    currency,
    total: { amount: parseDecimal(total), currency },
    orderStatus: { value: "INVOICED", code: "F", description: "Invoiced" },
    attributes: [{ name: "taxtype", value: "VAT" }],
    lines: [lineModel({ number: "1", partNumber: `${number}-P`, serialNumbers: [{ value: "0001" }] })],
  });
}

const ROWS = [row("20-AAA01-11", "2026-03-10", "100.00", "2026-04-09"), row("20-AAA02-11", "2026-03-09", "-25.50", "2026-04-08"), row("20-AAA03-11", "2026-03-08", "40.10", "2026-04-07")];
// The detail of 20-AAA03-11 states another total than its row: reported, never corrected.
const DETAILS = [detail("20-AAA01-11", "2026-03-10", "100.00", "GBP"), detail("20-AAA02-11", "2026-03-09", "-25.50", "USD"), detail("20-AAA03-11", "2026-03-08", "40.01", "EUR")];

const ingram = new FakeSearchProvider({ id: "INGRAM_MICRO", invoices: ROWS, details: DETAILS, style: "sorted", pageSize: 100 });
let subgraph: ProviderSubgraph;

beforeAll(async () => {
  subgraph = await createSubgraphWithProviders([ingram]);
});

beforeEach(() => ingram.replace(ROWS));

const search = (selection: string) => subgraph.run(`query ($filter: InvoiceFilter!) { invoices(filter: $filter, first: 10) { edges { node { ${selection} } } failures { code } } }`, { filter: FILTER });
const nodes = (result: Awaited<ReturnType<typeof search>>) => (result.data?.["invoices"] as { edges: Array<{ node: Record<string, unknown> }> }).edges.map((e) => e.node);

describe("fields of a search row", () => {
  it.each([
    ["header fields", "number invoiceDate dueDate status documentType purchaseOrderNumber", ""],
    ["amounts without their currency", "number total { amount } amountDue { amount __typename }", ""],
    ["amounts through a fragment without their currency", "number total { ...Amount }", "fragment Amount on Money { amount }"],
  ])("serves %s from the row with no detail call", async (_name, selection, fragment) => {
    const result = await subgraph.run(`query ($filter: InvoiceFilter!) { invoices(filter: $filter, first: 10) { edges { node { ${selection} } } } } ${fragment}`, { filter: FILTER });
    expect(result.errors).toBeUndefined();
    expect(nodes(result)).toHaveLength(3);
    expect(ingram.refCalls).toEqual([]);
  });

  it("fetches the details of the page's invoices in one batch when lines are selected, one per invoice", async () => {
    const result = await search("number lines { partNumber serialNumbers { value } } orderStatus");
    expect(result.errors).toBeUndefined();
    expect(nodes(result)).toEqual([
      { number: "20-AAA01-11", lines: [{ partNumber: "20-AAA01-11-P", serialNumbers: [{ value: "0001" }] }], orderStatus: "INVOICED" },
      { number: "20-AAA02-11", lines: [{ partNumber: "20-AAA02-11-P", serialNumbers: [{ value: "0001" }] }], orderStatus: "INVOICED" },
      { number: "20-AAA03-11", lines: [{ partNumber: "20-AAA03-11-P", serialNumbers: [{ value: "0001" }] }], orderStatus: "INVOICED" },
    ]);
    expect(ingram.refCalls).toEqual([["20-AAA01-11", "20-AAA02-11", "20-AAA03-11"]]);
  });

  it("gives an amount's currency from the detail, the amount due from the row, and reports a total the detail states otherwise", async () => {
    const result = await search("number total { amount currency } amountDue { amount currency } attributes { name value } discrepancies { expected actual }");
    expect(result.errors).toBeUndefined();
    const [first, , third] = nodes(result);
    expect(first).toEqual({
      number: "20-AAA01-11",
      total: { amount: "100.00", currency: "GBP" },
      amountDue: { amount: "100.00", currency: "GBP" },
      attributes: [{ name: "taxtype", value: "VAT" }, { name: "gstInvoiceNumber", value: "G-20-AAA01-11" }],
      discrepancies: [],
    });
    expect(third).toMatchObject({ total: { amount: "40.01", currency: "EUR" }, discrepancies: [{ expected: "40.10", actual: "40.01" }] });
    expect(ingram.refCalls).toHaveLength(1);
  });

  it("keeps the page when a detail fails: the rows stay, each detail field carries the provider's error", async () => {
    ingram.failDetailsWith(new ProviderError("INGRAM_MICRO", "RATE_LIMITED", "Ingram Micro answered HTTP 429", { retryAfterSeconds: 12 }));
    const result = await search("number lines { partNumber } shipDate");
    expect(nodes(result).map((n) => n["number"])).toEqual(["20-AAA01-11", "20-AAA02-11", "20-AAA03-11"]);
    expect(nodes(result)[0]).toEqual({ number: "20-AAA01-11", lines: [], shipDate: null });
    expect(result.errors).toHaveLength(6);
    const atFirst = result.errors?.filter((e) => e.path?.[2] === 0).map((e) => ({ path: e.path, code: e.extensions?.["code"], retryAfterSeconds: e.extensions?.["retryAfterSeconds"] }));
    expect(atFirst).toEqual(
      expect.arrayContaining([
        { path: ["invoices", "edges", 0, "node", "lines"], code: "PROVIDER_RATE_LIMITED", retryAfterSeconds: 12 },
        { path: ["invoices", "edges", 0, "node", "shipDate"], code: "PROVIDER_RATE_LIMITED", retryAfterSeconds: 12 },
      ]),
    );
  });

  it("marks an invoice whose detail the provider no longer serves as archived, with no amount it cannot name the currency of", async () => {
    ingram.replace([...ROWS, row("20-OLD01-11", "2026-03-01", "12.00", "2026-03-31")]);
    const result = await search("number archived total { amount currency } lines { partNumber }");
    expect(nodes(result).at(-1)).toEqual({ number: "20-OLD01-11", archived: true, total: null, lines: [] });
  });
});
