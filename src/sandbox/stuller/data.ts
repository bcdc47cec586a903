// Deterministic Stuller sample data. Every invoice's totals agree (lines + SalesTax +
// PostageAndHandling = InvoiceTotal) except where a line disagrees on purpose; amounts are
// the ones binary floating point gets wrong; dates carry Central offsets and seven fraction
// digits, one of them late on a -06:00 evening, when the UTC day is already the next one.
import { num, wireDetail, wireInvoice, type WireInvoice } from "./wire.js";

/** The sandbox's example purchase orders; the other providers' simulators use them too. */
export const STULLER_SAMPLE_PURCHASE_ORDERS = ["PO-1001", "PO-1002", "PO-1003"] as const;

const bijoux = {
  ShipToAccountNumber: "1004417",
  ShipToAddress1: "Bijoux Fine Jewelry",
  ShipToAddress2: "100 Main St",
  ShipToCity: "Lafayette",
  ShipToState: "LA",
  ShipToZip: "70508",
  ShipToCountry: "USA",
} as const;

export const STULLER_SAMPLE_INVOICES: readonly WireInvoice[] = [
  // Amounts past double precision, 0.1 × 3, and an order number only a string can hold.
  // Number and total as in the README's sandbox example.
  wireInvoice({
    ...bijoux,
    OrderNumber: num("12345678901234567890"),
    InvoiceNumber: "5123456",
    PurchaseOrderNumber: "PO-1001",
    Status: "Shipped",
    OrderTotal: num("12345678901233.46"),
    InvoiceTotal: num("12345678901234.56"),
    TotalDue: num("12345678901234.56"),
    SalesTax: num("0.1"),
    PostageAndHandling: num("1.0"),
    InvoiceDate: "2026-02-09T09:15:02.1234567-06:00",
    OrderDate: "2026-02-02T08:00:00.0000000-06:00",
    ShipMethod: "UPS Ground",
    TrackingNumber: "1Z999AA10123456784, 1Z999AA10123456785",
    TrackingLink: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
    GoldMarketRate: num("2034.50"),
    GoldMarketBase: num("2000.00"),
    GoldMarketAdder: "34.50",
    InvoiceDetails: [
      wireDetail({ LineNumber: num("1"), CustomerLineReference: "A-1", ItemNumber: "309:77802:S", ItemDescription: "14K Yellow Gold Casting Grain", ShipQuantity: num("1.0"), BackOrderedQuantity: num("0"), LaborOtherCharges: "0.00", TotalWeight: "31.1035 GR", UnitPrice: num("12345678901233.16"), LineTotal: num("12345678901233.16"), CustomerNotes: "Vault order", UnitPriceUnitOfMeasure: "EA" }),
      wireDetail({ LineNumber: num("2"), CustomerLineReference: "A-2", ItemNumber: "11010:1000:P", ItemDescription: "Polishing Cloth", ShipQuantity: num("3"), BackOrderedQuantity: num("0"), UnitPrice: num("0.1"), LineTotal: num("0.3"), UnitPriceUnitOfMeasure: "EA" }),
    ],
  }),
  // Three lines at 19.99: the sum a float gets wrong.
  wireInvoice({
    ...bijoux,
    OrderNumber: "8800211",
    InvoiceNumber: "70010012",
    PurchaseOrderNumber: "PO-1001",
    Status: "Closed",
    OrderTotal: num("119.94"),
    InvoiceTotal: num("130.73"),
    TotalDue: num("0.00"),
    SalesTax: num("10.79"),
    PostageAndHandling: num("0.00"),
    InvoiceDate: "2026-02-10T14:30:00.5000000-06:00",
    OrderDate: "2026-02-02T08:00:00.0000000-06:00",
    ShipMethod: "USPS Priority Mail",
    TrackingNumber: "9400111899223856924857",
    SilverMarketRate: num("23.15"),
    SilverMarketBase: num("22.00"),
    SilverMarketAdder: "1.15",
    InvoiceDetails: [1, 2, 3].map((line) =>
      wireDetail({ LineNumber: num(String(line)), CustomerLineReference: `B-${line}`, ItemNumber: `651:${line}:P`, ItemDescription: "Sterling Silver Jump Ring", ShipQuantity: num(["3", "1.0", "2"][line - 1] ?? "1"), BackOrderedQuantity: num("0"), UnitPrice: num("19.99"), LineTotal: num(["59.97", "19.99", "39.98"][line - 1] ?? "0"), UnitPriceUnitOfMeasure: "EA" }),
    ),
  }),
  // Invoiced late on a -06:00 evening; line 2 disagrees with UnitPrice × ShipQuantity.
  wireInvoice({
    OrderNumber: "8800311",
    InvoiceNumber: "70010021",
    PurchaseOrderNumber: "PO-1002",
    ShipToAccountNumber: "2209910",
    ShipToAddress1: "Maison Or",
    ShipToAddress2: "220 King St W",
    ShipToAddress3: "Suite 1200",
    ShipToCity: "Toronto",
    ShipToZip: "M5V 2T6",
    ShipToProvince: "ON",
    ShipToCountry: "Canada",
    Status: "Open",
    OrderTotal: num("435.00"),
    InvoiceTotal: num("447.50"),
    TotalDue: num("447.50"),
    SalesTax: num("0.00"),
    PostageAndHandling: num("12.50"),
    InvoiceDate: "2026-02-08T22:53:43.3516979-06:00",
    OrderDate: "2026-02-07T23:59:59.9999999-06:00",
    ShipMethod: "FedEx International Priority",
    TrackingNumber: "794644790138",
    TrackingLink: "https://www.fedex.com/fedextrack/?trknbr=794644790138",
    PlatinumMarketRate: num("1012.00"),
    PlatinumMarketBase: num("1000.00"),
    PlatinumMarketAdder: "12.00",
    InvoiceDetails: [
      wireDetail({ LineNumber: num("1"), CustomerLineReference: "C-1", ItemNumber: "122804:60000:P", ItemDescription: "Platinum Solitaire Mounting", ShipQuantity: num("2.0"), BackOrderedQuantity: num("1"), LaborOtherCharges: "Setting labor included", TotalWeight: "6.20 DWT", UnitPrice: num("150.00"), LineTotal: num("300.00"), CustomerNotes: "Rush", UnitPriceUnitOfMeasure: "EA" }),
      wireDetail({ LineNumber: num("2"), CustomerLineReference: "C-2", ItemNumber: "A8831:108:P", ItemDescription: "Diamond Melee 1.5 mm", ShipQuantity: num("3"), BackOrderedQuantity: num("0"), UnitPrice: num("45.50"), LineTotal: num("135.00"), UnitPriceUnitOfMeasure: "EA" }),
    ],
  }),
  // State and province both set, and different; all three metals; a back-ordered quantity.
  wireInvoice({
    OrderNumber: "8800312",
    InvoiceNumber: "70010022",
    PurchaseOrderNumber: "PO-1002",
    ShipToAccountNumber: "2209911",
    ShipToAddress1: "Gem & Co",
    ShipToAddress2: "5 Fifth Ave",
    ShipToCity: "New York",
    ShipToState: "NY",
    ShipToZip: "10011",
    ShipToProvince: "New York",
    ShipToCountry: "US",
    Status: "Shipped",
    OrderTotal: num("1.0"),
    InvoiceTotal: num("2.09"),
    TotalDue: num("2.09"),
    SalesTax: num("0.09"),
    PostageAndHandling: num("1.0"),
    InvoiceDate: "2026-03-12T07:05:09.0000001-05:00",
    OrderDate: "2026-03-11T16:45:00.2500000-05:00",
    ShipMethod: "UPS Next Day Air",
    TrackingNumber: "1Z999AA10123456786",
    GoldMarketRate: num("2041.10"),
    GoldMarketBase: num("2000.00"),
    GoldMarketAdder: "41.10",
    PlatinumMarketRate: num("998.75"),
    PlatinumMarketBase: num("1000.00"),
    PlatinumMarketAdder: "-1.25",
    SilverMarketRate: num("23.4"),
    SilverMarketBase: num("22.00"),
    SilverMarketAdder: "1.40",
    InvoiceDetails: [
      wireDetail({ LineNumber: num("1"), CustomerLineReference: "D-1", ItemNumber: "CHN100:4500:P", ItemDescription: "14K Rope Chain 18in", ShipQuantity: num("1.0"), BackOrderedQuantity: num("2"), TotalWeight: "3.1 GR", UnitPrice: num("1.0"), LineTotal: num("1.0"), UnitPriceUnitOfMeasure: "EA" }),
    ],
  }),
  wireInvoice({
    ...bijoux,
    OrderNumber: "8800411",
    InvoiceNumber: "70010031",
    PurchaseOrderNumber: "PO-1003",
    Status: "Invoiced",
    OrderTotal: num("999.99"),
    InvoiceTotal: num("1090.98"),
    TotalDue: num("1090.98"),
    SalesTax: num("89.99"),
    PostageAndHandling: num("1.00"),
    InvoiceDate: "2026-01-31T23:30:00.0000000-06:00",
    OrderDate: "2026-01-30T10:00:00.0000000-06:00",
    ShipMethod: "UPS 2nd Day Air",
    TrackingNumber: "1Z999AA10123456787",
    GoldMarketRate: num("2020.00"),
    GoldMarketBase: num("2000.00"),
    GoldMarketAdder: "20.00",
    PlatinumMarketRate: num("1005.00"),
    PlatinumMarketBase: num("1000.00"),
    PlatinumMarketAdder: "5.00",
    SilverMarketRate: num("22.50"),
    SilverMarketBase: num("22.00"),
    SilverMarketAdder: "0.50",
    InvoiceDetails: [
      wireDetail({ LineNumber: num("1"), CustomerLineReference: "E-1", ItemNumber: "50390:100:P", ItemDescription: "Tri-Metal Band", ShipQuantity: num("1"), BackOrderedQuantity: num("0"), TotalWeight: "8.4 GR", UnitPrice: num("999.99"), LineTotal: num("999.99"), UnitPriceUnitOfMeasure: "EA" }),
    ],
  }),
  // PO-1004: paid (TotalDue 0) although Status says only Shipped; metal priced per gram and per
  // pennyweight, so LineTotal is UnitPrice × TotalWeight (rounded to the cent), not × ShipQuantity.
  wireInvoice({
    ...bijoux,
    OrderNumber: "8800511",
    InvoiceNumber: "70010041",
    PurchaseOrderNumber: "PO-1004",
    Status: "Shipped",
    OrderTotal: num("2057.30"),
    InvoiceTotal: num("2066.80"),
    TotalDue: num("0.00"),
    SalesTax: num("0.00"),
    PostageAndHandling: num("9.50"),
    InvoiceDate: "2026-03-02T10:15:00.0000000-06:00",
    OrderDate: "2026-02-27T09:00:00.0000000-06:00",
    ShipMethod: "UPS Ground",
    TrackingNumber: "1Z999AA10123456788",
    GoldMarketRate: num("2034.50"),
    GoldMarketBase: num("2000.00"),
    GoldMarketAdder: "34.50",
    InvoiceDetails: [
      wireDetail({ LineNumber: num("1"), CustomerLineReference: "F-1", ItemNumber: "309:77802:S", ItemDescription: "14K Yellow Gold Casting Grain", ShipQuantity: num("1"), BackOrderedQuantity: num("0"), TotalWeight: "31.1035 GR", UnitPrice: num("65.40"), LineTotal: num("2034.17"), UnitPriceUnitOfMeasure: "GR" }),
      wireDetail({ LineNumber: num("2"), CustomerLineReference: "F-2", ItemNumber: "SS0100:24:P", ItemDescription: "Sterling Silver Sheet 24 ga", ShipQuantity: num("2"), BackOrderedQuantity: num("0"), TotalWeight: "12.50 DWT", UnitPrice: num("1.85"), LineTotal: num("23.13"), UnitPriceUnitOfMeasure: "DWT" }),
    ],
  }),
];

