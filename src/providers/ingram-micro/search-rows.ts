// What the v6 invoice search says about an invoice that its v5 detail does not: the invoice
// status, the due dates and the amount still due. Every purchase-order lookup reads the search
// anyway, so its rows are merged into the detail's invoice at no extra call. Pure.
//
// - status ← invoiceStatus (ingram.invoiceStatus table; the raw text kept).
// - dueDate ← invoiceDueDate, else paymentTermsDueDate; PaymentTerms.dueDate ← paymentTermsDueDate.
// - amountDue ← invoicedAmountDue, in the detail's invoice currency (the row names none);
//   invoiceAmountInclTax is compared with the detail's totalamount, and a difference (which a
//   currency mismatch would cause) is reported as a Discrepancy, never corrected.
// - invoiceDate, orderDate (orderCreateDate) and endUserOrderNumber (endCustomerOrderNumber)
//   fill what the detail left empty; the detail wins where both speak.
// - specialBidNumbers, gstInvoiceNumber, forgntotalamount and isfseccenabled are attributes.
//
// An invoice the search lists but whose detail Ingram no longer serves (it keeps nine months)
// is built from its row alone, marked `archived`. The row names no currency, so its amounts
// stay attributes, exactly as sent, rather than Money in a guessed currency.
import { ingramInvoiceStatusTable } from "../../domain/code-tables/index.js";
import { decimalsEqual } from "../../domain/decimal.js";
import { invoiceModel } from "../../domain/factories.js";
import type { AttributeModel, DiscrepancyModel, InvoiceModel, LookupNoticeModel, PaymentTermsModel } from "../../domain/models.js";
import type { SearchRowDto } from "./schemas.js";

const NO_TERMS: PaymentTermsModel = { type: null, typeCode: null, description: null, netDays: null, dueDate: null, discountPercent: null, discountDays: null, discountDueDate: null };

/** The detail's invoice with the header fields of its search row. */
export function withSearchRow(invoice: InvoiceModel, row: SearchRowDto): InvoiceModel {
  const currency = invoice.currency ?? "";
  return {
    ...invoice,
    status: ingramInvoiceStatusTable.translate(row.invoicestatus) ?? invoice.status,
    dueDate: row.invoiceduedate ?? row.paymenttermsduedate ?? invoice.dueDate,
    terms: row.paymenttermsduedate === null ? invoice.terms : { ...(invoice.terms ?? NO_TERMS), dueDate: row.paymenttermsduedate },
    amountDue: row.invoicedamountdue === null ? invoice.amountDue : { amount: row.invoicedamountdue, currency },
    invoiceDate: invoice.invoiceDate ?? row.invoicedate,
    orderDate: invoice.orderDate ?? row.ordercreatedate,
    endUserOrderNumber: invoice.endUserOrderNumber ?? row.endcustomerordernumber,
    attributes: [...invoice.attributes, ...rowAttributes(row, false)],
    discrepancies: [...invoice.discrepancies, ...totalAgreement(invoice, row)],
  };
}

/** An invoice Ingram lists but no longer details: its search row, and nothing invented. */
export function archivedInvoice(number: string, row: SearchRowDto): InvoiceModel {
  const credit = row.invoiceamountincltax?.startsWith("-") === true;
  return invoiceModel("INGRAM_MICRO", { ref: number, number }, {
    archived: true,
    purchaseOrderNumber: row.customerordernumber,
    orderNumber: row.erpordernumber ?? number,
    endUserOrderNumber: row.endcustomerordernumber,
    // A negative amount is a credit memo, as on the detail; the search has no document type.
    documentType: credit ? { value: "CREDIT_MEMO", code: null, description: "Credit memo" } : { value: "INVOICE", code: null, description: "Invoice" },
    status: ingramInvoiceStatusTable.translate(row.invoicestatus),
    invoiceDate: row.invoicedate,
    orderDate: row.ordercreatedate,
    dueDate: row.invoiceduedate ?? row.paymenttermsduedate,
    terms: row.paymenttermsduedate === null ? null : { ...NO_TERMS, dueDate: row.paymenttermsduedate },
    attributes: rowAttributes(row, true),
  });
}

/** The ARCHIVED notice of a purchase order's archived invoice. */
export function archivedNotice(purchaseOrderNumber: string, invoice: InvoiceModel): LookupNoticeModel {
  return {
    provider: "INGRAM_MICRO",
    purchaseOrderNumber,
    code: "ARCHIVED",
    invoiceNumber: invoice.number,
    message: `Ingram Micro lists invoice ${invoice.number} but no longer serves its details (kept nine months): only the fields of its invoice search are given`,
  };
}

function rowAttributes(row: SearchRowDto, withAmounts: boolean): AttributeModel[] {
  const named: Array<readonly [string, string | null | undefined]> = [
    ...(withAmounts
      ? ([
          ["invoiceAmountInclTax", row.invoiceamountincltax],
          ["invoicedAmountDue", row.invoicedamountdue],
        ] as const)
      : []),
    ["forgntotalamount", row.forgntotalamount],
    ["gstInvoiceNumber", row.gstinvoicenumber],
    ["isfseccenabled", row.isfseccenabled],
    ...row.specialbidnumbers.map((value) => ["specialBidNumber", value] as const),
  ];
  return named.flatMap(([name, value]) => (value === null || value === undefined ? [] : [{ name, value }]));
}

function totalAgreement(invoice: InvoiceModel, row: SearchRowDto): DiscrepancyModel[] {
  const searched = row.invoiceamountincltax;
  const total = invoice.total?.amount ?? null;
  if (searched === null || total === null || decimalsEqual(searched, total)) return [];
  return [
    {
      lineNumber: null,
      field: "Invoice.total",
      expected: searched,
      actual: total,
      message: `Ingram Micro's invoice search states invoiceAmountInclTax ${searched}, its invoice detail totalamount ${total}`,
    },
  ];
}
