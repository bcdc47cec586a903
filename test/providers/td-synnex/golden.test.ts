import { describe, expect, it } from "vitest";
import type { InvoiceModel } from "../../../src/domain/models.js";
import { goldenNames, normalizeFixture, readExpected, readFixture } from "./golden-support.js";

describe("TD SYNNEX golden files", () => {
  it("has a fixture for every recorded edge case", () => {
    expect(goldenNames().length).toBeGreaterThanOrEqual(20);
  });

  it.each(goldenNames())("normalizes %s.xml exactly as its .expected.json records", (name) => {
    const expected = readExpected(name);
    expect(normalizeFixture(readFixture(name), expected.request)).toEqual(expected.answer);
  });
});

describe("TD SYNNEX normalization: the values a default XML parser corrupts", () => {
  const invoicesOf = (name: string): InvoiceModel[] => {
    const answer = normalizeFixture(readFixture(name), readExpected(name).request) as { invoices: InvoiceModel[] };
    return answer.invoices;
  };

  it("keeps leading zeros of purchase orders, invoice numbers, ZIP codes, SKUs and serials", () => {
    const [invoice] = invoicesOf("leading-zeros");
    expect(invoice?.purchaseOrderNumber).toBe("00123");
    expect(invoice?.number).toBe("00123456");
    expect(invoice?.shipTo?.postalCode).toBe("02134");
    expect(invoice?.lines[0]?.sku).toBe("0004521");
    expect(invoice?.lines[0]?.number).toBe("01");
    expect(invoice?.lines[0]?.serialNumbers.map((s) => s.value)).toEqual(["0042", "0000790"]);
  });

  it("keeps trailing zeros of amounts ('10.10' stays '10.10')", () => {
    const [invoice] = invoicesOf("leading-zeros");
    expect(invoice?.lines[0]?.unitPrice).toEqual({ amount: "10.10", currency: "USD" });
    expect(invoice?.total?.amount).toBe("30.30");
  });

  it("reads comma-grouped money exactly ('1,234.50' → '1234.50', '12,348,146.77' → '12348146.77')", () => {
    const [invoice] = invoicesOf("comma-money");
    expect(invoice?.lines.map((l) => l.unitPrice?.amount)).toEqual(["1234.50", "12345.678"]);
    expect(invoice?.lines[1]?.quantityShipped).toBe("1000");
    expect(invoice?.total?.amount).toBe("12348146.77");
    expect(invoice?.tax?.amount).toBe("1000.00");
    expect(invoice?.weight).toBe("1204.5");
    expect(invoice?.discrepancies).toEqual([]);
  });

  it("returns every invoice of a PO, whether one or many items each", () => {
    const invoices = invoicesOf("multiple-invoices");
    expect(invoices.map((i) => [i.number, i.lines.length])).toEqual([["67100010", 1], ["67100011", 3], ["67100012", 0]]);
    expect(invoices.map((i) => i.purchaseOrderNumber)).toEqual(["PO-1002", "PO-1002", "PO-1002"]);
  });
});

describe("TD SYNNEX: due dates, order types, originals and freight (issue 14)", () => {
  const invoicesOf = (name: string): InvoiceModel[] => (normalizeFixture(readFixture(name), readExpected(name).request) as { invoices: InvoiceModel[] }).invoices;

  it.each([
    ["documented-sample", "2014-10-22", 50, "2014-12-11"],
    ["credit-memo-with-original", "2024-07-20", 30, "2024-08-19"],
    ["freight-as-shipping", "2024-02-20", 10, "2024-03-01"],
  ])("derives the due date of %s from InvoiceDate %s + PaymentTermDays %i = %s", (name, invoiceDate, days, dueDate) => {
    const [invoice] = invoicesOf(name);
    expect([invoice?.invoiceDate, invoice?.terms?.netDays, invoice?.dueDate]).toEqual([invoiceDate, days, dueDate]);
    // TD states no due date of its own: the terms keep "as stated".
    expect(invoice?.terms?.dueDate ?? null).toBeNull();
  });

  it("has no due date when TD sends no payment term days", () => {
    expect(invoicesOf("order-types").map((i) => i.dueDate)).toEqual(invoicesOf("order-types").map(() => null));
  });

  it("reads order types with leading zeros as the documented type, keeping the raw code", () => {
    expect(invoicesOf("order-type-leading-zero").map((i) => [i.number, i.documentType?.value, i.documentType?.code])).toEqual([
      ["2001", "SALES_ORDER", "01"],
      ["2014", "CREDIT_MEMO", "014"],
      ["2099", "UNKNOWN", "099"],
    ]);
  });

  it("names what a credit memo or RMA refers to, from its InternalReferenceNumber, and nothing for a sales order", () => {
    const [creditMemo] = invoicesOf("credit-memo-with-original");
    expect(creditMemo).toMatchObject({ documentType: { value: "CREDIT_MEMO" }, referenceNumber: "67000001", originalDocumentNumber: "67000001" });
    expect(invoicesOf("leading-zeros")[0]).toMatchObject({ documentType: { value: "RMA_RTC" }, originalDocumentNumber: "0000042" });
    expect(invoicesOf("documented-sample")[0]).toMatchObject({ documentType: { value: "SALES_ORDER" }, referenceNumber: "52551356", originalDocumentNumber: null });
  });

  it.each([
    // Freight 0.0: the freight charges (Shipping 12.00 and HandlingFee 3.00) are the freight.
    ["freight-as-shipping", 0, "15.00", ["12.00", "3.00"]],
    // Freight and Shipping repeat 12.50: one charge, and freight is the header's 12.50.
    ["charges", 0, "12.50", ["12.50", "1.25"]],
    // Freight 15.00 and Shipping 10.00 differ: two charges; freight is the header's 15.00.
    ["charges", 1, "15.00", ["15.00", "10.00"]],
  ])("takes the freight of %s (invoice %i) from Freight, or when that is zero from the freight charges, never adding both", (name, index, freight, charges) => {
    const invoice = invoicesOf(name)[index];
    expect(invoice?.freight?.amount).toBe(freight);
    expect(invoice?.charges.filter((c) => c.kind === "FREIGHT").map((c) => c.amount.amount)).toEqual(charges);
  });

  it.each(["freight-as-shipping", "credit-memo-with-original", "charges", "comma-money", "documented-sample"])("%s: TotalInvoiceAmount is lines + sales tax + charges, nothing to report", (name) => {
    expect(invoicesOf(name).flatMap((i) => i.discrepancies)).toEqual([]);
  });

  it("reports a total that leaves out listed freight (TD may discount it) and keeps TD's total", () => {
    const [invoice] = invoicesOf("discounted-freight");
    expect([invoice?.total?.amount, invoice?.discrepancies.map((d) => [d.field, d.expected, d.actual])]).toEqual(["100.00", [["Invoice.total", "142.90", "100.00"]]]);
  });
});
