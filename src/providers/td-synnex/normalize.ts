// One TD SYNNEX `<Invoice>` → InvoiceModel. Pure: no I/O, no clock. Identifiers, ZIP codes and
// serial numbers stay text exactly as sent ("00123", "02134", "0042"); amounts are exact decimals.
//
// - dueDate: TD states none; it is InvoiceDate + PaymentTermDays ("Payment Term Days"), pure
//   calendar arithmetic, when both are sent (PaymentTerms.dueDate stays "as stated": null).
// - originalDocumentNumber: on credit memos and RMAs (order types 10, 11, 14, 16) the
//   InternalReferenceNumber ("Invoice, Credit Memo or RMA Number") is the document referred
//   to; it also stays referenceNumber, exactly as sent.
import { addDays } from "../../domain/dates.js";
import { tdSynnexOrderTypeTable } from "../../domain/code-tables/index.js";
import { addressModel, invoiceModel, lineModel } from "../../domain/factories.js";
import type { AddressModel, AttributeModel, CarrierModel, InvoiceModel, LineModel, PaymentTermsModel } from "../../domain/models.js";
import { dateField, decimalField, integerField, InvoiceFieldError, moneyField, present } from "./fields.js";
import type { TdAddress, TdInvoice, TdItem } from "./schemas.js";
import { normalizeSummary, reconcile } from "./summary.js";

/** Order types whose InternalReferenceNumber names the document they credit or return. */
const REFERS_TO_ORIGINAL: ReadonlySet<string> = new Set(["CREDIT_MEMO", "RMA_RTC", "RMA_ADVANCED_SWAP", "RMA_CC"]);

export interface NormalizeContext {
  readonly currency: string;
  /** `InvoiceResponse/CustomerPONumber`, else the PO asked for: the PO of invoices that name none. */
  readonly parentPurchaseOrder: string | null;
}

export function normalizeInvoice(invoice: TdInvoice, context: NormalizeContext): InvoiceModel {
  const { currency } = context;
  const number = present(invoice.InvoiceNumber);
  if (number === null) throw new InvoiceFieldError("InvoiceNumber");
  const orderType = present(invoice.OrderType);
  const lines = (invoice.Items?.Item ?? []).map((item, index) => normalizeLine(item, index, currency));
  const summary = normalizeSummary(invoice.Summary, currency);
  const documentType = orderType === null ? null : tdSynnexOrderTypeTable.translate(orderType);
  const reference = present(invoice.InternalReferenceNumber);
  const invoiceDate = dateField("InvoiceDate", invoice.InvoiceDate);
  const termDays = integerField("PaymentTermDays", invoice.PaymentTermDays);

  return invoiceModel(
    "TD_SYNNEX",
    { ref: number, number },
    {
      purchaseOrderNumber: present(invoice.CustomerPONumber) ?? context.parentPurchaseOrder,
      // "InvoiceNumber: TD SYNNEX Sales Order Number. Equal To TD SYNNEX Invoice Number."
      orderNumber: number,
      referenceNumber: reference,
      originalDocumentNumber: documentType !== null && REFERS_TO_ORIGINAL.has(documentType.value) ? reference : null,
      documentType,
      invoiceDate,
      shipDate: dateField("ShipDate", invoice.ShipDate),
      dueDate: invoiceDate === null || termDays === null ? null : addDays(invoiceDate, termDays),
      currency,
      // TD sends neither a net amount nor an invoice discount amount (`Discount` is the
      // terms' discount percentage), so subtotal and discount stay null rather than computed.
      total: summary.total,
      tax: summary.tax,
      freight: summary.freight,
      charges: summary.charges,
      terms: terms(invoice),
      shipTo: shipToAddress(invoice.ShipTo),
      billTo: billToAddress(invoice.BillTo),
      carrier: carrier(invoice),
      trackingNumbers: trackingNumbers(invoice.Tracking?.TrackNumber),
      weight: summary.weight,
      boxCount: summary.boxCount,
      lines,
      notes: present(invoice.Comments),
      attributes: [...attributes([["ApprovalNumber", invoice.ApprovalNumber]]), ...summary.attributes],
      discrepancies: reconcile(summary, lines),
    },
  );
}

