// The Stuller `api/v2/invoice` response models (specs/stuller-invoice-api-v2.txt, wire notes
// §4.4) as zod schemas over the lossless tree. Mixed typing as documented: money, metal
// rates and ShipQuantity are decimals, BackOrderedQuantity and LineNumber integers, while
// TotalWeight, LaborOtherCharges and the metal adders are free text.
//
// z.object strips keys the models do not list: Stuller documents no others, and an
// undocumented key has no meaning this subgraph could map without guessing. Every listed
// key is mapped by normalize.ts.
import { z } from "zod";
import { decimal, identifier, instant, integerQuantity, integerText, text } from "./fields.js";

export const StullerInvoiceDetailSchema = z.object({
  LineNumber: integerText,
  CustomerLineReference: text,
  ItemNumber: text,
  ItemDescription: text,
  ShipQuantity: decimal,
  BackOrderedQuantity: integerQuantity,
  LaborOtherCharges: text,
  TotalWeight: text,
  UnitPrice: decimal,
  LineTotal: decimal,
  CustomerNotes: text,
  UnitPriceUnitOfMeasure: text,
});

export const StullerInvoiceSchema = z.object({
  OrderNumber: text,
  InvoiceNumber: identifier,
  PurchaseOrderNumber: text,
  ShipToAccountNumber: text,
  ShipToAddress1: text,
  ShipToAddress2: text,
  ShipToAddress3: text,
  ShipToCity: text,
  ShipToState: text,
  ShipToZip: text,
  ShipToProvince: text,
  ShipToCountry: text,
  Status: text,
  OrderTotal: decimal,
  InvoiceTotal: decimal,
  TotalDue: decimal,
  SalesTax: decimal,
  PostageAndHandling: decimal,
  InvoiceDate: instant,
  OrderDate: instant,
  ShipMethod: text,
  TrackingNumber: text,
  TrackingLink: text,
  GoldMarketRate: decimal,
  GoldMarketBase: decimal,
  GoldMarketAdder: text,
  PlatinumMarketRate: decimal,
  PlatinumMarketBase: decimal,
  PlatinumMarketAdder: text,
  SilverMarketRate: decimal,
  SilverMarketBase: decimal,
  SilverMarketAdder: text,
  // ASP.NET writes an empty list as [] but a null one as null; both mean "no lines".
  InvoiceDetails: z
    .array(StullerInvoiceDetailSchema)
    .nullish()
    .transform((lines) => lines ?? []),
});

/**
 * The envelope. `Invoices` must be present: a 200 whose body is some other object (an
 * ASP.NET `{"Message": ...}` error behind a proxy) is not "no invoices". Each invoice is
 * validated on its own, so one bad invoice fails only the keys it belongs to.
 */
export const StullerInvoiceResponseSchema = z.object({
  Invoices: z
    .array(z.record(z.string(), z.unknown()))
    .nullable()
    .transform((invoices) => invoices ?? []),
});

export type StullerInvoice = z.output<typeof StullerInvoiceSchema>;
export type StullerInvoiceDetail = z.output<typeof StullerInvoiceDetailSchema>;
