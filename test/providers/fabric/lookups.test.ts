// fabric invoices by purchase order, by number and by id, through GraphQL with the real
// client against the simulator's deterministic sample data.
// Deadlines and undici's timeouts run on a fake clock that no test here moves
// (helpers/fake-clock.ts): on a busy machine a healthy call waits, it never times out.
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { encodeInvoiceId } from "../../../src/domain/ids.js";
import { startLoopbackServer, type LoopbackServer } from "../../helpers/loopback-server.js";
import { queryLedger, startHarness, type Harness } from "./harness.js";
import { useFakeClock, useRealClock } from "../../helpers/fake-clock.js";

const BY_PO = /* GraphQL */ `
  query ($pos: [String!]!) {
    invoicesByPurchaseOrder(purchaseOrderNumbers: $pos, providers: [FABRIC]) {
      invoices {
        provider number purchaseOrderNumber status statusCode
        subtotal { amount currency } tax { amount } total { amount } amountDue { amount }
        terms { type typeCode netDays dueDate discountPercent discountDays }
        charges { kind code amount { amount currency } }
        lines { partNumber sku quantityShipped unitPrice { amount } }
      }
      failures { provider code message purchaseOrderNumbers }
    }
  }
`;
const BY_NUMBER = /* GraphQL */ `query ($number: String!) { invoice(provider: FABRIC, number: $number) { id number purchaseOrderNumber } }`;
const BY_ID = /* GraphQL */ `
  query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Invoice { number acknowledgedAt brand { id name } connectionId } } }
`;

type Lookup = { invoices: Array<Record<string, unknown> & { number: string }>; failures: Array<{ code: string; message: string; purchaseOrderNumbers: string[] }> };

let h: Harness | undefined;
let elsewhere: LoopbackServer | undefined;
beforeEach(() => useFakeClock());
afterEach(async () => {
  useRealClock();
  await h?.close();
  await elsewhere?.close();
  h = undefined;
  elsewhere = undefined;
});
afterAll(() => expect(queryLedger.putsDuringQueries).toBe(0));

async function byPo(harness: Harness, pos: string[]): Promise<Lookup> {
  const result = await harness.run(BY_PO, { pos });
  expect(result.errors).toBeUndefined();
  return result.data?.["invoicesByPurchaseOrder"] as Lookup;
}

