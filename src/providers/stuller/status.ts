// Stuller's invoice `Status` is free text that Stuller does not document, and most of it
// describes the order's fulfilment (Shipped, Invoiced), not whether the invoice is paid. Only
// words that plainly say open or settled are read as OPEN / CLOSED. Otherwise `TotalDue`
// decides, because it does say: zero is CLOSED (nothing owed), anything else OPEN. Without
// TotalDue the status is UNKNOWN. The raw text is always kept in `statusCode` (null when
// Stuller sent none); a text that is neither a payment word nor a known fulfilment status is
// reported as an unknown code, so the metric keeps meaning "Stuller sent something new".
import type { InvoiceStatus } from "../../__generated__/resolvers-types.js";
import { CodeTable, type CodeRow, type KnownValue } from "../../domain/code-tables/index.js";
import { isZeroDecimal, type DecimalString } from "../../domain/decimal.js";
import type { CodedValue } from "../../domain/models.js";
import { reportUnknownCode } from "../../observability/unknown-codes.js";

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
const FULFILMENT_ONLY: ReadonlyMap<string, string> = new Map([
  ["SHIPPED", "Shipped (an order fulfilment status)"],
  ["INVOICED", "Invoiced (an order fulfilment status)"],
]);

/** The invoice status of Stuller's `Status` text and `TotalDue`; null when Stuller sent neither. */
export function stullerStatus(raw: string | null, totalDue: DecimalString | null = null): CodedValue<InvoiceStatus> | null {
  if (raw !== null && stullerStatusTable.has(raw)) return stullerStatusTable.translate(raw);
  const fulfilment = raw === null ? undefined : FULFILMENT_ONLY.get(raw.trim().toUpperCase());
  if (raw !== null && fulfilment === undefined) reportUnknownCode(stullerStatusTable.name, raw);
  const said = raw === null ? "No Status" : (fulfilment ?? `${raw.trim()} (a Stuller status without a documented invoice meaning)`);
  if (totalDue === null) return raw === null ? null : { value: "UNKNOWN", code: raw, description: `${said}; it does not say whether the invoice is paid` };
  const paid = isZeroDecimal(totalDue);
  return { value: paid ? "CLOSED" : "OPEN", code: raw, description: `${said}; TotalDue ${totalDue}: ${paid ? "nothing owed" : "owed"}` };
}
