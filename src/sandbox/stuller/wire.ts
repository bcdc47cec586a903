// The simulator's own picture of Stuller's wire model (specs/stuller-invoice-api-v2.txt):
// every documented field, in Stuller's order, with JSON numbers held as LosslessNumber so
// the JSON text carries exactly the literal written here (`12345678901234.56`, `1.0`),
// the way ASP.NET writes a C# decimal.
import { LosslessNumber } from "lossless-json";

/** A value on the wire: text, a JSON number literal, or null. */
export type WireScalar = string | LosslessNumber | null;

export const DETAIL_FIELDS = [
  "LineNumber",
  "CustomerLineReference",
  "ItemNumber",
  "ItemDescription",
  "ShipQuantity",
  "BackOrderedQuantity",
  "LaborOtherCharges",
  "TotalWeight",
  "UnitPrice",
  "LineTotal",
  "CustomerNotes",
  "UnitPriceUnitOfMeasure",
] as const;

/** JSON order of the help page sample (its XML sample moves InvoiceNumber first). */
export const INVOICE_FIELDS = [
  "OrderNumber",
  "InvoiceNumber",
  "PurchaseOrderNumber",
  "ShipToAccountNumber",
  "ShipToAddress1",
  "ShipToAddress2",
  "ShipToAddress3",
  "ShipToCity",
  "ShipToState",
  "ShipToZip",
  "ShipToProvince",
  "ShipToCountry",
  "Status",
  "OrderTotal",
  "InvoiceTotal",
  "TotalDue",
  "SalesTax",
  "PostageAndHandling",
  "InvoiceDate",
  "OrderDate",
  "ShipMethod",
  "TrackingNumber",
  "TrackingLink",
  "GoldMarketRate",
  "GoldMarketBase",
  "GoldMarketAdder",
  "PlatinumMarketRate",
  "SilverMarketRate",
  "PlatinumMarketBase",
  "SilverMarketBase",
  "PlatinumMarketAdder",
  "SilverMarketAdder",
] as const;

export type WireDetail = { readonly [K in (typeof DETAIL_FIELDS)[number]]: WireScalar };
export type WireInvoice = { readonly [K in (typeof INVOICE_FIELDS)[number]]: WireScalar } & {
  readonly InvoiceDetails: readonly WireDetail[];
};

/** A JSON number literal, written exactly as given. */
export function num(literal: string): LosslessNumber {
  return new LosslessNumber(literal);
}

/** A detail line with every field present (null unless given), in wire order. */
export function wireDetail(fields: Partial<WireDetail>): WireDetail {
  const line: Record<string, WireScalar> = {};
  for (const name of DETAIL_FIELDS) line[name] = fields[name] ?? null;
  return line as WireDetail;
}

/** An invoice with every field present (null unless given), in wire order. */
export function wireInvoice(fields: Partial<WireInvoice> & Pick<WireInvoice, "InvoiceNumber">): WireInvoice {
  const invoice: Record<string, WireScalar | readonly WireDetail[]> = {};
  for (const name of INVOICE_FIELDS) invoice[name] = fields[name] ?? null;
  invoice["InvoiceDetails"] = fields.InvoiceDetails ?? [];
  return invoice as WireInvoice;
}

/** The text of a wire value as a filter compares it (a number by its literal). */
export function wireText(value: WireScalar): string | null {
  return value === null ? null : typeof value === "string" ? value : value.toString();
}
