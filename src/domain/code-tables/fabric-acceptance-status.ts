// fabric Dropship invoice acceptance status. fabric documents accepting and rejecting invoices
// (a rejection needs a reason) but not the status values; the three states' own words are
// matched ignoring case, anything else is UNKNOWN, reported, and kept raw.
import type { InvoiceAcceptanceState } from "../../__generated__/resolvers-types.js";
import { CodeTable, type CodeRow, type KnownValue } from "./code-table.js";

export const FABRIC_ACCEPTANCE_STATUS_ROWS = [
  { code: "pending", value: "PENDING", description: "Pending" },
  { code: "accepted", value: "ACCEPTED", description: "Accepted" },
  { code: "rejected", value: "REJECTED", description: "Rejected" },
] as const satisfies readonly CodeRow<KnownValue<InvoiceAcceptanceState>>[];

export const fabricAcceptanceStatusTable = new CodeTable<InvoiceAcceptanceState>({
  name: "fabric.acceptanceStatus",
  rows: FABRIC_ACCEPTANCE_STATUS_ROWS,
  unknownDescription: "Unknown acceptance status",
  caseInsensitive: true,
});
