// Interim sandbox data: until a provider's real client and simulator land, the sandbox
// serves that provider from memory so `npm start` answers with realistic invoices. Each
// provider issue replaces its entry in sandbox/index.ts with the real client.
import type { Provider } from "../__generated__/resolvers-types.js";
import { creditMemoReasonCode, holdReasonCode, ingramOrderStatusTable } from "../domain/code-tables/index.js";
import { parseDecimal } from "../domain/decimal.js";
import { addressModel, invoiceModel, lineModel } from "../domain/factories.js";
import type { InvoiceModel, LookupNoticeModel, MoneyModel } from "../domain/models.js";

export const SAMPLE_PURCHASE_ORDERS = ["PO-1001", "PO-1002", "PO-1003"] as const;

const money = (amount: string, currency: string): MoneyModel => ({ amount: parseDecimal(amount), currency });

const ingram: InvoiceModel[] = [
  invoiceModel("INGRAM_MICRO", { ref: "20-12345-11", number: "20-12345-11" }, {
    purchaseOrderNumber: "PO-1001",
    orderNumber: "20-12345-11",
    documentType: { value: "INVOICE", code: "", description: "Invoice" },
    orderStatus: ingramOrderStatusTable.translate("B"),
    invoiceDate: "2020-12-10",
    orderDate: "2020-12-02",
    shipDate: "2020-12-01",
    currency: "GBP",
    companyCurrency: "GBP",
    exchangeRate: parseDecimal("1.000000"),
    subtotal: money("4500.00", "GBP"),
    tax: money("900.00", "GBP"),
    freight: money("0.00", "GBP"),
    discount: money("0.00", "GBP"),
    total: money("5400.00", "GBP"),
    terms: { type: null, typeCode: "300", description: null, netDays: null, dueDate: null, discountPercent: null, discountDays: null },
    billTo: addressModel({ name: "VIHU LTD", lines: ["INNOVATION HOUSE", "96 HIGH ST", "BARNHAM"], city: "THORRINGTON", postalCode: "CO7 4GY", country: "GB", accountNumber: "000" }),
    shipTo: addressModel({ name: "97 PETWORTH ROAD", attention: "JAMES EDWARDS", lines: ["RAINFORD"], city: "DUNSTER", postalCode: "TA24 1JQ", country: "GB" }),
    carrier: { code: "FN", name: "NEXT DAY PARCELFORCE", serviceCode: null, serviceName: null, accountNumber: null, trackingUrl: null },
    weight: parseDecimal("13.00"),
    lines: [
      lineModel({
        number: "1",
        customerLineNumber: "0",
        partNumber: "5234585",
        manufacturerPartNumber: "MJJY-87654",
        description: "MYTECH 665B DIGITAL CAMERA 110MP",
        quantityOrdered: parseDecimal("6"),
        quantityShipped: parseDecimal("6"),
        quantityBackordered: parseDecimal("0"),
        unitPrice: money("750.00", "GBP"),
        extendedPrice: money("4500.00", "GBP"),
        unitOfMeasure: "EA",
        warehouse: "20",
        serialNumbers: ["0016083588", "0268852524", "0197009077", "0501024596", "0241830403", "0453527854"].map((value) => ({ value })),
        trackingNumbers: ["PBVS0043876860", "PBVS0043876861"],
      }),
    ],
  }),
  invoiceModel("INGRAM_MICRO", { ref: "20-RCW67-11", number: "20-RCW67-11" }, {
    purchaseOrderNumber: "PO-1002",
    documentType: { value: "INVOICE", code: "", description: "Invoice" },
    orderStatus: ingramOrderStatusTable.translate(""),
    holdReason: holdReasonCode("C3"),
    orderDate: "2026-11-02",
    currency: "USD",
    total: money("1299.00", "USD"),
  }),
  invoiceModel("INGRAM_MICRO", { ref: "20-CM881-11", number: "20-CM881-11" }, {
    purchaseOrderNumber: "PO-1003",
    documentType: { value: "CREDIT_MEMO", code: "C", description: "Credit memo" },
    orderStatus: ingramOrderStatusTable.translate("F"),
    creditMemoReason: creditMemoReasonCode("DF"),
    invoiceDate: "2026-10-15",
    currency: "USD",
    total: money("-249.99", "USD"),
  }),
];

export const SAMPLE_INVOICES: Readonly<Record<Provider, readonly InvoiceModel[]>> = {
  INGRAM_MICRO: ingram,
  TD_SYNNEX: [],
  FABRIC: [],
  STULLER: [],
};

export const SAMPLE_NOTICES: Readonly<Record<Provider, readonly LookupNoticeModel[]>> = {
  INGRAM_MICRO: [],
  TD_SYNNEX: [],
  FABRIC: [],
  STULLER: [],
};
