// Deadlines and undici's timeouts run on a fake clock that no test here moves
// (helpers/fake-clock.ts): on a busy machine a healthy call waits, it never times out.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSubgraphWithProviders, type ProviderSubgraph } from "../../helpers/subgraph.js";
import { startTdHarness, type TdHarness } from "./support.js";
import { useFakeClock, useRealClock } from "../../helpers/fake-clock.js";

let td: TdHarness;
let subgraph: ProviderSubgraph;
beforeAll(async () => {
  useFakeClock();
  td = await startTdHarness();
  subgraph = await createSubgraphWithProviders([td.provider]);
});
afterAll(async () => {
  useRealClock();
  await subgraph.apollo.stop();
  await td.close();
});
beforeEach(() => {
  td.simulator.control.reset();
});

const LOOKUP = /* GraphQL */ `
  query Lookup($pos: [String!]!) {
    invoicesByPurchaseOrder(purchaseOrderNumbers: $pos, providers: [TD_SYNNEX]) {
      invoices { id number purchaseOrderNumber documentType total { amount currency } lines { number serialNumbers { value } } }
      failures { provider code purchaseOrderNumbers }
      notices { provider purchaseOrderNumber code message }
    }
  }
`;

interface Lookup {
  invoices: Array<{ id: string; number: string; purchaseOrderNumber: string; documentType: string; total: { amount: string } | null }>;
  failures: Array<{ provider: string; code: string; purchaseOrderNumbers: string[] }>;
  notices: Array<{ provider: string; purchaseOrderNumber: string; code: string; message: string }>;
}

async function lookup(pos: readonly string[]): Promise<Lookup> {
  const result = await subgraph.run(LOOKUP, { pos });
  expect(result.errors).toBeUndefined();
  return (result.data as { invoicesByPurchaseOrder: Lookup }).invoicesByPurchaseOrder;
}

const TEN_POS = ["PO-1001", "PO-1002", "PO-1003", "00123", "PO-RMA-11", "PO-RMA-16", "PO-FREIGHT", "PO-NOTFOUND", "PO-NOTINVOICED", "PO-ARCHIVED"];

