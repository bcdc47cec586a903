// The Stuller provider behind the real subgraph: what a client reads through GraphQL, checked
// against the exact text the simulator put on the wire.
// Deadlines and undici's timeouts run on a fake clock that no test here moves
// (helpers/fake-clock.ts): on a busy machine a healthy call waits, it never times out.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { basicAuthorization } from "../../../src/providers/stuller/client.js";
import { STULLER_SAMPLE_PURCHASE_ORDERS } from "../../../src/sandbox/stuller/index.js";
import { createSubgraphWithProviders, type ProviderSubgraph } from "../../helpers/subgraph.js";
import { startStullerHarness, type StullerHarness } from "./support.js";
import { useFakeClock, useRealClock } from "../../helpers/fake-clock.js";

let harness: StullerHarness;
let subgraph: ProviderSubgraph;
beforeAll(async () => {
  useFakeClock();
  harness = await startStullerHarness();
  subgraph = await createSubgraphWithProviders([harness.provider]);
});
afterAll(async () => {
  useRealClock();
  await subgraph?.apollo.stop();
  await harness?.close();
});
beforeEach(() => harness.simulator.control.reset());

interface Gql {
  number: string;
  orderNumber: string | null;
  total: { amount: string } | null;
  amountDue: { amount: string } | null;
  tax: { amount: string } | null;
  freight: { amount: string } | null;
  attributes: Array<{ name: string; value: string | null }>;
  metalMarketRates: Array<{ metal: string; rate: string | null; base: string | null }>;
  lines: Array<{ number: string | null; quantityShipped: string | null; quantityBackordered: string | null; unitPrice: { amount: string } | null; extendedPrice: { amount: string } | null }>;
}

const AMOUNTS = `number orderNumber total { amount currency } amountDue { amount } tax { amount } freight { amount }
  attributes { name value } metalMarketRates { metal rate base adder }
  lines { number quantityShipped quantityBackordered unitPrice { amount currency } extendedPrice { amount } }`;

async function invoicesOf(pos: readonly string[], fields: string): Promise<Array<Record<string, unknown>>> {
  const result = await subgraph.run(`query($pos: [String!]!) { invoicesByPurchaseOrder(purchaseOrderNumbers: $pos) { invoices { ${fields} } failures { code message } } }`, { pos });
  expect(result.errors).toBeUndefined();
  const lookup = result.data?.["invoicesByPurchaseOrder"] as { invoices: Array<Record<string, unknown>>; failures: unknown[] };
  expect(lookup.failures).toEqual([]);
  return lookup.invoices;
}

/** The wire value a Stuller field name maps to in the GraphQL answer. */
function graphqlValue(invoice: Gql, name: string, line: number): string | null | undefined {
  const metal = (m: string) => invoice.metalMarketRates.find((rate) => rate.metal === m);
  const detail = invoice.lines[line];
  const values: Record<string, () => string | null | undefined> = {
    OrderNumber: () => invoice.orderNumber,
    OrderTotal: () => invoice.attributes.find((a) => a.name === "OrderTotal")?.value,
    InvoiceTotal: () => invoice.total?.amount,
    TotalDue: () => invoice.amountDue?.amount,
    SalesTax: () => invoice.tax?.amount,
    PostageAndHandling: () => invoice.freight?.amount,
    GoldMarketRate: () => metal("GOLD")?.rate,
    GoldMarketBase: () => metal("GOLD")?.base,
    PlatinumMarketRate: () => metal("PLATINUM")?.rate,
    PlatinumMarketBase: () => metal("PLATINUM")?.base,
    SilverMarketRate: () => metal("SILVER")?.rate,
    SilverMarketBase: () => metal("SILVER")?.base,
    LineNumber: () => detail?.number,
    ShipQuantity: () => detail?.quantityShipped,
    BackOrderedQuantity: () => detail?.quantityBackordered,
    UnitPrice: () => detail?.unitPrice?.amount,
    LineTotal: () => detail?.extendedPrice?.amount,
  };
  const read = values[name];
  if (!read) throw new Error(`the precision test does not know where ${name} goes; add it`);
  return read();
}

