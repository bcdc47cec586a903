// The SynnexB2B invoice query document. Credentials travel in the body (the service has no
// HTTP authentication), so this text is never logged. Every value is XML-escaped.
import type { TdSynnexConfig } from "../../config.js";

/** A lookup by customer PO (all invoices of the PO) or by TD SYNNEX order number. */
export type InvoiceQuery =
  | { readonly kind: "po"; readonly value: string }
  /** The vendor document says the invoice number equals the sales order number. */
  | { readonly kind: "order"; readonly value: string };

export type TdSynnexCredentials = Pick<TdSynnexConfig, "userId" | "password" | "customerNumber">;

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

// Characters XML 1.0 cannot carry at all, escaped or not (C0 controls except tab/LF/CR,
// lone surrogates, U+FFFE/U+FFFF).
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `text` can be written into an XML 1.0 document. */
export function isXmlSafe(text: string): boolean {
  return !NOT_XML_CHAR.test(text);
}

/** Escapes the five XML specials, for element content and attribute values alike. */
export function escapeXml(text: string): string {
  if (!isXmlSafe(text)) throw new RangeError("text contains characters XML 1.0 cannot carry");
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/** The request body. Throws RangeError for a value XML cannot carry (check isXmlSafe first). */
export function buildInvoiceRequest(credentials: TdSynnexCredentials, query: InvoiceQuery): string {
  const lookup = query.kind === "po" ? `<PONumber>${escapeXml(query.value)}</PONumber>` : `<OrderNumber>${escapeXml(query.value)}</OrderNumber>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<SynnexB2B version="1.0">',
    "<Credential>",
    `<UserID>${escapeXml(credentials.userId)}</UserID>`,
    `<Password>${escapeXml(credentials.password)}</Password>`,
    "</Credential>",
    "<InvoiceRequest>",
    `<CustomerNumber>${escapeXml(credentials.customerNumber)}</CustomerNumber>`,
    lookup,
    "</InvoiceRequest>",
    "</SynnexB2B>",
  ].join("\n");
}
