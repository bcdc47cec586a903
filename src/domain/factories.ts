// Complete models with every optional field empty, so a normalizer (or a test) states only
// what its provider actually has, and adding a field to the model is one edit here.
import type { Provider } from "../__generated__/resolvers-types.js";
import { encodeInvoiceId } from "./ids.js";
import type { AddressModel, InvoiceModel, LineModel } from "./models.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function invoiceModel(
  provider: Provider,
  identity: { ref: string; number: string },
  fields: Partial<Omit<InvoiceModel, "id" | "provider" | "ref" | "number">> = {},
): InvoiceModel {
  const base: Mutable<InvoiceModel> = {
    id: encodeInvoiceId(provider, identity.ref),
    provider,
    ref: identity.ref,
    number: identity.number,
    purchaseOrderNumber: null,
    orderNumber: null,
    endUserOrderNumber: null,
    referenceNumber: null,
    originalDocumentNumber: null,
    documentType: null,
    status: null,
    orderStatus: null,
    holdReason: null,
    creditMemoReason: null,
    invoiceDate: null,
    orderDate: null,
    shipDate: null,
    dueDate: null,
    invoicedAt: null,
    orderedAt: null,
    shippedAt: null,
    acknowledgedAt: null,
    paidAt: null,
    closedAt: null,
    canceledAt: null,
    currency: null,
    companyCurrency: null,
    exchangeRate: null,
    subtotal: null,
    tax: null,
    freight: null,
    discount: null,
    total: null,
    amountDue: null,
    terms: null,
    billTo: null,
    shipTo: null,
    shipFrom: null,
    remitTo: null,
    soldTo: null,
    carrier: null,
    trackingNumbers: [],
    weight: null,
    boxCount: null,
    lines: [],
    charges: [],
    notes: null,
    brand: null,
    connectionId: null,
    metalMarketRates: [],
    attributes: [],
    discrepancies: [],
    archived: false,
    acceptance: null,
  };
  return { ...base, ...fields };
}

export function lineModel(fields: Partial<LineModel> = {}): LineModel {
  return {
    number: null,
    customerLineNumber: null,
    partNumber: null,
    manufacturerPartNumber: null,
    sku: null,
    upc: null,
    description: null,
    quantityOrdered: null,
    quantityShipped: null,
    quantityBackordered: null,
    backorderEta: null,
    unitPrice: null,
    extendedPrice: null,
    unitOfMeasure: null,
    warehouse: null,
    serialNumbers: [],
    trackingNumbers: [],
    notes: null,
    attributes: [],
    specialBidNumber: null,
    ...fields,
  };
}

/**
 * An address, or null when the provider sent nothing in it. Blank lines are dropped. A type
 * alone (fabric's `type` on an otherwise blank address) is no address.
 */
export function addressModel(fields: Partial<AddressModel>): AddressModel | null {
  const address: AddressModel = {
    name: null,
    attention: null,
    city: null,
    region: null,
    postalCode: null,
    country: null,
    phone: null,
    email: null,
    accountNumber: null,
    alternatePhone: null,
    fax: null,
    taxId: null,
    addressType: null,
    ...fields,
    lines: (fields.lines ?? []).map((line) => line.trim()).filter((line) => line !== ""),
  };
  const empty =
    address.lines.length === 0 && Object.entries(address).every(([key, value]) => key === "lines" || key === "addressType" || value === null || value === "");
  return empty ? null : address;
}