describe("fabric invoices by purchase order", () => {
  it.each(["exact", "contains"] as const)("returns exactly the invoices of each PO, oldest first, when fabric's PO filter is %s", async (purchaseOrderMatch) => {
    h = await startHarness({ simulator: { purchaseOrderMatch } });
    const lookup = await byPo(h, ["PO-1001", "PO-1002", "PO-1003"]);
    expect(lookup.invoices.map((i) => [i.purchaseOrderNumber, i.number])).toEqual([
      ["PO-1001", "FD-1001-A"],
      ["PO-1001", "FD-1001-B"],
      ["PO-1002", "RC123456"],
      ["PO-1002", "FD-1002-A"],
      ["PO-1003", "FD-1003-A"],
      ["PO-1003", "FD-1003-B"],
    ]);
    expect(lookup.failures).toEqual([]);
    expect(h.sim.requests.filter((r) => r.route === "list").map((r) => r.params["purchase_order_number"]).sort()).toEqual(["PO-1001", "PO-1002", "PO-1003"]);
  });

  it("keeps fabric's money strings exact and gives allowances a negative and charges a positive sign", async () => {
    h = await startHarness();
    const [doc, withAdjustments] = (await byPo(h, ["PO-1002", "PO-1001"])).invoices.filter((i) => i.number === "RC123456" || i.number === "FD-1001-A");
    expect(doc).toMatchObject({ subtotal: { amount: "10.89", currency: "USD" }, tax: { amount: "2.00" }, total: { amount: "12.89" }, amountDue: { amount: "2.89" } });
    expect(withAdjustments?.["charges"]).toEqual([
      { kind: "ALLOWANCE", code: "PROMOTION_ALLOWANCE", amount: { amount: "-5.00", currency: "USD" } },
      { kind: "FREIGHT", code: "SHIPPING_EXPENSE", amount: { amount: "7.50", currency: "USD" } },
    ]);
    expect(withAdjustments?.["lines"]).toEqual([
      { partNumber: "ACME-21", sku: "RS-2-1", quantityShipped: "2", unitPrice: { amount: "24.50" } },
      { partNumber: "ACME-22", sku: "RS-2-2", quantityShipped: "1", unitPrice: { amount: "19.99" } },
      { partNumber: "ACME-23", sku: "RS-2-3", quantityShipped: "4", unitPrice: { amount: "5.00" } },
    ]);
  });

  it("translates every terms_type option and both statuses, keeping the raw text", async () => {
    h = await startHarness();
    const pos = ["PO-1001", "PO-1002", "PO-1003", "PO-2001", "PO-2002", "PO-2003", "PO-2004", "PO-2005", "PO-2006"];
    const invoices = (await byPo(h, pos)).invoices;
    const terms = Object.fromEntries(invoices.map((i) => [i.number, (i["terms"] as { type: string | null } | null)?.type ?? null]));
    expect(terms).toEqual({
      "FD-1001-A": "END_OF_MONTH",
      "FD-1001-B": "NO_CHARGE",
      RC123456: "PREVIOUSLY_AGREED",
      "FD-1002-A": "CONSIGNMENT",
      "FD-1003-A": "TEN_DAYS_AFTER_END_OF_MONTH",
      "FD-1003-B": "CASH_DISCOUNT",
      "FD-2001": "BASIC",
      "FD-2002": "FIXED_DATE_LATE_PAYMENT_PENALTY",
      "FD-2003": "EXTENDED",
      "FD-2004": "DISCOUNT_NOT_APPLICABLE",
      "FD-2005": "FIXED_DATE",
      "FD-2006": null,
    });
    expect(invoices.find((i) => i.number === "FD-2002")?.["terms"]).toMatchObject({ typeCode: "Fixed Date, Late Payment Penalty Applies", dueDate: "2026-04-30", netDays: null });
    expect(invoices.find((i) => i.number === "FD-1003-B")?.["terms"]).toMatchObject({ discountPercent: "2.00", discountDays: 10 });
    expect(new Set(invoices.map((i) => `${String(i["status"])}/${String(i["statusCode"])}`))).toEqual(new Set(["OPEN/open", "CLOSED/closed"]));
  });

  it("follows next through every page, asking for the configured page size", async () => {
    h = await startHarness({ simulator: { sample: false, unacknowledged: 25 }, provider: { pageSize: 3 } });
    const lookup = await byPo(h, ["PO-B0001"]);
    expect(lookup.invoices.map((i) => i.number)).toHaveLength(10);
    expect(h.sim.requests.filter((r) => r.route === "list").map((r) => [r.params["page"], r.params["limit"]])).toEqual([["1", "3"], ["2", "3"], ["3", "3"], ["4", "3"]]);
  });

  it("never follows a next link to another origin, rebuilding the page URL instead", async () => {
    elsewhere = await startLoopbackServer([{ status: 200, body: '{"count":0,"next":null,"results":[]}' }]);
    h = await startHarness({ simulator: { sample: false, unacknowledged: 25 }, provider: { pageSize: 3 } });
    h.sim.control.linkOrigin(elsewhere.url);
    expect((await byPo(h, ["PO-B0001"])).invoices).toHaveLength(10);
    expect(elsewhere.requests).toEqual([]);
    expect(h.count("list")).toBe(4);
  });

  it("fails the PO rather than return part of it when fabric lists more pages than the bound", async () => {
    h = await startHarness({ simulator: { sample: false, unacknowledged: 25 }, provider: { pageSize: 2, maxPages: 3 } });
    expect((await byPo(h, ["PO-B0001"])).failures).toEqual([
      { provider: "FABRIC", code: "BAD_RESPONSE", message: "fabric listed more pages for purchase order PO-B0001 than this subgraph reads (3)", purchaseOrderNumbers: ["PO-B0001"] },
    ] as unknown[]);
  });
});

