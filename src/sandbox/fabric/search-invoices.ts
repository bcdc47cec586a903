// The fabric simulator's invoices for searching (sandbox/search-data.ts): 32 invoices over four
// months before `asOf`, ids 101–132, numbered FS-0001 … on purchase orders PO-FS001 …,
// invoiced at 14:00 UTC (fabric's invoice date is the UTC day), due 30 days later, older ones
// partly closed. All are acknowledged already, so the acknowledge workflow's list is as before.
import { amountText, searchSchedule } from "../search-data.js";
import { buildInvoice } from "./data.js";
import type { WireInvoice } from "./wire.js";
import { addDays } from "../../domain/dates.js";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export function fabricSearchInvoices(asOf: string): WireInvoice[] {
  return searchSchedule("FABRIC", asOf).map((spec) => {
    const invoice = buildInvoice({
      id: 100 + spec.index,
      number: `FS-${pad(spec.index, 4)}`,
      po: `PO-FS${pad(spec.index, 3)}`,
      status: spec.settled ? "closed" : "open",
      termsType: "Basic",
      acknowledged: true,
      lines: [[spec.cents, 1]],
    });
    const at = (day: string, time: string) => `${day}T${time}Z`;
    return {
      ...invoice,
      invoiced_at: at(spec.date, "14:00:00"),
      ordered_at: at(addDays(spec.date, -2), "09:30:00"),
      shipped_at: at(addDays(spec.date, -1), "16:45:00"),
      acknowledged_at: at(spec.date, "20:00:00"),
      paid_at: spec.settled ? at(addDays(spec.date, 20), "10:00:00") : null,
      closed_at: spec.settled ? at(addDays(spec.date, 20), "10:00:00") : null,
      terms_net_days_due: spec.termsDays,
      terms_date_due: addDays(spec.date, spec.termsDays),
      due_amount: spec.settled ? "0.00" : invoice.due_amount,
      shipping_weight: amountText(spec.index * 25, false),
    };
  });
}
