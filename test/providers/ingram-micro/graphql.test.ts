// End to end: GraphQL through the real subgraph, the real Ingram Micro client and the
// simulator over loopback. The vendor's five "Recommended Tests" with exact values, every
// vendor code, purchase orders, entities, retries and tokens.
// Deadlines and undici's timeouts run on a fake clock that no test here moves
// (helpers/fake-clock.ts): on a busy machine a healthy call waits, it never times out.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { INGRAM_CREDIT_MEMO_REASON_ROWS, INGRAM_HOLD_REASON_ROWS, INGRAM_ORDER_STATUS_ROWS } from "../../../src/domain/code-tables/index.js";
import { CATALOG_INVOICES } from "../../../src/sandbox/ingram-micro/catalog.js";
import { NAMED_INVOICES } from "../../../src/sandbox/ingram-micro/invoices.js";
import { PRODUCTION_TRANSPORT } from "../../../src/providers/production.js";
import { createSubgraphWithProviders } from "../../helpers/subgraph.js";
import { apiCalls, closeIngram, startIngram } from "./support.js";
import { useFakeClock, useRealClock } from "../../helpers/fake-clock.js";

beforeEach(() => useFakeClock());
afterEach(async () => {
  useRealClock();
  await closeIngram();
});

const INVOICE = /* GraphQL */ `
  query ($number: String!) {
    invoice(provider: INGRAM_MICRO, number: $number) {
      number purchaseOrderNumber orderNumber endUserOrderNumber referenceNumber documentType
      orderStatus orderStatusCode
      holdReason { code description reason }
      creditMemoReason { code description reason }
      invoiceDate orderDate shipDate currency companyCurrency exchangeRate
      subtotal { amount currency } tax { amount } freight { amount } discount { amount } total { amount currency }
      terms { typeCode }
      billTo { name attention lines city region postalCode country accountNumber }
      shipTo { name attention lines city region postalCode country accountNumber }
      carrier { code name }
      trackingNumbers weight
      lines {
        number partNumber manufacturerPartNumber description quantityOrdered quantityShipped quantityBackordered backorderEta
        unitPrice { amount } extendedPrice { amount } warehouse serialNumbers { value } trackingNumbers attributes { name value }
      }
      charges { kind code description amount { amount currency } }
      attributes { name value }
    }
  }
`;

async function subgraph(...args: Parameters<typeof startIngram>) {
  const harness = await startIngram(...args);
  return { ...harness, sg: await createSubgraphWithProviders([harness.provider]) };
}

