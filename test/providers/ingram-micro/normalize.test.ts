// Reading Ingram Micro v5/v6 bodies (recorded fixtures, one per edge case) into domain models:
// tolerant keys, exact money, FAILED preambles, and the credit memo rule.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ProviderError } from "../../../src/domain/errors.js";
import { encodeInvoiceId } from "../../../src/domain/ids.js";
import { parseIngramJson } from "../../../src/providers/ingram-micro/json.js";
import { normalizeInvoice } from "../../../src/providers/ingram-micro/normalize.js";
import { detailNumberOf } from "../../../src/providers/ingram-micro/numbers.js";
import { readInvoiceDetail, readSearchPage } from "../../../src/providers/ingram-micro/responses.js";
import { canonicalKeys } from "../../../src/providers/ingram-micro/schemas.js";
import { archivedInvoice, archivedNotice, withSearchRow } from "../../../src/providers/ingram-micro/search-rows.js";

/** A recorded body, parsed as the client parses it (JSON numbers kept as their text). */
function fixture(name: string): unknown {
  return parseIngramJson(readFileSync(new URL(`../../fixtures/ingram-micro/${name}`, import.meta.url), "utf8"));
}

function invoiceFrom(name: string, number: string) {
  const dto = readInvoiceDetail(number, { status: 200, body: fixture(name) });
  return dto === null ? null : normalizeInvoice(number, dto);
}