/** Names and numbering of generated data; distinct prefixes give distinct invoice sets. */
export interface GeneratedSet {
  readonly purchaseOrderPrefix?: string;
  readonly invoicePrefix?: string;
}

/** `PO-GEN-001`, `PO-GEN-002`, ... (or the given prefix). */
export function generatedPurchaseOrders(count: number, set: GeneratedSet = {}): string[] {
  return Array.from({ length: count }, (_, index) => `${set.purchaseOrderPrefix ?? "PO-GEN-"}${String(index + 1).padStart(3, "0")}`);
}

/**
 * Invoices for `count` generated purchase orders: order i has i mod 3 invoices (0, 1 or 2),
 * so a batch has orders with none, one and several.
 */
export function generatedInvoices(count: number, set: GeneratedSet = {}): WireInvoice[] {
  const prefix = set.invoicePrefix ?? "79";
  return generatedPurchaseOrders(count, set).flatMap((po, index) =>
    Array.from({ length: (index + 1) % 3 }, (_, copy) => {
      const price = `${index + 1}.${copy === 0 ? "99" : "05"}`;
      return wireInvoice({
        OrderNumber: `89${String(index + 1).padStart(4, "0")}`,
        InvoiceNumber: `${prefix}${String(index + 1).padStart(4, "0")}${copy}`,
        PurchaseOrderNumber: po,
        Status: "Shipped",
        InvoiceTotal: num(price),
        TotalDue: num(price),
        SalesTax: num("0.00"),
        PostageAndHandling: num("0.00"),
        InvoiceDate: "2026-04-01T12:00:00.0000000-05:00",
        InvoiceDetails: [wireDetail({ LineNumber: num("1"), ItemNumber: `GEN:${index + 1}:${copy}`, ShipQuantity: num("1"), BackOrderedQuantity: num("0"), UnitPrice: num(price), LineTotal: num(price), UnitPriceUnitOfMeasure: "EA" })],
      });
    }),
  );
}
