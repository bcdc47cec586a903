// Ingram Micro invoice numbers. The v5 detail path takes the hyphenated form (20-12345-11, at
// most 12 characters); v6 search lists `erpOrderNumber` in that form and `invoiceNumber`
// without hyphens (40MKTRW11). The hyphenated form is the invoice's key everywhere here.

const INVOICE_NUMBER = /^[A-Z0-9][A-Z0-9-]{0,11}$/;
const UNHYPHENATED = /^([0-9]{2})([A-Z0-9]{5})([0-9]{2})$/;

/** Trimmed and upper-cased, or null when it cannot be an Ingram invoice number (never sent upstream). */
export function canonicalInvoiceNumber(text: string | null | undefined): string | null {
  const candidate = text?.trim().toUpperCase() ?? "";
  return INVOICE_NUMBER.test(candidate) ? candidate : null;
}

/** The detail key of a v6 search row: erpOrderNumber, else invoiceNumber with its hyphens restored. */
export function detailNumberOf(row: { erpordernumber: string | null; invoicenumber: string | null }): string | null {
  const erp = canonicalInvoiceNumber(row.erpordernumber);
  if (erp !== null) return erp;
  const bare = canonicalInvoiceNumber(row.invoicenumber);
  const parts = bare === null ? null : UNHYPHENATED.exec(bare);
  return parts === null ? bare : `${parts[1]}-${parts[2]}-${parts[3]}`;
}