function normalizeLine(item: TdItem, index: number, currency: string): LineModel {
  const field = (name: string): string => `Items.Item[${index}].${name}`;
  return lineModel({
    number: present(item["@LineNumber"]) ?? present(item.LineNumber),
    customerLineNumber: present(item.CustPOLineNo),
    partNumber: present(item.SynnexPartNumber),
    manufacturerPartNumber: present(item.ManuafacturerPartNumber) ?? present(item.ManufacturerPartNumber),
    sku: present(item.SKU),
    upc: present(item.UPCCode),
    description: present(item.ProductDescription),
    quantityShipped: decimalField(field("ShipQuantity"), item.ShipQuantity),
    unitPrice: moneyField(field("UnitPrice"), item.UnitPrice, currency),
    // TD sends no line amount, and Line.extendedPrice is "as the provider sent it": not computed.
    extendedPrice: null,
    serialNumbers: serialNumbers(item.SerialNo),
    attributes: attributes([
      ["VendorNumber", item.VendorNumber],
      ["VendorName", item.VendorName],
    ]),
  });
}

/** "SN: 0042" → "0042": the prefix goes, leading zeros stay. Blank entries carry nothing. */
function serialNumbers(values: readonly string[] | undefined): Array<{ value: string }> {
  return (values ?? []).map((value) => value.trim().replace(/^SN\s*:\s*/i, "")).filter((value) => value !== "").map((value) => ({ value }));
}

/** Repeated `<TrackNumber>` elements, comma lists inside one, or both; deduplicated in order. */
function trackingNumbers(values: readonly string[] | undefined): string[] {
  const numbers = (values ?? []).flatMap((value) => value.split(",")).map((value) => value.trim());
  return [...new Set(numbers.filter((value) => value !== ""))];
}

/** Named values with no field of their own; empty elements (`<ApprovalNumber/>`) carry nothing. */
function attributes(entries: ReadonlyArray<readonly [string, string | undefined]>): AttributeModel[] {
  return entries.flatMap(([name, text]) => {
    const value = present(text);
    return value === null ? [] : [{ name, value }];
  });
}

function terms(invoice: TdInvoice): PaymentTermsModel | null {
  const model: PaymentTermsModel = {
    type: null,
    typeCode: null,
    description: present(invoice.PaymentTermDesc),
    netDays: integerField("PaymentTermDays", invoice.PaymentTermDays),
    dueDate: null,
    discountPercent: decimalField("Discount", invoice.Discount),
    discountDays: integerField("DiscountDays", invoice.DiscountDays),
    discountDueDate: null,
  };
  const empty = model.description === null && model.netDays === null && model.discountPercent === null && model.discountDays === null;
  return empty ? null : model;
}

function carrier(invoice: TdInvoice): CarrierModel | null {
  const code = present(invoice.ShipMethodCode);
  const name = present(invoice.ShipMethodDesc);
  if (code === null && name === null) return null;
  return { code, name, serviceCode: null, serviceName: null, accountNumber: null, trackingUrl: null };
}

/** Street lines; TD writes "-" for an empty line, which is a placeholder, not address text. */
function streetLines(address: TdAddress): string[] {
  return [address.AddressLine1, address.AddressLine2, address.AddressLine3].flatMap((line) => {
    const value = present(line);
    return value === null || value === "-" ? [] : [value];
  });
}

/**
 * Documented shape `AddressName`/`Zip`; the SDK's `AddressName1`/`AddressName2`/`ZipCode` too.
 * No source shows both name shapes in one address; if both came, `AddressName` would win.
 */
function shipToAddress(address: TdAddress | undefined): AddressModel | null {
  if (address === undefined) return null;
  return addressModel({
    name: present(address.AddressName) ?? present(address.AddressName1),
    // The SDK shape's second name line (department or "ATTN" line of the PO schema).
    attention: present(address.AddressName2),
    lines: streetLines(address),
    city: present(address.City),
    region: present(address.State),
    postalCode: present(address.Zip) ?? present(address.ZipCode),
    country: present(address.Country),
  });
}

/** On the bill-to, `AddressName1` is the customer account number and `AddressName2` the name. */
function billToAddress(address: TdAddress | undefined): AddressModel | null {
  if (address === undefined) return null;
  return addressModel({
    name: present(address.AddressName2) ?? present(address.AddressName),
    accountNumber: present(address.AddressName1),
    lines: streetLines(address),
    city: present(address.City),
    region: present(address.State),
    postalCode: present(address.Zip) ?? present(address.ZipCode),
    country: present(address.Country),
  });
}