describe("a fabric invoice by number or id", () => {
  it.each([
    ["FD-1001-A", "FD-1001-A"],
    ["RC123456", "RC123456"],
    // search also matches FD-1001-B and PO numbers; only an exact invoice number counts.
    ["FD-1001", null],
    ["PO-1002", null],
    ["fd-1001-a", null],
  ])("invoice(number: %j) is %j", async (number, expected) => {
    h = await startHarness();
    const result = await h.run(BY_NUMBER, { number });
    expect(result.errors).toBeUndefined();
    expect((result.data?.["invoice"] as { number: string } | null)?.number ?? null).toBe(expected);
    expect(h.sim.requests.filter((r) => r.route === "list").map((r) => r.params["search"])).toEqual([number]);
  });

  it("resolves invoice entities by fabric's numeric id with one GET each, null when fabric has none", async () => {
    h = await startHarness();
    const reps = ["1", "2", "999"].map((ref) => ({ __typename: "Invoice", id: encodeInvoiceId("FABRIC", ref) }));
    const result = await h.run(BY_ID, { reps });
    expect(result.data?.["_entities"]).toEqual([
      { number: "RC123456", acknowledgedAt: "2022-06-10T15:24:56Z", brand: { id: "77", name: "Acme Outdoor Co." }, connectionId: "42" },
      { number: "FD-1001-A", acknowledgedAt: null, brand: { id: "77", name: "Acme Outdoor Co." }, connectionId: "42" },
      null,
    ]);
    expect(h.sim.requests.filter((r) => r.route === "get").map((r) => r.path).sort()).toEqual([
      "/v1/retailers/1234/invoices/1/",
      "/v1/retailers/1234/invoices/2/",
      "/v1/retailers/1234/invoices/999/",
    ]);
  });
});

describe("fabric's billed amount, freight and acceptance through GraphQL (issue 14)", () => {
  it("gives the billed amount as total, open or paid, freight from the shipping charge, and the retailer's decision", async () => {
    h = await startHarness();
    const result = await h.run(/* GraphQL */ `{
      invoicesByPurchaseOrder(purchaseOrderNumbers: ["PO-1001", "PO-1003"], providers: [FABRIC]) {
        invoices {
          number status total { amount } amountDue { amount } freight { amount }
          acceptance { state stateCode reason decidedAt }
          remitTo { phone alternatePhone fax taxId addressType }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const invoices = (result.data?.["invoicesByPurchaseOrder"] as Lookup).invoices;
    const remitTo = { phone: "3105551212", alternatePhone: "3035550188", fax: "3035550199", taxId: "84-1234567", addressType: "commercial" };
    expect(invoices).toEqual([
      // 96.11 (subtotal + tax) − 5.00 promotion allowance + 7.50 shipping expense.
      { number: "FD-1001-A", status: "OPEN", total: { amount: "98.61" }, amountDue: { amount: "98.61" }, freight: { amount: "7.50" }, acceptance: { state: "PENDING", stateCode: "pending", reason: null, decidedAt: null }, remitTo },
      { number: "FD-1001-B", status: "CLOSED", total: { amount: "0.00" }, amountDue: { amount: "0.00" }, freight: null, acceptance: { state: "ACCEPTED", stateCode: "accepted", reason: null, decidedAt: "2026-03-05T00:00:00Z" }, remitTo },
      { number: "FD-1003-A", status: "OPEN", total: { amount: "25.58" }, amountDue: { amount: "25.58" }, freight: null, acceptance: { state: "REJECTED", stateCode: "rejected", reason: "Service fee not in the agreed terms", decidedAt: "2026-03-07T00:00:00Z" }, remitTo },
      // Paid: nothing is due, and the billed amount is still there.
      { number: "FD-1003-B", status: "CLOSED", total: { amount: "50.21" }, amountDue: { amount: "0.00" }, freight: null, acceptance: { state: "ACCEPTED", stateCode: "accepted", reason: null, decidedAt: "2026-03-08T00:00:00Z" }, remitTo },
    ]);
  });
});