describe("TD SYNNEX through GraphQL (real client, simulator upstream)", () => {
  it("sends exactly one POST per purchase order for a query of 10 POs", async () => {
    const before = td.simulator.requests.length;
    const result = await lookup(TEN_POS);
    const sent = td.simulator.requests.slice(before).map((r) => r.purchaseOrder);
    expect(sent).toHaveLength(10);
    expect(new Set(sent)).toEqual(new Set(TEN_POS));
    expect(result.failures).toEqual([]);
    expect(result.invoices).toHaveLength(10);
  });

  it("sends fewer POSTs when the list repeats purchase orders", async () => {
    const before = td.simulator.requests.length;
    await lookup(["PO-1001", "PO-1002", "PO-1001", "PO-1002", "PO-1001"]);
    expect(td.simulator.requests.length - before).toBe(2);
  });

  it("returns all 3 invoices of a PO split into 3 invoices", async () => {
    const result = await lookup(["PO-1002"]);
    expect(result.invoices.map((i) => [i.number, i.purchaseOrderNumber, i.total?.amount])).toEqual([
      ["67100010", "PO-1002", "99.95"],
      ["67100011", "PO-1002", "2878.81"],
      ["67100012", "PO-1002", "865.00"],
    ]);
  });

  it("maps every order type to its document type", async () => {
    const result = await lookup(["PO-1001", "00123", "PO-RMA-11", "PO-1003", "PO-RMA-16"]);
    expect(result.invoices.map((i) => i.documentType)).toEqual(["SALES_ORDER", "SALES_ORDER", "RMA_RTC", "RMA_ADVANCED_SWAP", "CREDIT_MEMO", "RMA_CC"]);
  });

  it("puts 'not invoiced yet' and 'archived' in InvoiceLookup.notices, and 'not found' nowhere", async () => {
    const result = await lookup(["PO-NOTINVOICED", "PO-ARCHIVED", "PO-NOTFOUND"]);
    expect(result.invoices).toEqual([]);
    expect(result.failures).toEqual([]);
    expect(result.notices).toEqual([
      { provider: "TD_SYNNEX", purchaseOrderNumber: "PO-NOTINVOICED", code: "NOT_INVOICED_YET", message: "Order not invoiced yet" },
      { provider: "TD_SYNNEX", purchaseOrderNumber: "PO-ARCHIVED", code: "ARCHIVED", message: "Invoice has been archived because its older than 540 days." },
    ]);
  });

  it("lists a PO whose answer is unreadable under failures and still returns the other POs", async () => {
    td.simulator.control.queue({ kind: "truncated" });
    const serialSubgraph = await createSubgraphWithProviders([td.providerWith({}, { concurrency: 1 })]);
    try {
      const result = (await serialSubgraph.run(LOOKUP, { pos: ["PO-1001", "PO-1003"] })).data as { invoicesByPurchaseOrder: Lookup };
      const { invoices, failures } = result.invoicesByPurchaseOrder;
      expect(failures).toEqual([{ provider: "TD_SYNNEX", code: "BAD_RESPONSE", purchaseOrderNumbers: ["PO-1001"] }]);
      expect(invoices.map((i) => i.number)).toEqual(["67200020"]);
    } finally {
      await serialSubgraph.apollo.stop();
    }
  });

  it("answers invoice(number) and _entities for the same invoice with one POST", async () => {
    const first = await subgraph.run(`{ invoice(provider: TD_SYNNEX, number: "00123456") { id } }`);
    const id = (first.data as { invoice: { id: string } }).invoice.id;
    const before = td.simulator.requests.length;
    const result = await subgraph.run(
      `query Both($reps: [_Any!]!) {
        invoice(provider: TD_SYNNEX, number: "00123456") { number shipTo { postalCode } }
        _entities(representations: $reps) { ... on Invoice { number purchaseOrderNumber } }
      }`,
      { reps: [{ __typename: "Invoice", id }] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      invoice: { number: "00123456", shipTo: { postalCode: "02134" } },
      _entities: [{ number: "00123456", purchaseOrderNumber: "00123" }],
    });
    expect(td.simulator.requests.length - before).toBe(1);
  });
});

describe("TD SYNNEX credit memos and due dates through GraphQL (issue 14)", () => {
  it("reaches a credit memo's original invoice by its InternalReferenceNumber, with one order lookup for it", async () => {
    const before = td.simulator.requests.length;
    const result = await subgraph.run(/* GraphQL */ `{
      invoicesByPurchaseOrder(purchaseOrderNumbers: ["PO-1004"], providers: [TD_SYNNEX]) {
        invoices {
          number documentType documentTypeCode invoiceDate dueDate freight { amount } total { amount }
          originalDocumentNumber originalInvoice { number purchaseOrderNumber total { amount } }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect((result.data?.["invoicesByPurchaseOrder"] as { invoices: unknown[] }).invoices).toEqual([
      {
        number: "67200021", documentType: "CREDIT_MEMO", documentTypeCode: "14", invoiceDate: "2024-07-20", dueDate: "2024-08-19", freight: { amount: "0.0" }, total: { amount: "-10.76" },
        originalDocumentNumber: "67000001", originalInvoice: { number: "67000001", purchaseOrderNumber: "PO-1001", total: { amount: "1355.97" } },
      },
      {
        number: "67000002", documentType: "SALES_ORDER", documentTypeCode: "01", invoiceDate: "2024-02-20", dueDate: "2024-03-01", freight: { amount: "12.00" }, total: { amount: "120.00" },
        originalDocumentNumber: null, originalInvoice: null,
      },
    ]);
    expect(td.simulator.requests.slice(before).map((r) => r.purchaseOrder ?? `order ${r.orderNumber}`)).toEqual(["PO-1004", "order 67000001"]);
  });
});