describe("the vendor's recommended tests", () => {
  it("returns an open order with its hold reason and back-ordered line", async () => {
    const { sg } = await subgraph();
    const { data, errors } = await sg.run(INVOICE, { number: "20-RCW67-11" });
    expect(errors).toBeUndefined();
    expect(data?.["invoice"]).toMatchObject({
      number: "20-RCW67-11", purchaseOrderNumber: "PO-1002", orderNumber: "20-RCW67-11", endUserOrderNumber: "EU-77120", documentType: "INVOICE",
      orderStatus: "IN_PROGRESS", orderStatusCode: "",
      holdReason: { code: "C3", description: "Credit hold", reason: "CREDIT_HOLD" },
      creditMemoReason: null, invoiceDate: null, orderDate: "2025-11-02",
      subtotal: { amount: "1200.00", currency: "USD" }, tax: { amount: "99.00" }, freight: { amount: "0.00" }, total: { amount: "1299.00", currency: "USD" },
      shipTo: { name: "CONTOSO WAREHOUSE", attention: "RECEIVING", lines: ["88 DOCK RD"], city: "ONTARIO", region: "CA", postalCode: "91761", country: "US", accountNumber: "200" },
      billTo: { name: "CONTOSO SYSTEMS INC", attention: "ACCOUNTS PAYABLE", lines: ["1200 MARKET ST"], postalCode: "927051234", accountNumber: "000" },
      lines: [{ partNumber: "4QT812", quantityOrdered: "1", quantityShipped: "0", quantityBackordered: "1", backorderEta: "2025-11-20", warehouse: "40", serialNumbers: [] }],
    });
  });

  it("returns an invoiced order with exact totals, every serial number and tracking number", async () => {
    const { sg } = await subgraph();
    const { data, errors } = await sg.run(INVOICE, { number: "20-12345-11" });
    expect(errors).toBeUndefined();
    expect(data?.["invoice"]).toEqual({
      number: "20-12345-11", purchaseOrderNumber: "PO-1001", orderNumber: "20-12345-11", endUserOrderNumber: null, referenceNumber: "12345-11",
      documentType: "INVOICE", orderStatus: "BILLED", orderStatusCode: "B", holdReason: null, creditMemoReason: null,
      invoiceDate: "2020-12-10", orderDate: "2020-12-02", shipDate: "2020-12-01", currency: "GBP", companyCurrency: "GBP", exchangeRate: "1.000000",
      subtotal: { amount: "4500.00", currency: "GBP" }, tax: { amount: "900.00" }, freight: { amount: "0.00" }, discount: { amount: "0.00" }, total: { amount: "5400.00", currency: "GBP" },
      terms: { typeCode: "300" },
      billTo: { name: "VIHU LTD", attention: null, lines: ["INNOVATION HOUSE", "96 HIGH ST", "BARNHAM"], city: "THORRINGTON", region: null, postalCode: "CO7 4GY", country: null, accountNumber: "000" },
      shipTo: { name: "97 PETWORTH ROAD", attention: "JAMES EDWARDS", lines: ["RAINFORD"], city: "DUNSTER", region: null, postalCode: "TA24 1JQ", country: null, accountNumber: null },
      carrier: { code: "FN", name: "NEXT DAY PARCELFORCE" },
      trackingNumbers: ["PBVS0043876860", "PBVS0043876861", "PBVS0043876862", "PBVS0043876863", "PBVS0043876864", "PBVS0043876865"],
      weight: "13.00",
      lines: [
        {
          number: "1", partNumber: "5234585", manufacturerPartNumber: "MJJY-87654", description: "MYTECH 665B DIGITAL CAMERA 110MP",
          quantityOrdered: "6", quantityShipped: "6", quantityBackordered: "0", backorderEta: null, unitPrice: { amount: "750.00" }, extendedPrice: { amount: "4500.00" }, warehouse: "20",
          serialNumbers: ["0016083588", "0268852524", "0197009077", "0501024596", "0241830403", "0453527854"].map((value) => ({ value })),
          trackingNumbers: ["PBVS0043876860", "PBVS0043876861", "PBVS0043876862", "PBVS0043876863", "PBVS0043876864", "PBVS0043876865"],
          attributes: [{ name: "ordersuffix", value: "11" }],
        },
      ],
      charges: [],
      attributes: [{ name: "customerforeignfrightamt", value: "0.00" }],
    });
  });

  it("returns an open credit memo with its reason and the sign Ingram gives", async () => {
    const { sg } = await subgraph();
    const { data, errors } = await sg.run(INVOICE, { number: "20-CM772-11" });
    expect(errors).toBeUndefined();
    expect(data?.["invoice"]).toMatchObject({
      documentType: "CREDIT_MEMO", orderStatus: "IN_PROGRESS", orderStatusCode: "", invoiceDate: null,
      creditMemoReason: { code: "RF", description: "Refusal return", reason: "REFUSAL_RETURN" }, holdReason: null,
      subtotal: { amount: "-82.50" }, tax: { amount: "-7.00" }, total: { amount: "-89.50", currency: "USD" },
      lines: [{ partNumber: "2231876", unitPrice: { amount: "-82.50" }, extendedPrice: { amount: "-82.50" } }],
    });
  });

  it("returns an invoiced credit memo with its reason and the returned unit's serial number", async () => {
    const { sg } = await subgraph();
    const { data, errors } = await sg.run(INVOICE, { number: "20-CM881-11" });
    expect(errors).toBeUndefined();
    expect(data?.["invoice"]).toMatchObject({
      documentType: "CREDIT_MEMO", orderStatus: "INVOICED", orderStatusCode: "F", invoiceDate: "2025-10-15",
      creditMemoReason: { code: "DF", description: "Defective", reason: "DEFECTIVE" },
      subtotal: { amount: "-231.47" }, tax: { amount: "-18.52" }, total: { amount: "-249.99", currency: "USD" },
      lines: [{ partNumber: "9Z8812", serialNumbers: [{ value: "00S27R350FHU0X4" }] }],
    });
  });

  it("returns null without an error for an invalid invoice number, after asking the search whether it was archived", async () => {
    const { sim, sg } = await subgraph();
    expect(await sg.run(INVOICE, { number: "20-XXXXX-11" })).toEqual({ data: { invoice: null } });
    expect(apiCalls(sim)).toEqual(["detail 20-XXXXX-11", "search invoice 20XXXXX11"]);
    expect(sim.apiRequests().map((r) => r.status)).toEqual([200, 200]);
  });
});

