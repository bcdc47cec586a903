// Search rows and their details. A vendor's search may list an invoice's header only (Ingram
// Micro's v6 search: status, dates, amounts, no lines, addresses or currency); such an invoice
// carries `headerOnly` (domain/models.ts), and the Invoice resolvers read the fields below from
// the invoice completed with its detail, fetched only when one of them is selected. Pure.
import { decimalsEqual, type DecimalString } from "../domain/decimal.js";
import type { DiscrepancyModel, InvoiceModel, MoneyModel } from "../domain/models.js";

/**
 * Every Invoice field a search row may leave to the detail call (GraphQL names). A provider's
 * rows name their own subset in `headerOnly.detailFields`; the resolvers wrap all of these.
 */
export const SEARCH_DETAIL_FIELDS = [
  "referenceNumber",
  "originalDocumentNumber",
  "originalInvoice",
  "documentTypeCode",
  "orderStatus",
  "orderStatusCode",
  "holdReason",
  "creditMemoReason",
  "shipDate",
  "currency",
  "companyCurrency",
  "exchangeRate",
  "subtotal",
  "tax",
  "freight",
  "discount",
  "total",
  "amountDue",
  "terms",
  "billTo",
  "shipTo",
  "soldTo",
  "carrier",
  "trackingNumbers",
  "weight",
  "lines",
  "charges",
  "attributes",
  "discrepancies",
  "archived",
] as const;

export type SearchDetailField = (typeof SEARCH_DETAIL_FIELDS)[number];

/** Whether `field` of this invoice needs its detail (a search row that lacks it). */
export function needsDetail(invoice: InvoiceModel, field: string): boolean {
  return invoice.headerOnly?.detailFields.includes(field) === true;
}

/**
 * A row's amount when the query selects nothing of it but `amount`: no detail call then. The
 * currency is left empty because it is not selected (and so never served); null otherwise.
 */
export function amountFromRow(invoice: InvoiceModel, field: string, selected: ReadonlySet<string>): MoneyModel | null {
  if (field !== "total" && field !== "amountDue") return null;
  const amount = invoice.headerOnly?.amounts[field] ?? null;
  if (amount === null || [...selected].some((name) => name !== "amount" && name !== "__typename")) return null;
  return { amount, currency: "" };
}

const completed = new WeakMap<InvoiceModel, { readonly detail: InvoiceModel | null; readonly invoice: InvoiceModel }>();

/**
 * The row completed with its detail: the detail's fields, with what only the row says laid
 * over them (as a purchase-order lookup merges Ingram's search rows: status, due date, amount
 * due in the detail's currency, the row's attributes), and the two totals compared. Without a
 * detail (the provider no longer serves it) the row is all there is: `archived`, and no amount
 * it cannot name the currency of.
 */
export function completeInvoice(row: InvoiceModel, detail: InvoiceModel | null): InvoiceModel {
  const memo = completed.get(row);
  if (memo !== undefined && memo.detail === detail) return memo.invoice;
  const invoice = detail === null ? archivedRow(row) : merged(row, detail);
  completed.set(row, { detail, invoice });
  return invoice;
}

function archivedRow(row: InvoiceModel): InvoiceModel {
  const { headerOnly: _dropped, ...rest } = row;
  return { ...rest, archived: true, total: null, amountDue: null };
}

function merged(row: InvoiceModel, detail: InvoiceModel): InvoiceModel {
  const { headerOnly, ...rowFields } = row;
  const currency = detail.currency;
  const rowAmount = (amount: DecimalString | null | undefined): MoneyModel | null => (amount === null || amount === undefined || currency === null ? null : { amount, currency });
  const known = new Set(detail.attributes.map((a) => `${a.name}\u0000${a.value ?? ""}`));
  return {
    ...detail,
    retrievedAt: rowFields.retrievedAt ?? detail.retrievedAt,
    purchaseOrderNumber: detail.purchaseOrderNumber ?? row.purchaseOrderNumber,
    endUserOrderNumber: detail.endUserOrderNumber ?? row.endUserOrderNumber,
    invoiceDate: detail.invoiceDate ?? row.invoiceDate,
    orderDate: detail.orderDate ?? row.orderDate,
    status: row.status ?? detail.status,
    dueDate: row.dueDate ?? detail.dueDate,
    terms: row.terms === null ? detail.terms : detail.terms === null ? row.terms : { ...detail.terms, dueDate: row.terms.dueDate ?? detail.terms.dueDate },
    total: detail.total ?? rowAmount(headerOnly?.amounts.total),
    amountDue: rowAmount(headerOnly?.amounts.amountDue) ?? detail.amountDue,
    attributes: [...detail.attributes, ...row.attributes.filter((a) => !known.has(`${a.name}\u0000${a.value ?? ""}`))],
    discrepancies: [...detail.discrepancies, ...totalsAgree(headerOnly?.amounts.total ?? null, detail.total)],
  };
}

function totalsAgree(listed: DecimalString | null, total: MoneyModel | null): DiscrepancyModel[] {
  if (listed === null || total === null || decimalsEqual(listed, total.amount)) return [];
  return [{ lineNumber: null, field: "Invoice.total", expected: listed, actual: total.amount, message: `the provider's invoice search states the total ${listed}, its invoice detail ${total.amount}` }];
}
