// fabric Dropship invoice `status` enum. fabric documents the exact lower-case values, so
// matching is case-sensitive: any other spelling is reported as unknown.
import type { InvoiceStatus } from "../../__generated__/resolvers-types.js";
import { CodeTable, type CodeRow, type KnownValue } from "./code-table.js";

export const FABRIC_INVOICE_STATUS_ROWS = [
  { code: "open", value: "OPEN", description: "Open" },
  { code: "closed", value: "CLOSED", description: "Closed" },
] as const satisfies readonly CodeRow<KnownValue<InvoiceStatus>>[];

export const fabricInvoiceStatusTable = new CodeTable<InvoiceStatus>({
  name: "fabric.invoiceStatus",
  rows: FABRIC_INVOICE_STATUS_ROWS,
  unknownDescription: "Unknown invoice status",
});
