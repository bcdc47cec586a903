// Ingram Micro v6 invoice search `invoiceStatus`. Ingram publishes no table: its samples show
// "OPEN" (search) and "Open" (v6.1 details). Closed and Paid are the settled counterparts the
// InvoiceStatus enum has room for; any other text is UNKNOWN, reported, and kept raw.
import type { InvoiceStatus } from "../../__generated__/resolvers-types.js";
import { CodeTable, type CodeRow, type KnownValue } from "./code-table.js";

export const INGRAM_INVOICE_STATUS_ROWS = [
  { code: "Open", value: "OPEN", description: "Open" },
  { code: "Closed", value: "CLOSED", description: "Closed" },
  { code: "Paid", value: "CLOSED", description: "Paid" },
] as const satisfies readonly CodeRow<KnownValue<InvoiceStatus>>[];

export const ingramInvoiceStatusTable = new CodeTable<InvoiceStatus>({
  name: "ingram.invoiceStatus",
  rows: INGRAM_INVOICE_STATUS_ROWS,
  unknownDescription: "Unknown invoice status",
  // The search writes OPEN, the details Open.
  caseInsensitive: true,
});