describe("reading a v5 invoice detail", () => {
  it("normalizes the vendor's sample response (misspelled keys and all) with exact values", () => {
    const invoice = invoiceFrom("vendor-sample-response.json", "20-12345-11");
    expect(invoice).toMatchObject({
      id: encodeInvoiceId("INGRAM_MICRO", "20-12345-11"),
      provider: "INGRAM_MICRO",
      ref: "20-12345-11",
      number: "20-12345-11",
      referenceNumber: "12345-11",
      purchaseOrderNumber: "PON123456",
      orderNumber: "20-12345-11",
      endUserOrderNumber: null,
      documentType: { value: "INVOICE", code: null },
      orderStatus: { value: "BILLED", code: "B", description: "Billed" },
      holdReason: null,
      creditMemoReason: null,
      invoiceDate: "2020-12-10",
      orderDate: "2020-12-02",
      shipDate: "2020-12-01",
      currency: "GBP",
      companyCurrency: "GBP",
      exchangeRate: "1.000000",
      subtotal: { amount: "4500.00", currency: "GBP" },
      tax: { amount: "900.00", currency: "GBP" },
      freight: { amount: "0.00", currency: "GBP" },
      discount: { amount: "0.00", currency: "GBP" },
      total: { amount: "5400.00", currency: "GBP" },
      terms: { typeCode: "300", type: null },
      carrier: { code: "FN", name: "NEXT DAY PARCELFORCE" },
      weight: "13.00",
      billTo: { name: "VIHU LTD", lines: ["INNOVATION HOUSE", "96 HIGH ST", "BARNHAM"], city: "THORRINGTON", postalCode: "CO7 4GY", accountNumber: "000", country: null },
      shipTo: { name: "97 PETWORTH ROAD", attention: "JAMES EDWARDS", lines: ["RAINFORD"], city: "DUNSTER", postalCode: "TA24 1JQ", accountNumber: null },
      charges: [],
      attributes: [{ name: "customerforeignfrightamt", value: "0.00" }],
      discrepancies: [],
      originalDocumentNumber: null,
    });
    expect(invoice?.lines).toEqual([
      {
        number: "1",
        customerLineNumber: "0",
        partNumber: "5234585",
        manufacturerPartNumber: "MJJY-87654",
        sku: null,
        upc: null,
        description: "MYTECH 665B DIGITAL CAMERA 110MP",
        quantityOrdered: "6",
        quantityShipped: "6",
        quantityBackordered: "0",
        backorderEta: null,
        unitPrice: { amount: "750.00", currency: "GBP" },
        extendedPrice: { amount: "4500.00", currency: "GBP" },
        unitOfMeasure: "EA",
        warehouse: "20",
        serialNumbers: ["0016083588", "0268852524", "0197009077", "0501024596", "0241830403", "0453527854"].map((value) => ({ value })),
        trackingNumbers: ["PBVS0043876860", "PBVS0043876861", "PBVS0043876862", "PBVS0043876863", "PBVS0043876864", "PBVS0043876865"],
        notes: null,
        attributes: [{ name: "ordersuffix", value: "11" }],
        specialBidNumber: null,
      },
    ]);
  });

  it("reads mixed-case keys, `invoicenumbr`, `shoptoaddress`, numbers for money and a lone serial object", () => {
    const invoice = invoiceFrom("spec-keys-mixed-case.json", "20-TYP01-11");
    expect(invoice).toMatchObject({
      purchaseOrderNumber: "PO-TYPO",
      referenceNumber: null,
      orderStatus: { value: "BILLED", code: "I" },
      total: { amount: "61.22", currency: "USD" },
      tax: { amount: "0", currency: "USD" },
      discount: { amount: "0.0", currency: "USD" },
      shipTo: { name: "ACME", attention: "C/O DOCK 4", lines: ["1 MAIN ST"], city: "BUFFALO", region: "NY", postalCode: "142217033", country: "US" },
    });
    expect(invoice?.lines[0]).toMatchObject({ number: "001", quantityShipped: "2", unitPrice: { amount: "10.10" }, serialNumbers: [{ value: "000777" }] });
  });

  it("ignores fields it does not know, at every level, and never lets __proto__ through", () => {
    const invoice = invoiceFrom("unknown-fields.json", "20-XTRA1-11");
    expect(invoice).toMatchObject({ total: { amount: "10.00" }, orderStatus: { value: "INVOICED" }, lines: [{ partNumber: "9", serialNumbers: [{ value: "0001" }] }] });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.getPrototypeOf(canonicalKeys({ ["__proto__"]: { polluted: true } }))).toBe(Object.prototype);
  });

  it.each([
    ["missing-total.json", "20-NOTOT-11", "Ingram Micro sent invoice 20-NOTOT-11 with a missing or invalid totalamount"],
    ["invalid-amount.json", "20-BADAM-11", "Ingram Micro sent invoice 20-BADAM-11 with a missing or invalid totalamount"],
    ["failed-other.json", "20-OTHER-11", "Ingram Micro answered invoice 20-OTHER-11 with a FAILED status E9"],
  ])("fails only that invoice with BAD_RESPONSE for %s", (name, number, message) => {
    const error = (() => {
      try {
        return invoiceFrom(name, number);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: "BAD_RESPONSE", message });
  });

  it.each(["failed-invalid-invoice-number.json", "failed-invoice-not-found.json"])("reads the FAILED preamble of %s as not found", (name) => {
    expect(invoiceFrom(name, "20-NOPE-11")).toBeNull();
  });

  it.each([
    ["a v6-style not-found errors body", { errors: [{ id: "1", type: "/errors/not-found", message: "Invoice Not Found" }] }, null],
    ["a FAILED preamble", fixture("failed-invalid-invoice-number.json"), null],
  ])("reads HTTP 404 with %s as not found", (_name, body, expected) => {
    expect(readInvoiceDetail("20-NOPE-11", { status: 404, body })).toBe(expected);
  });

  it("fails with BAD_RESPONSE on an HTTP 404 that is not Ingram's (a wrong base URL)", () => {
    expect(() => readInvoiceDetail("20-NOPE-11", { status: 404, body: undefined })).toThrow(/check INGRAM_BASE_URL/);
  });

  it.each([
    ["a credit memo reason", { creditmemoreasoncode: "DF", totalamount: "-249.99" }, "CREDIT_MEMO", "-249.99"],
    ["a reason but a positive total (sign kept)", { creditmemoreasoncode: "RB", totalamount: "120.00" }, "CREDIT_MEMO", "120.00"],
    ["a negative total and no reason", { creditmemoreasoncode: null, totalamount: "-15.00" }, "CREDIT_MEMO", "-15.00"],
    ["an invoicetype naming a credit", { invoicetype: "Credit Memo", totalamount: "0.00" }, "CREDIT_MEMO", "0.00"],
    ["neither", { creditmemoreasoncode: "", totalamount: "15.00" }, "INVOICE", "15.00"],
  ])("recognizes a credit memo by %s", (_name, fields, type, total) => {
    const body = { serviceresponse: { responsepreamble: { responsestatus: "SUCCESS" }, invoicedetailresponse: { currencycode: "USD", ...fields } } };
    const dto = readInvoiceDetail("20-CM000-11", { status: 200, body });
    expect(dto && normalizeInvoice("20-CM000-11", dto)).toMatchObject({ documentType: { value: type }, total: { amount: total } });
  });

  it.each([
    [{ code: "FRT", description: "FREIGHT CHARGE" }, "FREIGHT"],
    [{ code: "SHP", description: "Shipping and handling" }, "FREIGHT"],
    [{ code: null, description: "POSTAGE" }, "FREIGHT"],
    [{ code: "RCY", description: "WEEE RECYCLING FEE" }, "RECYCLING_FEE"],
    [{ code: "ECO", description: "Recycling contribution" }, "RECYCLING_FEE"],
    [{ code: "MOF", description: "MINIMUM ORDER FEE" }, "MINIMUM_ORDER_FEE"],
    [{ code: "ADM", description: "ADMIN CHARGE" }, "OTHER"],
  ])("classifies the fee line %j as %s", (fee, kind) => {
    const body = { serviceresponse: { invoicedetailresponse: { currencycode: "EUR", totalamount: "1.00", miscfeeline: [{ ...fee, chargeamount: "2.50" }] } } };
    const dto = readInvoiceDetail("20-FEE01-11", { status: 200, body });
    expect(dto && normalizeInvoice("20-FEE01-11", dto).charges).toEqual([{ kind, code: fee.code, description: fee.description, amount: { amount: "2.50", currency: "EUR" } }]);
  });

  it.each([
    [undefined, null],
    // Null is "no value": the blank code is not invented for it.
    [null, null],
    ["", { value: "IN_PROGRESS", code: "" }],
    ["W", { value: "NOT_RELEASED_TO_WAREHOUSE", code: "W" }],
    ["Q", { value: "UNKNOWN", code: "Q" }],
  ])("reads order status %j", (orderstatus, expected) => {
    const body = { serviceresponse: { invoicedetailresponse: { currencycode: "USD", totalamount: "1.00", orderstatus } } };
    const dto = readInvoiceDetail("20-OS000-11", { status: 200, body });
    expect(dto && normalizeInvoice("20-OS000-11", dto).orderStatus).toEqual(expected === null ? null : expect.objectContaining(expected));
  });
});

