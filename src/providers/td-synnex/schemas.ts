// zod over the tree the hardened XML decoder returns. Every value is text (the decoder never
// converts), so every leaf here is a string; amounts, dates and counts are parsed in
// normalize.ts, where a bad value fails its invoice instead of turning into a wrong number.
// Element names follow the vendor document, the wire notes and the public SDK; where they
// disagree both spellings are accepted (ManuafacturerPartNumber, AllowanceORCharge, Zip/ZipCode).
// Elements not listed here are stripped by z.object: the mapping below covers every element
// the vendor document, the wire notes and the SDK name, and nothing else has a known meaning.
import { z } from "zod";
import { XML_ATTRIBUTE_PREFIX, XML_TEXT_KEY } from "../../xml/index.js";

/** The list paths of the decoder: these elements are arrays even when there is one. */
export const TD_SYNNEX_ARRAY_PATHS = [
  "SynnexB2B.InvoiceResponse.Invoice",
  "SynnexB2B.InvoiceResponse.Invoice.Items.Item",
  "SynnexB2B.InvoiceResponse.Invoice.Items.Item.SerialNo",
  "SynnexB2B.InvoiceResponse.Invoice.Tracking.TrackNumber",
  "SynnexB2B.InvoiceResponse.ErrorCode",
  "SynnexB2B.InvoiceResponse.ErrorReason",
  "SynnexB2B.InvoiceResponse.ErrorMessage",
  "SynnexB2B.ErrorDetail",
  "SynnexB2B.ErrorResponse",
  "SynnexB2B.ErrorMessage",
] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An element holding text; with attributes it arrives as `{ "#text": …, "@attr": … }`. */
const text = z.unknown().transform((value, ctx): string => {
  if (typeof value === "string") return value;
  if (isRecord(value) && Object.keys(value).every((key) => key === XML_TEXT_KEY || key.startsWith(XML_ATTRIBUTE_PREFIX))) {
    const inner = value[XML_TEXT_KEY];
    if (inner === undefined) return "";
    if (typeof inner === "string") return inner;
  }
  // Child elements (or a repeated element) where text was expected: the shape is not TD's.
  ctx.addIssue({ code: "custom", message: "expected a text element" });
  return z.NEVER;
});
const optionalText = text.optional();

/** A container element; an empty one (`<Items/>`) arrives as "" and means "no children". */
function container<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.preprocess((value) => (value === "" ? {} : value), z.object(shape));
}

const AddressSchema = container({
  AddressName: optionalText,
  AddressName1: optionalText,
  AddressName2: optionalText,
  AddressLine1: optionalText,
  AddressLine2: optionalText,
  AddressLine3: optionalText,
  City: optionalText,
  State: optionalText,
  Zip: optionalText,
  ZipCode: optionalText,
  Country: optionalText,
});

const ItemSchema = container({
  // The line number is an attribute in the vendor sample, an element in the SDK.
  "@LineNumber": optionalText,
  LineNumber: optionalText,
  CustPOLineNo: optionalText,
  SKU: optionalText,
  SynnexPartNumber: optionalText,
  // Misspelled in TD's feed; some versions send the correct spelling.
  ManuafacturerPartNumber: optionalText,
  ManufacturerPartNumber: optionalText,
  VendorNumber: optionalText,
  VendorName: optionalText,
  UPCCode: optionalText,
  ProductDescription: optionalText,
  ShipQuantity: optionalText,
  UnitPrice: optionalText,
  SerialNo: z.array(text).optional(),
});

const SummarySchema = container({
  TotalInvoiceAmount: optionalText,
  AllowanceORCharge: optionalText,
  AllowanceOrCharge: optionalText,
  ExpenseTotal: optionalText,
  MinOrderFee: optionalText,
  Rebate: optionalText,
  Freight: optionalText,
  Shipping: optionalText,
  HandlingFee: optionalText,
  ProcessingFee: optionalText,
  RecyclingFee: optionalText,
  BoxCharge: optionalText,
  TotalWeight: optionalText,
  BoxCount: optionalText,
  SalesTax: optionalText,
});

export const InvoiceSchema = container({
  CustomerPONumber: optionalText,
  InvoiceNumber: optionalText,
  InvoiceDate: optionalText,
  OrderType: optionalText,
  ApprovalNumber: optionalText,
  ShipTo: AddressSchema.optional(),
  BillTo: AddressSchema.optional(),
  Discount: optionalText,
  DiscountDays: optionalText,
  PaymentTermDays: optionalText,
  PaymentTermDesc: optionalText,
  ShipMethodCode: optionalText,
  ShipMethodDesc: optionalText,
  ShipDate: optionalText,
  Comments: optionalText,
  InternalReferenceNumber: optionalText,
  Tracking: container({ TrackNumber: z.array(text).optional() }).optional(),
  Items: container({ Item: z.array(ItemSchema).optional() }).optional(),
  Summary: SummarySchema.optional(),
});

/** Error elements may hold plain text or nested elements; their text is gathered later. */
const errorNodes = z.array(z.unknown()).optional();

/**
 * The root element's content. Invoices stay `unknown` here and are parsed one by one with
 * InvoiceSchema, so a bad invoice is known by its position instead of failing the envelope.
 * The root's `version` attribute is stripped: it carries no invoice data.
 */
export const ResponseSchema = container({
  InvoiceResponse: container({
    CustomerPONumber: optionalText,
    Invoice: z.array(z.unknown()).optional(),
    ErrorCode: errorNodes,
    ErrorReason: errorNodes,
    ErrorMessage: errorNodes,
  }).optional(),
  ErrorDetail: errorNodes,
  ErrorResponse: errorNodes,
  ErrorMessage: errorNodes,
});

export type TdInvoice = z.infer<typeof InvoiceSchema>;
export type TdItem = z.infer<typeof ItemSchema>;
export type TdAddress = z.infer<typeof AddressSchema>;
export type TdSummary = z.infer<typeof SummarySchema>;
export type TdResponse = z.infer<typeof ResponseSchema>;
