// Writes TD SYNNEX `<Invoice>` elements from compact specs, the way TD's feed spells them:
// the misspelled `ManuafacturerPartNumber` by default, `LineNumber` as an attribute, every
// value as text. Specs name their own variants (element spellings, address shapes, comma
// lists) so the sample data covers what the wire notes say real answers contain.
import { escapeXml } from "../../providers/td-synnex/request.js";

/** Element name → text, written in this order (an address in either shape, a summary ...). */
export type Elements = ReadonlyArray<readonly [string, string]>;

export interface ItemSpec {
  readonly line: string;
  /** Write the line number as a `<LineNumber>` element (SDK shape) instead of an attribute. */
  readonly lineAsElement?: boolean;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly synnexPart: string;
  readonly manufacturerPart: string;
  /** "typo" (default): `ManuafacturerPartNumber`, as TD sends it; "correct": `ManufacturerPartNumber`. */
  readonly manufacturerSpelling?: "typo" | "correct";
  readonly sku: string;
  readonly vendorNumber?: string;
  readonly vendorName?: string;
  readonly upc?: string;
  readonly description: string;
  readonly customerLine?: string;
  /** One `<SerialNo>` per entry, written as given ("SN: 0042" keeps its prefix). */
  readonly serials?: readonly string[];
}

export interface InvoiceSpec {
  readonly number: string;
  /** Written inside the invoice too; TD sometimes leaves it to the parent only. */
  readonly purchaseOrder?: string;
  readonly date: string;
  readonly orderType: string;
  readonly approvalNumber?: string;
  readonly shipTo: Elements;
  readonly billTo: Elements;
  readonly terms: { readonly discount: string; readonly discountDays: string; readonly netDays: string; readonly description: string };
  readonly shipMethod: readonly [code: string, description: string | null];
  readonly shipDate: string;
  readonly comments?: string;
  readonly reference: string;
  /** One `<TrackNumber>` per entry; an entry may itself be a comma list. */
  readonly tracking: readonly string[];
  readonly items: readonly ItemSpec[];
  readonly summary: Elements;
}

const el = (name: string, value: string | undefined): string => (value === undefined ? "" : value === "" ? `<${name}/>` : `<${name}>${escapeXml(value)}</${name}>`);
const block = (name: string, elements: Elements): string => `<${name}>${elements.map(([n, v]) => el(n, v)).join("")}</${name}>`;

function itemXml(item: ItemSpec): string {
  const open = item.lineAsElement === true ? "<Item>" : `<Item LineNumber="${escapeXml(item.line)}">`;
  const mpn = item.manufacturerSpelling === "correct" ? "ManufacturerPartNumber" : "ManuafacturerPartNumber";
  return [
    open,
    item.lineAsElement === true ? el("LineNumber", item.line) : "",
    el("ShipQuantity", item.quantity),
    el("UnitPrice", item.unitPrice),
    el("SynnexPartNumber", item.synnexPart),
    el(mpn, item.manufacturerPart),
    el("SKU", item.sku),
    el("VendorNumber", item.vendorNumber),
    el("VendorName", item.vendorName),
    el("UPCCode", item.upc),
    el("ProductDescription", item.description),
    el("CustPOLineNo", item.customerLine),
    ...(item.serials ?? []).map((serial) => el("SerialNo", serial)),
    "</Item>",
  ].join("");
}

export function invoiceXml(spec: InvoiceSpec): string {
  return [
    "<Invoice>",
    el("CustomerPONumber", spec.purchaseOrder),
    el("InvoiceDate", spec.date),
    el("InvoiceNumber", spec.number),
    el("OrderType", spec.orderType),
    el("ApprovalNumber", spec.approvalNumber ?? ""),
    block("ShipTo", spec.shipTo),
    block("BillTo", spec.billTo),
    el("Discount", spec.terms.discount),
    el("DiscountDays", spec.terms.discountDays),
    el("PaymentTermDays", spec.terms.netDays),
    el("PaymentTermDesc", spec.terms.description),
    el("ShipMethodCode", spec.shipMethod[0]),
    el("ShipMethodDesc", spec.shipMethod[1] ?? undefined),
    el("ShipDate", spec.shipDate),
    el("Comments", spec.comments ?? ""),
    el("InternalReferenceNumber", spec.reference),
    `<Tracking>${spec.tracking.map((t) => el("TrackNumber", t)).join("")}</Tracking>`,
    `<Items>${spec.items.map(itemXml).join("")}</Items>`,
    block("Summary", spec.summary),
    "</Invoice>",
  ].join("\n");
}

type BaseFee = "ExpenseTotal" | "MinOrderFee" | "Rebate" | "ProcessingFee" | "BoxCharge";

/** A Summary in TD's element order; `fees` replaces the 0.0 defaults, `extra` adds Shipping, RecyclingFee ... */
export function summary(values: {
  total: string;
  tax: string;
  freight?: string;
  flag?: readonly [element: "AllowanceORCharge" | "AllowanceOrCharge", value: string];
  fees?: Partial<Record<BaseFee, string>>;
  weight: string;
  boxes: string;
  extra?: Elements;
}): Elements {
  const [flagElement, flagValue] = values.flag ?? ["AllowanceORCharge", "A"];
  const fee = (name: BaseFee): readonly [string, string] => [name, values.fees?.[name] ?? "0.0"];
  return [
    ["TotalInvoiceAmount", values.total],
    [flagElement, flagValue],
    fee("ExpenseTotal"),
    fee("MinOrderFee"),
    fee("Rebate"),
    ["Freight", values.freight ?? "0.0"],
    fee("ProcessingFee"),
    fee("BoxCharge"),
    ...(values.extra ?? []),
    ["TotalWeight", values.weight],
    ["BoxCount", values.boxes],
    ["SalesTax", values.tax],
  ];
}