describe("reading a v6 invoice search page", () => {
  it("reads recordsFound and the invoices, and takes the hyphenated erpOrderNumber as the detail number", () => {
    const page = readSearchPage("ZBJ3724", { status: 200, body: fixture("search-page.json") });
    expect(page).toMatchObject({ recordsfound: 3, pagesize: 2, pagenumber: 1 });
    // The second row has no erpOrderNumber: its invoiceNumber gets its hyphens back.
    expect(page.invoices.map(detailNumberOf)).toEqual(["40-MKTRW-11", "40-DPJ17-11"]);
  });

  it("reads a not-found 404 as no invoices and a malformed page as BAD_RESPONSE", () => {
    expect(readSearchPage("PO-1", { status: 404, body: { errors: [{ type: "/errors/not-found", message: "data not found" }] } }).invoices).toEqual([]);
    expect(() => readSearchPage("PO-1", { status: 200, body: { invoices: [] } })).toThrow("Ingram Micro sent an invoice search result for PO-1 with a missing or invalid recordsfound");
  });
});

describe("nothing Ingram sends is lost (issue 14)", () => {
  it("keeps a credit memo's original shipment, the line's special bid, order suffix, line type and margin, and the header flags", () => {
    const invoice = invoiceFrom("credit-memo-with-original.json", "20-CM990-11");
    expect(invoice).toMatchObject({
      documentType: { value: "CREDIT_MEMO" },
      creditMemoReason: { code: "RB", reason: "REBILL" },
      originalDocumentNumber: "20-12345-12",
      attributes: [
        { name: "shipcomplete", value: "Y" },
        { name: "freightforwardercode", value: "FF07" },
        { name: "ordertype", value: "C" },
        { name: "customerforeignfrightamt", value: "0.00" },
      ],
    });
    expect(invoice?.lines[0]).toMatchObject({
      specialBidNumber: "SB-20-5511",
      serialNumbers: [{ value: "0000481516", deliveryNumber: "8000123" }],
      attributes: [
        { name: "ordersuffix", value: "12" },
        { name: "linetype", value: "P" },
        { name: "marginpercent", value: "7.5" },
        { name: "isacopapplied", value: "N" },
      ],
    });
  });

  it("puts name2 in attention, as TD SYNNEX and fabric put their second name line, keeping Ingram's own attention too", () => {
    const invoice = invoiceFrom("credit-memo-with-original.json", "20-CM990-11");
    expect(invoice?.billTo).toEqual({
      name: "CONTOSO SYSTEMS INC",
      attention: "ACCOUNTS PAYABLE / J. DOE",
      lines: ["1200 MARKET ST"],
      city: "SANTA ANA",
      region: "CA",
      postalCode: "927051234",
      country: "US",
      phone: "7145550100",
      fax: "7145550199",
      email: "ap@contoso.example",
      accountNumber: "000",
      alternatePhone: null,
      taxId: null,
      addressType: null,
    });
  });

  it.each([
    ["freight arrives as a fee line and the header says 0.00", "freight-as-charge-line.json", "20-FRT44-11", "15.00", [["FREIGHT", "FRT", "15.00"], ["RECYCLING_FEE", "RCY", "0.35"]]],
    ["freight is only in the header", "freight-in-header.json", "20-FRT45-11", "15.00", [["FREIGHT", "customerfreightamount", "15.00"]]],
    ["the vendor's sample has no freight", "vendor-sample-response.json", "20-12345-11", "0.00", []],
  ])("counts freight once when %s, and the total is subtotal + tax + charges", (_case, name, number, freight, charges) => {
    const invoice = invoiceFrom(name, number);
    expect(invoice?.freight?.amount).toBe(freight);
    expect(invoice?.charges.map((c) => [c.kind, c.code, c.amount.amount])).toEqual(charges);
    expect(invoice?.discrepancies).toEqual([]);
  });

  it("reports a total that is not totalsales − discount + tax + charges as a Discrepancy and keeps Ingram's total", () => {
    const invoice = invoiceFrom("totals-disagree.json", "20-TOT99-11");
    expect(invoice?.total?.amount).toBe("1086.00");
    expect(invoice?.discrepancies).toEqual([
      {
        lineNumber: null,
        field: "Invoice.total",
        expected: "1081.00",
        actual: "1086.00",
        message: "Ingram Micro totalamount 1086.00 is not totalsales 1000.00 + discount -25.00 + totaltaxamount 96.00 + MOF 10.00 = 1081.00",
      },
    ]);
  });

  it("reads a date with a time part as the day it states, and a null order status as none", () => {
    const invoice = invoiceFrom("date-with-time.json", "20-DTM01-11");
    expect(invoice).toMatchObject({ invoiceDate: "2024-03-05", orderDate: "2024-03-01", shipDate: "2024-03-04", orderStatus: null });
    expect(invoice?.lines[0]?.backorderEta).toBe("2024-04-01");
  });

  it("fails the invoice with BAD_RESPONSE, naming the field, for a date it cannot read", () => {
    expect(() => invoiceFrom("invalid-date.json", "20-DTM02-11")).toThrow(
      expect.objectContaining({ code: "BAD_RESPONSE", message: "Ingram Micro sent invoice 20-DTM02-11 with a missing or invalid invoicedate" }),
    );
  });
});

