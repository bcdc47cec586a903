// Stuller's invoice `Status` is free text that Stuller does not document, and most of it
// describes the order's fulfilment, not whether the invoice is paid. Only words that plainly
// say open or settled become OPEN / CLOSED. "Shipped" (the status Stuller's own OrderStatus
// filter example uses) is known but says nothing about payment: UNKNOWN, not reported as an
// unknown code, so the unknown-code metric keeps meaning "Stuller sent something new". Any
// other text is UNKNOWN and reported. The raw text is always kept in `statusCode`.
import type { InvoiceStatus } from "../../__generated__/resolvers-types.js";
import { CodeTable, type CodeRow, type KnownValue } from "../../domain/code-tables/index.js";
import type { CodedValue } from "../../domain/models.js";

export const STULLER_STATUS_ROWS = [
  { code: "Open", value: "OPEN", description: "Open" },
  { code: "Closed", value: "CLOSED", description: "Closed" },
  { code: "Paid", value: "CLOSED", description: "Paid" },
] as const satisfies readonly CodeRow<KnownValue<InvoiceStatus>>[];

export const stullerStatusTable = new CodeTable<InvoiceStatus>({
  name: "stuller.status",
  rows: STULLER_STATUS_ROWS,
  unknownDescription: "Stuller status without a documented invoice meaning",
  // Free text from an undocumented source: "OPEN" and "open" mean the same.
  caseInsensitive: true,
});

/** Known Stuller statuses that describe fulfilment only. */
const FULFILMENT_ONLY: ReadonlyMap<string, string> = new Map([["SHIPPED", "Shipped (an order fulfilment status; it does not say whether the invoice is paid)"]]);

/** The invoice status of Stuller's `Status` text; null when Stuller sent none. */
export function stullerStatus(raw: string | null): CodedValue<InvoiceStatus> | null {
  if (raw === null) return null;
  const fulfilment = FULFILMENT_ONLY.get(raw.trim().toUpperCase());
  if (fulfilment !== undefined) return { value: "UNKNOWN", code: raw, description: fulfilment };
  return stullerStatusTable.translate(raw);
}
