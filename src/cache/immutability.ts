// Which invoices will not change any more, per provider: only those may be reused across
// requests (the invoice cache) and advertised as cacheable (Cache-Control). Each rule reads
// only what its provider states reliably; when in doubt an invoice is mutable.
import type { OrderStatus } from "../__generated__/resolvers-types.js";
import type { InvoiceModel } from "../domain/models.js";

/** Ingram order statuses after which a credit memo no longer changes (it is issued). */
const SETTLED_CREDIT_MEMO: ReadonlySet<OrderStatus> = new Set(["INVOICED", "BILLED", "PAID"]);

/**
 * - INGRAM_MICRO: Ingram has no invoice status, only the order status (`orderstatus`) and a
 *   hold reason. An invoice is immutable once its order status is Paid (P); an invoice that is
 *   Invoiced (F) or Billed (I/B) is still waiting to become Paid, so it will change. A credit
 *   memo is immutable once Invoiced, Billed or Paid (nothing is paid on it later). Never with
 *   a hold reason, never with a missing, blank (open order) or unknown order status.
 * - TD_SYNNEX: the XML Invoice API states no invoice status, payment or closing at all, so
 *   nothing says a TD invoice is final: never cached.
 * - FABRIC: `status` closed AND acknowledged. An unacknowledged invoice changes when it is
 *   acknowledged (`acknowledged_at`), and an open one (even when `paid_at` is set) can still
 *   be closed (`status`, `closed_at`); a closed, acknowledged invoice has no transition left.
 * - STULLER: status CLOSED: a `Status` text that says settled (Closed or Paid), or another
 *   text with TotalDue 0 (nothing left to pay). Open, a balance due and unknown: mutable.
 */
export function isImmutableInvoice(invoice: InvoiceModel): boolean {
  switch (invoice.provider) {
    case "INGRAM_MICRO":
      return ingramImmutable(invoice);
    case "TD_SYNNEX":
      return false;
    case "FABRIC":
      return invoice.status?.value === "CLOSED" && invoice.acknowledgedAt !== null;
    case "STULLER":
      return invoice.status?.value === "CLOSED";
  }
}

function ingramImmutable(invoice: InvoiceModel): boolean {
  const status = invoice.orderStatus?.value;
  if (status === undefined || invoice.holdReason !== null) return false;
  if (invoice.documentType?.value === "CREDIT_MEMO") return SETTLED_CREDIT_MEMO.has(status);
  return status === "PAID";
}