describe("the v6 search row of an invoice (issue 14)", () => {
  const rows = () => readSearchPage("ZBJ3724", { status: 200, body: fixture("search-page.json") }).invoices;

  it("gives the detail's invoice the search's status, due dates and amount due, keeping the raw status", () => {
    const [row] = rows();
    const invoice = invoiceFrom("vendor-sample-response.json", "40-MKTRW-11");
    const merged = row && invoice && withSearchRow(invoice, row);
    expect(merged).toMatchObject({
      status: { value: "OPEN", code: "OPEN" },
      dueDate: "2022-11-10",
      terms: { typeCode: "300", dueDate: "2022-11-10" },
      amountDue: { amount: "243.16", currency: "GBP" },
      // The detail's own dates and numbers win where both speak.
      invoiceDate: "2020-12-10",
      endUserOrderNumber: "NFP259",
    });
    // The search's invoiceAmountInclTax (85.23) disagrees with the detail's total (5400.00): reported.
    expect(merged?.discrepancies).toEqual([
      { lineNumber: null, field: "Invoice.total", expected: "85.23", actual: "5400.00", message: "Ingram Micro's invoice search states invoiceAmountInclTax 85.23, its invoice detail totalamount 5400.00" },
    ]);
  });

  it.each([
    ["OPEN", "OPEN"],
    ["Open", "OPEN"],
    ["Closed", "CLOSED"],
    ["PAID", "CLOSED"],
    ["Disputed", "UNKNOWN"],
  ])("reads invoiceStatus %j as %s", (invoiceStatus, value) => {
    const row = readSearchPage("P", { status: 200, body: { recordsFound: 1, invoices: [{ invoiceNumber: "20TST0111", invoiceStatus }] } }).invoices[0];
    const invoice = invoiceFrom("vendor-sample-response.json", "20-TST01-11");
    expect(row && invoice && withSearchRow(invoice, row).status).toMatchObject({ value, code: invoiceStatus });
  });

  it("builds an archived invoice from its row alone: status, dates and raw amounts, nothing invented", () => {
    const [old, creditMemo] = readSearchPage("PO-1004", { status: 200, body: fixture("search-page-archived.json") }).invoices;
    const invoice = old && archivedInvoice("20-OLD77-11", old);
    expect(invoice).toMatchObject({
      number: "20-OLD77-11",
      archived: true,
      purchaseOrderNumber: "PO-1004",
      orderNumber: "20-OLD77-11",
      endUserOrderNumber: "EU-1",
      documentType: { value: "INVOICE", code: null },
      status: { value: "CLOSED", code: "Paid" },
      invoiceDate: "2024-01-05",
      orderDate: "2024-01-02",
      dueDate: "2024-02-04",
      terms: { dueDate: "2024-02-04" },
      // The row names no currency: its amounts stay text, as sent.
      total: null,
      amountDue: null,
      currency: null,
      lines: [],
      attributes: [
        { name: "invoiceAmountInclTax", value: "1250.10" },
        { name: "invoicedAmountDue", value: "0.00" },
        { name: "forgntotalamount", value: "1250.10" },
        { name: "isfseccenabled", value: "false" },
        { name: "specialBidNumber", value: "SB-20-1001" },
      ],
    });
    expect(creditMemo && archivedInvoice("20-CM990-11", creditMemo)).toMatchObject({ documentType: { value: "CREDIT_MEMO" }, dueDate: "2025-12-20", status: { value: "OPEN" } });
    expect(invoice && archivedNotice("PO-1004", invoice)).toEqual({
      provider: "INGRAM_MICRO",
      purchaseOrderNumber: "PO-1004",
      code: "ARCHIVED",
      invoiceNumber: "20-OLD77-11",
      message: "Ingram Micro lists invoice 20-OLD77-11 but no longer serves its details (kept nine months): only the fields of its invoice search are given",
    });
  });

  it("reads the search's unhyphenated invoice number as the same invoice", () => {
    expect(["201234511", " 20rcw6711 ", "20-12345-11", "40MKTRW11"].map((n) => detailNumberOf({ erpordernumber: null, invoicenumber: n }))).toEqual([
      "20-12345-11",
      "20-RCW67-11",
      "20-12345-11",
      "40-MKTRW-11",
    ]);
  });
});
