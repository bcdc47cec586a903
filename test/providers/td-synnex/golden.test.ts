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