describe("the other sample data", () => {
  it("reads an invoice in another currency than the company's, with fees, specs and the spelled-wrong keys", async () => {
    const { sg } = await subgraph();
    const { data } = await sg.run(INVOICE, { number: "20-12345-12" });
    expect(data?.["invoice"]).toMatchObject({
      currency: "EUR", companyCurrency: "GBP", exchangeRate: "1.168200", orderStatus: "PAID", endUserOrderNumber: "NW-4471",
      subtotal: { amount: "879.80" }, freight: { amount: "12.50" }, tax: { amount: "178.53" }, total: { amount: "1071.18", currency: "EUR" },
      shipTo: { name: "VIHU EUROPE BV", attention: "M. DE VRIES", lines: ["KEIZERSGRACHT 12"], country: "NL", accountNumber: "001" },
      charges: [
        { kind: "FREIGHT", code: "FRT", description: "FREIGHT CHARGE", amount: { amount: "12.50", currency: "EUR" } },
        { kind: "RECYCLING_FEE", code: "RCY", description: "WEEE RECYCLING FEE", amount: { amount: "0.35", currency: "EUR" } },
      ],
      attributes: [
        { name: "fulfillmentflag", value: "N" },
        { name: "ordertype", value: "S" },
        { name: "taxtype", value: "VAT" },
        { name: "customerforeignfrightamt", value: "10.70" },
        { name: "ENDUSERNAME", value: "NORTHWIND TRADERS" },
        { name: "CONTRACTID", value: "00012877" },
      ],
      lines: [
        {
          warehouse: "85",
          serialNumbers: [{ value: "0000481516" }, { value: "0000234200" }, { value: "MXQ0345JZ1" }, { value: "0009999001" }],
          attributes: [{ name: "ordersuffix", value: "12" }, { name: "marginpercent", value: "7.5" }, { name: "CAPACITY", value: "32GB" }, { name: "FORMFACTOR", value: "RDIMM" }],
        },
        { number: "895", partNumber: null, description: "FREE FREIGHT", extendedPrice: { amount: "0.00" } },
      ],
    });
  });

  it("carries every order status, hold reason and credit memo reason code of the vendor's tables", async () => {
    const { sg } = await subgraph({ limit: 1_000 }, { rateLimit: { limit: 1_000, windowMs: 60_000 }, concurrency: 8 });
    const numbers = [...NAMED_INVOICES, ...CATALOG_INVOICES].map((invoice) => invoice.number);
    const results = await Promise.all(numbers.map((number) => sg.run(INVOICE, { number })));
    const invoices = results.map((r) => r.data?.["invoice"] as Record<string, { code: string; reason: string } | string | null>);
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const seen = (field: string) => new Set(invoices.map((i) => i[field]).filter((v) => v !== null && typeof v === "object").map((v) => (v as { code: string }).code));
    expect(new Set(invoices.map((i) => i["orderStatusCode"]))).toEqual(new Set(INGRAM_ORDER_STATUS_ROWS.map((row) => row.code)));
    expect(seen("holdReason")).toEqual(new Set(INGRAM_HOLD_REASON_ROWS.map((row) => row.code).filter((code) => code !== "")));
    expect(seen("creditMemoReason")).toEqual(new Set(INGRAM_CREDIT_MEMO_REASON_ROWS.map((row) => row.code)));
    expect(JSON.stringify(invoices)).not.toContain("UNKNOWN");
  });
});

