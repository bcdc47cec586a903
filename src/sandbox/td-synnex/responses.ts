// The documents the simulator answers with. Application errors are HTTP 200 with error XML,
// as TD does: form 1 (`ErrorResponse`/`ErrorDetail` under the root) for credential and
// request-format errors, form 2 (`InvoiceResponse/ErrorCode`+`ErrorReason`) for the invoice
// service's own answers. The exact wording and codes are not published [INFERRED].
import { escapeXml } from "../../providers/td-synnex/request.js";
import { invoiceXml, type InvoiceSpec } from "./invoice-xml.js";

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
/** The DOCTYPE form older TD answers carried: a SYSTEM id and an empty internal subset. */
const DOCTYPE = '<!DOCTYPE SynnexB2B SYSTEM "SynnexB2B.dtd" []>';

export interface DocumentOptions {
  /** Write the (allowed) DOCTYPE with an empty internal subset before the root. */
  readonly doctype?: boolean;
}

function document(body: string, options: DocumentOptions): string {
  return [DECLARATION, options.doctype === true ? DOCTYPE : "", `<SynnexB2B>\n${body}\n</SynnexB2B>\n`].filter((part) => part !== "").join("\n");
}

/** Every invoice of a PO (or the one of an order number). */
export function invoicesDocument(purchaseOrder: string | null, invoices: readonly InvoiceSpec[], options: DocumentOptions = {}): string {
  const po = purchaseOrder === null ? "" : `<CustomerPONumber>${escapeXml(purchaseOrder)}</CustomerPONumber>\n`;
  return document(`<InvoiceResponse>\n${po}${invoices.map(invoiceXml).join("\n")}\n</InvoiceResponse>`, options);
}

/** Form 2: the invoice service's own error for this lookup. */
export function invoiceErrorDocument(purchaseOrder: string | null, code: string, reason: string, options: DocumentOptions = {}): string {
  const po = purchaseOrder === null ? "" : `<CustomerPONumber>${escapeXml(purchaseOrder)}</CustomerPONumber>`;
  return document(`<InvoiceResponse>${po}<ErrorCode>${escapeXml(code)}</ErrorCode><ErrorReason>${escapeXml(reason)}</ErrorReason></InvoiceResponse>`, options);
}

/** Form 1: the SynnexB2B envelope error (login, customer number, malformed request). */
export function envelopeErrorDocument(summaryText: string, detail: string, options: DocumentOptions = {}): string {
  return document(`<ErrorResponse>${escapeXml(summaryText)}</ErrorResponse><ErrorDetail>${escapeXml(detail)}</ErrorDetail>`, options);
}
