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
import { ingramInvoiceStatusTable } from "../../domain/code-tables/index.js";
import { ProviderError } from "../../domain/errors.js";
import { invoiceModel } from "../../domain/factories.js";
import type { AttributeModel, InvoiceModel } from "../../domain/models.js";
import { SEARCH_DETAIL_FIELDS } from "../../search/detail-fields.js";
import type { SearchCapability, SearchQuery } from "../types.js";
import type { IngramClient } from "./client.js";
import { detailNumberOf } from "./numbers.js";
import { readSearchPage } from "./responses.js";
import type { SearchRowDto } from "./schemas.js";

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

/** A search row as a header-only invoice; its number is the detail number (the ref of its id). */
export function searchRowInvoice(number: string, row: SearchRowDto): InvoiceModel {
  const credit = row.invoiceamountincltax?.startsWith("-") === true;
  return invoiceModel("INGRAM_MICRO", { ref: number, number }, {
    purchaseOrderNumber: row.customerordernumber,
    orderNumber: row.erpordernumber ?? number,
    endUserOrderNumber: row.endcustomerordernumber,
    documentType: credit ? { value: "CREDIT_MEMO", code: null, description: "Credit memo" } : { value: "INVOICE", code: null, description: "Invoice" },
    status: ingramInvoiceStatusTable.translate(row.invoicestatus),
    invoiceDate: row.invoicedate,
    orderDate: row.ordercreatedate,
    dueDate: row.invoiceduedate ?? row.paymenttermsduedate,
    terms:
      row.paymenttermsduedate === null
        ? null
        : { type: null, typeCode: null, description: null, netDays: null, dueDate: row.paymenttermsduedate, discountPercent: null, discountDays: null, discountDueDate: null },
    attributes: rowAttributes(row),
    headerOnly: { detailFields: SEARCH_DETAIL_FIELDS, amounts: { total: row.invoiceamountincltax, amountDue: row.invoicedamountdue } },
  });
}

/** What the row says that has no field of its own (the amounts have: total and amountDue). */
function rowAttributes(row: SearchRowDto): AttributeModel[] {
  const named: Array<readonly [string, string | null | undefined]> = [
    ["forgntotalamount", row.forgntotalamount],
    ["gstInvoiceNumber", row.gstinvoicenumber],
    ["isfseccenabled", row.isfseccenabled],
    ...row.specialbidnumbers.map((value) => ["specialBidNumber", value] as const),
  ];
  return named.flatMap(([name, value]) => (value === null || value === undefined ? [] : [{ name, value }]));
}
