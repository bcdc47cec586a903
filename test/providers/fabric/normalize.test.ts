// Recorded fabric invoices (test/fixtures/fabric/invoices/) against their golden normalized
// models (test/fixtures/fabric/normalized/). After an intended mapping change, regenerate
// with UPDATE_GOLDEN=1 and review the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { FABRIC_INVOICE_STATUS_ROWS, FABRIC_TERMS_TYPE_ROWS } from "../../../src/domain/code-tables/index.js";
import { readFabricInvoice } from "../../../src/providers/fabric/normalize.js";

const FIXTURES = join(import.meta.dirname, "../../fixtures/fabric");
const names = (folder: string) => readdirSync(join(FIXTURES, folder)).filter((f) => f.endsWith(".json")).map((f) => basename(f, ".json")).sort();
const readJson = (...path: string[]): unknown => JSON.parse(readFileSync(join(FIXTURES, ...path), "utf8"));

describe("normalizing recorded fabric invoices", () => {
  it.each(names("invoices"))("%s matches its golden model", (name) => {
    const model = readFabricInvoice(readJson("invoices", `${name}.json`));
    const golden = join(FIXTURES, "normalized", `${name}.json`);
    if (process.env["UPDATE_GOLDEN"] === "1" || !existsSync(golden)) writeFileSync(golden, `${JSON.stringify(model, null, 2)}\n`);
    expect(JSON.parse(JSON.stringify(model))).toEqual(JSON.parse(readFileSync(golden, "utf8")));
  });

  it.each(names("invalid"))("%s is refused as BAD_RESPONSE, naming the field and never its value", (name) => {
    const { invoice, error } = readJson("invalid", `${name}.json`) as { invoice: unknown; error: string };
    expect(() => readFabricInvoice(invoice)).toThrow(expect.objectContaining({ code: "BAD_RESPONSE", provider: "FABRIC", message: error }));
  });
});

describe("fabric codes", () => {
  it.each(FABRIC_TERMS_TYPE_ROWS.map((row) => [row.code, row.value] as const))("terms_type %j becomes %s with the raw text kept", (code, value) => {
    const model = readFabricInvoice({ id: 1, invoice_number: "T", terms_type: code });
    expect(model.terms).toMatchObject({ type: value, typeCode: code });
  });

  it.each(FABRIC_INVOICE_STATUS_ROWS.map((row) => [row.code, row.value] as const))("status %j becomes %s", (code, value) => {
    expect(readFabricInvoice({ id: 1, invoice_number: "S", status: code }).status).toMatchObject({ value, code });
  });

  it.each([
    ["order_id as an integer", { order_id: 654 }, "654"],
    ["order_id as a string", { order_id: "O-654" }, "O-654"],
    ["order_id missing", {}, null],
  ])("keeps %s as the order number text", (_case, fields, expected) => {
    expect(readFabricInvoice({ id: 1, invoice_number: "O", ...fields }).orderNumber).toBe(expected);
  });

  it.each([
    ["10.10", "10.10"],
    ["0.1", "0.1"],
    ["-0.00", "0.00"],
    ["007.50", "7.50"],
    ["99999999999999999999.99", "99999999999999999999.99"],
  ])("keeps the money string %j exactly as %j", (wire, amount) => {
    expect(readFabricInvoice({ id: 1, invoice_number: "M", net_amount: wire }).total).toEqual({ amount, currency: "USD" });
  });
});

describe("one meaning per amount, acceptance and addresses (issue 14)", () => {
  const invoice = (name: string) => readFabricInvoice(readJson("invoices", `${name}.json`));

  it.each([
    ["an open invoice with an allowance and a shipping charge", "full-invoice", "98.61", "98.61", "7.50"],
    ["a paid invoice, whose due_amount no longer shows the billed amount", "paid-with-adjustments", "58.71", "0.00", "8.50"],
    ["fabric's own sample, without adjustments", "doc-sample", "12.89", "2.89", null],
  ])("bills net_amount + charges − allowances as total for %s, freight being its shipping charges", (_case, name, total, due, freight) => {
    const model = invoice(name);
    expect([model.total?.amount, model.amountDue?.amount, model.freight?.amount ?? null]).toEqual([total, due, freight]);
    expect(model.attributes).toContainEqual({ name: "net_amount", value: expect.any(String) });
    // subtotal + tax + charges = total: nothing to report.
    expect(model.discrepancies).toEqual([]);
  });

  it("reports a net_amount that is not subtotal + tax, keeping the billed total fabric's numbers give", () => {
    expect(invoice("total-discrepancy").discrepancies).toEqual([
      { lineNumber: null, field: "Invoice.total", expected: "12.89", actual: "10.89", message: "fabric total (net_amount + charges − allowances) 10.89 is not subtotal 10.89 + tax 2.00 = 12.89" },
    ]);
  });

  it.each([
    ["doc-sample", { state: "ACCEPTED", stateCode: "accepted", reason: null, decidedAt: null }],
    ["paid-with-adjustments", { state: "ACCEPTED", stateCode: "accepted", reason: null, decidedAt: "2026-03-08T09:00:00Z" }],
    ["acceptance-rejected", { state: "REJECTED", stateCode: "rejected", reason: "Service fee not in the agreed terms", decidedAt: "2026-03-06T18:00:00Z" }],
    ["acceptance-by-time-only", { state: "ACCEPTED", stateCode: null, reason: null, decidedAt: "2026-03-06T18:00:00Z" }],
    ["acceptance-not-decided", { state: "PENDING", stateCode: null, reason: null, decidedAt: null }],
    ["minimal", null],
  ])("reads the invoice_acceptance of %s", (name, acceptance) => {
    expect(invoice(name).acceptance).toEqual(acceptance);
  });

  it("keeps an address's type, second phone, fax and federal tax id, and the terms' discount due date", () => {
    const model = invoice("address-extras");
    expect(model.remitTo).toMatchObject({ phone: "3035550100", alternatePhone: "3035550188", fax: "3035550199", taxId: "84-1234567", addressType: "commercial", attention: "Accounts Receivable" });
    // phone2 alone is still the phone, not an alternate one.
    expect(model.shipTo).toMatchObject({ phone: "2175550100", alternatePhone: null, addressType: "residential" });
    expect(model.terms?.discountDueDate).toBe("2026-03-17");
  });
});