describe("Stuller through GraphQL", () => {
  it("returns every number literal of the simulator's JSON digit for digit", async () => {
    const query = STULLER_SAMPLE_PURCHASE_ORDERS.map((po) => `PurchaseOrderNumber=${po}`).join("&");
    const raw = await fetch(`${harness.simulator.url}/v2/invoice?${query}`, {
      headers: { authorization: basicAuthorization(harness.simulator.credentials), accept: "application/json" },
    }).then((res) => res.text());
    const invoices = (await invoicesOf(STULLER_SAMPLE_PURCHASE_ORDERS, AMOUNTS)) as unknown as Gql[];

    // One segment per invoice in the simulator's compact JSON, which starts each with OrderNumber.
    const segments = raw.split('{"OrderNumber":').slice(1).map((segment) => `"OrderNumber":${segment}`);
    expect(segments).toHaveLength(invoices.length);
    const literals: string[] = [];
    const unitPrices: string[] = [];
    segments.forEach((segment, index) => {
      const invoice = invoices[index] as Gql;
      expect(segment).toContain(`"InvoiceNumber":"${invoice.number}"`);
      let line = -1;
      const pairs = [...segment.matchAll(/"(\w+)":(-?[0-9][0-9.eE+-]*)/g)].map(([, name = "", literal = ""]) => {
        if (name === "LineNumber") line += 1;
        if (name === "UnitPrice") unitPrices.push(literal);
        literals.push(literal);
        return [name, literal];
      });
      line = -1;
      const fromGraphql = pairs.map(([name = ""]) => {
        if (name === "LineNumber") line += 1;
        return [name, graphqlValue(invoice, name, line)];
      });
      expect(fromGraphql).toEqual(pairs);
    });

    expect(literals).toEqual(expect.arrayContaining(["12345678901234.56", "0.1", "19.99", "1.0", "12345678901234567890", "0.3"]));
    expect(unitPrices.filter((price) => price === "19.99")).toHaveLength(3);
    // The test has teeth: these literals do not survive a trip through a double.
    expect(literals.filter((literal) => String(Number(literal)) !== literal).length).toBeGreaterThan(10);
  });

  it("flags the line whose LineTotal is not UnitPrice × ShipQuantity, and leaves the amount as sent", async () => {
    const invoices = await invoicesOf(STULLER_SAMPLE_PURCHASE_ORDERS, "number discrepancies { lineNumber field expected actual message } lines { number extendedPrice { amount } }");
    const flagged = invoices.filter((invoice) => (invoice["discrepancies"] as unknown[]).length > 0);
    expect(flagged.map((invoice) => [invoice["number"], invoice["discrepancies"]])).toEqual([
      [
        "70010021",
        [{ lineNumber: "2", field: "Line.extendedPrice", expected: "136.50", actual: "135.00", message: "Stuller line 2: LineTotal 135.00 is not UnitPrice 45.50 × ShipQuantity 3 = 136.50" }],
      ],
    ]);
    expect(flagged[0]?.["lines"]).toEqual([
      { number: "1", extendedPrice: { amount: "300.00" } },
      { number: "2", extendedPrice: { amount: "135.00" } },
    ]);
  });

  it.each([
    { number: "70010021", invoiceDate: "2026-02-08", invoicedAt: "2026-02-08T22:53:43.3516979-06:00", orderDate: "2026-02-07", orderedAt: "2026-02-07T23:59:59.9999999-06:00" },
    { number: "70010031", invoiceDate: "2026-01-31", invoicedAt: "2026-01-31T23:30:00.0000000-06:00", orderDate: "2026-01-30", orderedAt: "2026-01-30T10:00:00.0000000-06:00" },
    { number: "70010022", invoiceDate: "2026-03-12", invoicedAt: "2026-03-12T07:05:09.0000001-05:00", orderDate: "2026-03-11", orderedAt: "2026-03-11T16:45:00.2500000-05:00" },
  ])("dates invoice $number on Stuller's own day $invoiceDate, keeping the offset and all seven fraction digits", async (expected) => {
    const result = await subgraph.run(`{ invoice(provider: STULLER, number: "${expected.number}") { number invoiceDate invoicedAt orderDate orderedAt } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.["invoice"]).toEqual(expected);
  });

  it("keeps the local day where the UTC day is already the next one", () => {
    expect(new Date("2026-02-08T22:53:43.3516979-06:00").toISOString().slice(0, 10)).toBe("2026-02-09");
  });

  it.each([
    // Shipped and Invoiced describe the order, not payment: TotalDue says whether anything is owed.
    ["5123456", "OPEN", "Shipped"],
    ["70010012", "CLOSED", "Closed"],
    ["70010021", "OPEN", "Open"],
    ["70010031", "OPEN", "Invoiced"],
    ["70010041", "CLOSED", "Shipped"],
  ])("reports invoice %s as status %s with the raw Stuller status %s", async (number, status, statusCode) => {
    const result = await subgraph.run(`{ invoice(provider: STULLER, number: "${number}") { status statusCode } }`);
    expect(result.data?.["invoice"]).toEqual({ status, statusCode });
  });

  it("exposes gold, platinum and silver market rate, base and adder", async () => {
    const result = await subgraph.run(`{ invoice(provider: STULLER, number: "70010022") { metalMarketRates { metal rate base adder } } }`);
    expect(result.data?.["invoice"]).toEqual({
      metalMarketRates: [
        { metal: "GOLD", rate: "2041.10", base: "2000.00", adder: "41.10" },
        { metal: "PLATINUM", rate: "998.75", base: "1000.00", adder: "-1.25" },
        { metal: "SILVER", rate: "23.4", base: "22.00", adder: "1.40" },
      ],
    });
  });

  it("resolves an invoice again from its id through _entities, with one InvoiceNumber call", async () => {
    const first = await subgraph.run(`{ invoice(provider: STULLER, number: "5123456") { id } }`);
    const id = (first.data?.["invoice"] as { id: string }).id;
    harness.simulator.control.reset();
    const result = await subgraph.run(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Invoice { number purchaseOrderNumber total { amount } } } }`, {
      reps: [{ __typename: "Invoice", id }],
    });
    expect(result.data?.["_entities"]).toEqual([{ number: "5123456", purchaseOrderNumber: "PO-1001", total: { amount: "12345678901234.56" } }]);
    expect(harness.simulator.requests.map((r) => r.invoiceNumbers)).toEqual([["5123456"]]);
  });
});
