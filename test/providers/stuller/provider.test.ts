// Deadlines and undici's timeouts run on a fake clock that no test here moves
// (helpers/fake-clock.ts): on a busy machine a healthy call waits, it never times out.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProviderError } from "../../../src/domain/errors.js";
import { createStullerProvider, DEFAULT_MAX_PURCHASE_ORDERS_PER_CALL } from "../../../src/providers/stuller/index.js";
import { generatedInvoices, generatedPurchaseOrders, STULLER_SAMPLE_INVOICES } from "../../../src/sandbox/stuller/index.js";
import { num, wireInvoice, wireText, type WireInvoice } from "../../../src/sandbox/stuller/wire.js";
import { callContext, capturingLogger, rejectionOf, silentLogger } from "../../http/support.js";
import { invoiceNumbersByKey, startStullerHarness, type StullerHarness } from "./support.js";
import { useFakeClock, useRealClock } from "../../helpers/fake-clock.js";

let harness: StullerHarness | undefined;
beforeEach(() => useFakeClock());
afterEach(async () => {
  useRealClock();
  await harness?.close();
  harness = undefined;
});

/** What each PO should get: the simulator's invoices with exactly that PO, in its order. */
function expectedByPo(invoices: readonly WireInvoice[], pos: readonly string[]): Record<string, string[]> {
  return Object.fromEntries(pos.map((po) => [po, invoices.filter((i) => wireText(i.PurchaseOrderNumber) === po).map((i) => wireText(i.InvoiceNumber) ?? "")]));
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

describe("Stuller purchase-order batches", () => {
  it.each([
    { k: 25, count: 30, calls: 2 },
    { k: 10, count: 30, calls: 3 },
    { k: 7, count: 30, calls: 5 },
    { k: 30, count: 30, calls: 1 },
    { k: 25, count: 1, calls: 1 },
  ])("asks Stuller ceil($count / $k) = $calls times for $count purchase orders, each chunk in one call", async ({ k, count, calls }) => {
    harness = await startStullerHarness({ k });
    const pos = generatedPurchaseOrders(count);
    const results = await harness.provider.findByPurchaseOrders(pos, callContext());

    expect(harness.simulator.requests).toHaveLength(calls);
    const asked = harness.simulator.requests.map((r) => r.purchaseOrderNumbers);
    expect([...asked].sort((a, b) => (a[0] ?? "").localeCompare(b[0] ?? ""))).toEqual(chunk(pos, k));
    expect(invoiceNumbersByKey(results)).toEqual(expectedByPo(harness.simulator.invoices, pos));
  });

  it("gives a purchase order with several invoices all of them, and one with none an empty list", async () => {
    harness = await startStullerHarness();
    const results = await harness.provider.findByPurchaseOrders(["PO-1001", "PO-1002", "PO-1003", "PO-NOTHING"], callContext());
    expect(invoiceNumbersByKey(results)).toEqual({
      "PO-1001": ["5123456", "70010012"],
      "PO-1002": ["70010021", "70010022"],
      "PO-1003": ["70010031"],
      "PO-NOTHING": [],
    });
    expect(harness.simulator.requests).toHaveLength(1);
  });

  it("asks once per distinct purchase order and answers blank ones without asking", async () => {
    harness = await startStullerHarness();
    const results = await harness.provider.findByPurchaseOrders(["PO-1003", "PO-1003", "", "  "], callContext());
    expect(harness.simulator.requests.map((r) => r.purchaseOrderNumbers)).toEqual([["PO-1003"]]);
    expect(invoiceNumbersByKey(results)).toEqual({ "PO-1003": ["70010031"], "": [], "  ": [] });
  });

  it("still gives each purchase order exactly its own invoices when Stuller ignores the filter", async () => {
    harness = await startStullerHarness({ simulator: { lenient: true } });
    const pos = ["PO-1001", "po-1001", "PO-1001 ", "PO-GEN-002", "PO-GEN-003"];
    const results = await harness.provider.findByPurchaseOrders(pos, callContext());
    expect(invoiceNumbersByKey(results)).toEqual({ ...expectedByPo(harness.simulator.invoices, pos), "po-1001": [], "PO-1001 ": [] });
    // The server really did send every invoice it has.
    expect(harness.simulator.requests.map((r) => r.invoicesReturned)).toEqual([harness.simulator.invoices.length]);
  });

  it("neither reads nor fails on the other invoices of a lenient answer, and says so once", async () => {
    const broken: WireInvoice = wireInvoice({ InvoiceNumber: "BROKEN-1", PurchaseOrderNumber: "PO-B", InvoiceDate: "yesterday" });
    const { logger, lines } = capturingLogger();
    harness = await startStullerHarness({ simulator: { lenient: true, invoices: [...STULLER_SAMPLE_INVOICES, broken] }, logger });
    for (let i = 0; i < 2; i++) {
      const results = await harness.provider.findByPurchaseOrders(["PO-1003"], callContext({ logger }));
      expect(invoiceNumbersByKey(results)).toEqual({ "PO-1003": ["70010031"] });
    }
    expect(lines.filter((line) => line.includes("failed validation"))).toEqual([]);
    expect(lines.filter((line) => line.includes("outside the requested keys"))).toHaveLength(1);
  });

  it("falls back to one POST with an InvoiceRequest body when the GET URL would be too long", async () => {
    const set = { purchaseOrderPrefix: `PO-${"LONG".repeat(20)}-`, invoicePrefix: "77" };
    const invoices = [...STULLER_SAMPLE_INVOICES, ...generatedInvoices(25, set)];
    harness = await startStullerHarness({ simulator: { invoices } });
    const pos = generatedPurchaseOrders(25, set);
    const results = await harness.provider.findByPurchaseOrders(pos, callContext());

    expect(harness.simulator.requests.map((r) => [r.method, r.path, r.contentType, r.purchaseOrderNumbers])).toEqual([
      ["POST", "/v2/invoice", "application/json; charset=utf-8", pos],
    ]);
    expect(invoiceNumbersByKey(results)).toEqual(expectedByPo(invoices, pos));
  });

  it("fails only the purchase order whose invoice cannot be read", async () => {
    const broken: WireInvoice = wireInvoice({ InvoiceNumber: "BROKEN-1", PurchaseOrderNumber: "PO-B", InvoiceDate: "yesterday", InvoiceTotal: num("1.00") });
    harness = await startStullerHarness({ simulator: { invoices: [...STULLER_SAMPLE_INVOICES, broken] } });
    const results = await harness.provider.findByPurchaseOrders(["PO-1003", "PO-B"], callContext());
    expect(invoiceNumbersByKey(results)).toEqual({ "PO-1003": ["70010031"], "PO-B": "error:BAD_RESPONSE" });
    expect((results.get("PO-B") as ProviderError).message).toBe("Stuller invoice BROKEN-1 could not be read (invalid InvoiceDate)");
  });

  it("fails only the keys of a chunk whose call failed, and answers the rest", async () => {
    harness = await startStullerHarness({ k: 2 });
    harness.simulator.control.failNext({ kind: "status", status: 400 });
    const results = invoiceNumbersByKey(await harness.provider.findByPurchaseOrders(["PO-1001", "PO-1002", "PO-1003", "PO-GEN-002"], callContext()));
    const failed = Object.keys(results).filter((po) => results[po] === "error:BAD_RESPONSE");
    expect(harness.simulator.requests).toHaveLength(2);
    expect([["PO-1001", "PO-1002"], ["PO-1003", "PO-GEN-002"]]).toContainEqual(failed);
  });

  it("rejects the whole batch only when every call failed", async () => {
    harness = await startStullerHarness({ k: 2 });
    harness.simulator.control.failAlways({ kind: "status", status: 400 });
    const error = await rejectionOf(harness.provider.findByPurchaseOrders(["PO-1001", "PO-1002", "PO-1003"], callContext()));
    expect(error).toMatchObject({ provider: "STULLER", code: "BAD_RESPONSE", message: "Stuller answered HTTP 400 to an invoice lookup" });
  });
});

describe("Stuller invoice-number lookups", () => {
  it.each(["findByNumbers", "findByRefs"] as const)("%s asks once with repeated InvoiceNumber parameters and answers null for unknown numbers", async (method) => {
    harness = await startStullerHarness({ simulator: { lenient: true } });
    const results = await harness.provider[method](["5123456", "70010022", "NOPE"], callContext());
    expect(harness.simulator.requests.map((r) => r.invoiceNumbers)).toEqual([["5123456", "70010022", "NOPE"]]);
    expect(harness.simulator.requests[0]?.invoicesReturned).toBe(harness.simulator.invoices.length);
    expect(results.get("5123456")).toMatchObject({ number: "5123456", purchaseOrderNumber: "PO-1001", total: { amount: "12345678901234.56" } });
    expect(results.get("70010022")).toMatchObject({ number: "70010022", purchaseOrderNumber: "PO-1002" });
    expect(results.get("NOPE")).toBeNull();
  });
});

describe("Stuller provider options", () => {
  const config = { baseUrl: new URL("http://127.0.0.1:9"), username: "u", password: "p" };

  it("uses K as the DataLoader batch size, 25 by default", async () => {
    const byDefault = createStullerProvider(config, { logger: silentLogger });
    const custom = createStullerProvider(config, { logger: silentLogger, maxPurchaseOrdersPerCall: 40 });
    expect([byDefault.id, byDefault.maxBatchSize, custom.maxBatchSize]).toEqual(["STULLER", DEFAULT_MAX_PURCHASE_ORDERS_PER_CALL, 40]);
    expect(DEFAULT_MAX_PURCHASE_ORDERS_PER_CALL).toBe(25);
    await Promise.all([byDefault.close(), custom.close()]);
  });

  it.each([0, -1, 2.5, Number.NaN])("refuses K = %s", (k) => {
    expect(() => createStullerProvider(config, { logger: silentLogger, maxPurchaseOrdersPerCall: k })).toThrow(RangeError);
  });
});

describe("Stuller's currency (issue 14)", () => {
  it.each([
    ["the default US account", undefined, "USD"],
    ["an account billed in Canadian dollars", "CAD", "CAD"],
  ])("states every amount of %s in its billing currency, which Stuller never names", async (_account, currency, expected) => {
    harness = await startStullerHarness(currency === undefined ? {} : { currency });
    const [invoice] = (await harness.provider.findByNumbers(["70010021"], callContext())).values();
    const amounts = invoice instanceof Error || invoice === null || invoice === undefined ? [] : [invoice.total, invoice.tax, invoice.freight, invoice.amountDue, invoice.lines[0]?.unitPrice, invoice.charges[0]?.amount];
    expect([...new Set(amounts.map((money) => money?.currency))]).toEqual([expected]);
  });

  it.each(["usd", "US", "DOLLAR"])("refuses the currency %j", (currency) => {
    const config = { baseUrl: new URL("http://127.0.0.1:9"), username: "u", password: "p" };
    expect(() => createStullerProvider(config, { logger: silentLogger, currency })).toThrow(RangeError);
  });
});
