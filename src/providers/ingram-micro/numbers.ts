// Ingram Micro invoice numbers. The v5 detail path takes the hyphenated form (20-12345-11, at
// most 12 characters); v6 search lists `erpOrderNumber` in that form and `invoiceNumber`
// without hyphens (40MKTRW11). The hyphenated form is the invoice's key everywhere here, and
// the unhyphenated form a client copies from the search is read as the same invoice.

const INVOICE_NUMBER = /^[A-Z0-9][A-Z0-9-]{0,11}$/;
const UNHYPHENATED = /^([0-9]{2})([A-Z0-9]{5})([0-9]{2})$/;

/**
 * Trimmed, upper-cased and in the hyphenated detail form ("201234511" → "20-12345-11"), or
 * null when it cannot be an Ingram invoice number (never sent upstream).
 */
export function canonicalInvoiceNumber(text: string | null | undefined): string | null {
  const candidate = text?.trim().toUpperCase() ?? "";
  if (!INVOICE_NUMBER.test(candidate)) return null;
  const parts = UNHYPHENATED.exec(candidate);
  return parts === null ? candidate : `${parts[1]}-${parts[2]}-${parts[3]}`;
}

/** The detail key of a v6 search row: erpOrderNumber, else invoiceNumber with its hyphens restored. */
export function detailNumberOf(row: { erpordernumber: string | null; invoicenumber: string | null }): string | null {
  return canonicalInvoiceNumber(row.erpordernumber) ?? canonicalInvoiceNumber(row.invoicenumber);
}
