// Ingram Micro's invoice search by date (issue 15): `GET /resellers/v6/invoices` with
// invoiceFromDate/invoiceToDate, invoiceFromDueDate/invoiceToDueDate, invoiceStatus (Open
// only: Closed and Paid are two texts and the parameter takes one), sorted by InvoiceDate,
// newest first, up to 100 rows a page (wire notes §1.5). One call per page, through the
// account's rate limiter like every Ingram call.
//
// A row is an invoice's header: number, purchase order, status, invoice, order and due dates,
// the amount due and the total. It is returned as is, marked `headerOnly`: lines, addresses,
// order status, charges and the currency of the amounts only come from the v5 detail, which
// the Invoice resolvers fetch per invoice only when a query selects one of those fields
// (search/detail-fields.ts). A negative total is a credit memo, as on the detail.
import { ProviderError } from "../../domain/errors.js";
import type { InvoiceModel } from "../../domain/models.js";
import { SEARCH_DETAIL_FIELDS } from "../../search/detail-fields.js";
import type { SearchCapability, SearchQuery } from "../types.js";
import type { IngramClient } from "./client.js";
import { detailNumberOf } from "./numbers.js";
import { readSearchPage } from "./responses.js";
import type { SearchRowDto } from "./schemas.js";
import { archivedInvoice } from "./search-rows.js";

/** The v6 search's parameters for one page of a query. */
export function searchParameters(query: SearchQuery, pageSize: number): Record<string, string> {
  const parameters: Record<string, string> = { orderby: "InvoiceDate", direction: "desc", pageNumber: String(query.page), pageSize: String(pageSize) };
  if (query.invoiceDateFrom !== null) parameters["invoiceFromDate"] = query.invoiceDateFrom;
  if (query.invoiceDateTo !== null) parameters["invoiceToDate"] = query.invoiceDateTo;
  if (query.dueDateFrom !== null) parameters["invoiceFromDueDate"] = query.dueDateFrom;
  if (query.dueDateTo !== null) parameters["invoiceToDueDate"] = query.dueDateTo;
  // OPEN is one text on the wire (the search writes "OPEN"); CLOSED is Closed or Paid: filtered here.
  if (query.status === "OPEN") parameters["invoiceStatus"] = "OPEN";
  return parameters;
}

export function ingramSearch(client: IngramClient, pageSize: number): SearchCapability {
  return {
    pageSize,
    dueDates: true,
    async page(query, call) {
      const page = readSearchPage("a search by date", await client.searchInvoicesWhere(searchParameters(query, pageSize), call));
      const invoices = page.invoices.map((row) => {
        const number = detailNumberOf(row);
        if (number === null) throw new ProviderError("INGRAM_MICRO", "BAD_RESPONSE", "Ingram Micro's invoice search listed a row without a usable invoice number");
        return searchRowInvoice(number, row);
      });
      const served = page.pagesize ?? pageSize;
      return { invoices, hasMore: invoices.length > 0 && query.page * served < page.recordsfound, newestFirst: true, total: page.recordsfound };
    },
  };
}

/** Amounts issue 14 keeps as attributes of an archived row; here they are the row's `total` and `amountDue`. */
const ROW_AMOUNTS: ReadonlySet<string> = new Set(["invoiceAmountInclTax", "invoicedAmountDue"]);

/**
 * A search row as a header-only invoice, mapped as issue 14 maps an archived invoice's row
 * (search-rows.ts: status, dates, due date, terms, document type from the sign, attributes);
 * its number is the detail number (the ref of its id). Whether Ingram still serves the detail
 * (`archived`) is a detail field: only asking for the detail tells.
 */
export function searchRowInvoice(number: string, row: SearchRowDto): InvoiceModel {
  const listed = archivedInvoice(number, row);
  return {
    ...listed,
    archived: false,
    attributes: listed.attributes.filter((attribute) => !ROW_AMOUNTS.has(attribute.name)),
    headerOnly: { detailFields: SEARCH_DETAIL_FIELDS, amounts: { total: row.invoiceamountincltax, amountDue: row.invoicedamountdue } },
  };
}