describe("purchase orders and entities", () => {
  const LOOKUP = /* GraphQL */ `
    query ($pos: [String!]!) {
      invoicesByPurchaseOrder(purchaseOrderNumbers: $pos, providers: [INGRAM_MICRO]) {
        invoices { id number purchaseOrderNumber documentType total { amount currency } }
        failures { provider code }
      }
    }
  `;

  it("lists the invoices of the sandbox purchase orders PO-1001, PO-1002 and PO-1003", async () => {
    const { sg } = await subgraph();
    const { data } = await sg.run(LOOKUP, { pos: ["PO-1001", "PO-1002", "PO-1003", "PO-9999"] });
    const lookup = data?.["invoicesByPurchaseOrder"] as { invoices: Array<{ number: string; purchaseOrderNumber: string }>; failures: unknown[] };
    expect(lookup.failures).toEqual([]);
    expect(lookup.invoices.map((i) => `${i.purchaseOrderNumber} ${i.number}`)).toEqual([
      "PO-1001 20-12345-11", "PO-1001 20-12345-12", "PO-1001 20-12345-13", "PO-1002 20-RCW67-11", "PO-1003 20-CM772-11", "PO-1003 20-CM881-11",
    ]);
  });

  it("resolves an invoice id through _entities with one detail call", async () => {
    const { sim, sg } = await subgraph();
    const { data } = await sg.run(LOOKUP, { pos: ["PO-1003"] });
    const id = (data?.["invoicesByPurchaseOrder"] as { invoices: Array<{ id: string }> }).invoices[1]?.id;
    const entities = await sg.run(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Invoice { number total { amount } } } }`, { r: [{ __typename: "Invoice", id }] });
    expect(entities.data).toEqual({ _entities: [{ number: "20-CM881-11", total: { amount: "-249.99" } }] });
    expect(apiCalls(sim).slice(-1)).toEqual(["detail 20-CM881-11"]);
  });
});

describe("retries and tokens", () => {
  it("returns the data after 503, 503, 200 with three upstream calls", async () => {
    const { sim, sg } = await subgraph();
    sim.control.failNext(2, 503);
    const { data, errors } = await sg.run(INVOICE, { number: "20-12345-11" });
    expect(errors).toBeUndefined();
    expect(data?.["invoice"]).toMatchObject({ number: "20-12345-11", total: { amount: "5400.00" } });
    expect(sim.apiRequests().map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it("gives a null invoice and PROVIDER_UNAVAILABLE after three calls to a permanent 503", async () => {
    const { sim, sg } = await subgraph();
    sim.control.always({ kind: "status", status: 503 });
    const result = await sg.run(INVOICE, { number: "20-12345-11" });
    expect(result.data).toEqual({ invoice: null });
    expect(result.errors?.[0]).toMatchObject({ message: "Ingram Micro answered HTTP 503 three times", extensions: { code: "PROVIDER_UNAVAILABLE", provider: "INGRAM_MICRO" } });
    expect(sim.apiRequests().map((r) => r.status)).toEqual([503, 503, 503]);
  });

  it("asks for exactly one token for 50 concurrent cold requests", async () => {
    const { sim, sg } = await subgraph({ limit: 100 }, { rateLimit: { limit: 100, windowMs: 60_000 } });
    const numbers = CATALOG_INVOICES.slice(0, 50).map((invoice) => invoice.number);
    const results = await Promise.all(numbers.map((number) => sg.run(INVOICE, { number })));
    expect(results.map((r) => (r.data?.["invoice"] as { number: string } | null)?.number)).toEqual(numbers);
    expect(sim.requests.filter((r) => r.kind === "token")).toHaveLength(1);
    expect(sim.apiRequests()).toHaveLength(50);
  });
});

describe("sandbox mode", () => {
  it("serves the README's examples from the simulator through the real client with the production transport", async () => {
    // What src/sandbox/index.ts does for a simulated provider: default simulator, PRODUCTION_TRANSPORT.
    const { sg } = await subgraph({}, { transport: PRODUCTION_TRANSPORT, rateLimit: { limit: 60, windowMs: 60_000 } });
    const one = await sg.run(`{ invoice(provider: INGRAM_MICRO, number: "20-RCW67-11") { orderStatus orderStatusCode holdReason { code description reason } } }`);
    expect(one).toEqual({ data: { invoice: { orderStatus: "IN_PROGRESS", orderStatusCode: "", holdReason: { code: "C3", description: "Credit hold", reason: "CREDIT_HOLD" } } } });
    const byPo = await sg.run(`{ invoicesByPurchaseOrder(purchaseOrderNumbers: ["PO-1001", "PO-1003"]) { invoices { provider number documentType total { amount currency } } } }`);
    expect((byPo.data?.["invoicesByPurchaseOrder"] as { invoices: unknown[] }).invoices).toEqual([
      { provider: "INGRAM_MICRO", number: "20-12345-11", documentType: "INVOICE", total: { amount: "5400.00", currency: "GBP" } },
      { provider: "INGRAM_MICRO", number: "20-12345-12", documentType: "INVOICE", total: { amount: "1071.18", currency: "EUR" } },
      { provider: "INGRAM_MICRO", number: "20-12345-13", documentType: "INVOICE", total: { amount: "1122.00", currency: "GBP" } },
      { provider: "INGRAM_MICRO", number: "20-CM772-11", documentType: "CREDIT_MEMO", total: { amount: "-89.50", currency: "USD" } },
      { provider: "INGRAM_MICRO", number: "20-CM881-11", documentType: "CREDIT_MEMO", total: { amount: "-249.99", currency: "USD" } },
    ]);
  });
});

describe("credit memos, open amounts and archived invoices through GraphQL (issue 14)", () => {
  const PO_1004 = /* GraphQL */ `{
    invoicesByPurchaseOrder(purchaseOrderNumbers: ["PO-1004"], providers: [INGRAM_MICRO]) {
      invoices {
        number documentType status statusCode dueDate amountDue { amount currency } freight { amount } archived
        originalDocumentNumber originalInvoice { number purchaseOrderNumber total { amount currency } }
        lines { specialBidNumber serialNumbers { value deliveryNumber } }
      }
      notices { code invoiceNumber }
    }
  }`;

  it("shows status, due date and amount due, freight from a fee line, and reaches the credit memo's original invoice", async () => {
    const { sim, sg } = await subgraph();
    const { data, errors } = await sg.run(PO_1004);
    expect(errors).toBeUndefined();
    expect(data?.["invoicesByPurchaseOrder"]).toEqual({
      invoices: [
        {
          number: "20-CM990-11", documentType: "CREDIT_MEMO", status: "OPEN", statusCode: "OPEN", dueDate: "2025-12-20", amountDue: { amount: "-263.94", currency: "USD" },
          freight: { amount: "0.00" }, archived: false, originalDocumentNumber: "20-12345-12",
          originalInvoice: { number: "20-12345-12", purchaseOrderNumber: "PO-1001", total: { amount: "1071.18", currency: "EUR" } },
          lines: [{ specialBidNumber: "SB-20-5511", serialNumbers: [{ value: "0000481516", deliveryNumber: "8000123" }] }],
        },
        {
          number: "20-FRT44-11", documentType: "INVOICE", status: "OPEN", statusCode: "OPEN", dueDate: "2025-12-12", amountDue: { amount: "533.75", currency: "USD" },
          freight: { amount: "15.00" }, archived: false, originalDocumentNumber: null, originalInvoice: null,
          lines: [{ specialBidNumber: null, serialNumbers: [] }],
        },
        {
          number: "20-OLD77-11", documentType: "INVOICE", status: "CLOSED", statusCode: "PAID", dueDate: "2024-02-04", amountDue: null,
          freight: null, archived: true, originalDocumentNumber: null, originalInvoice: null, lines: [],
        },
      ],
      notices: [{ code: "ARCHIVED", invoiceNumber: "20-OLD77-11" }],
    });
    // One search, one detail per listed invoice (the archived one's is not found), one detail for the original.
    expect(apiCalls(sim).sort()).toEqual(["detail 20-12345-12", "detail 20-CM990-11", "detail 20-FRT44-11", "detail 20-OLD77-11", "search PO-1004 p1"]);
  });
});
