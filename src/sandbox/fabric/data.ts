// Deterministic fabric invoices: the sandbox sample (every terms_type option, both statuses,
// allowances and charges, several lines, all four addresses, the sandbox POs PO-1001..1003)
// and a bulk generator for workflow tests. Amounts are built from integer cents.
import { wireInstant, type WireAcceptance, type WireAddress, type WireAdjustment, type WireInvoice, type WireLine } from "./wire.js";

const BRAND = { id: 77, name: "Acme Outdoor Co.", code: "acme" };
const RETAILER = { id: 1234, name: "Example Retail", code: "exr" };
const USD = { id: 1, name: "US Dollar", symbol: "$", unit: "USD" };
const BASE_TIME = Date.UTC(2026, 2, 1, 12, 0, 0);

export function cents(value: number): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

function address(name1: string, street1: string, city: string, province: string, postal: string, extra: Partial<WireAddress> = {}): WireAddress {
  return { type: "commercial", name1, name2: null, street1, street2: null, city, province, postal_code: postal, country: "US", phone1: "3105551212", phone2: null, fax: null, email: null, federal_tax_id: null, ...extra };
}

const REMIT_TO = address("Acme Outdoor Co.", "PO Box 4410", "Denver", "CO", "80202", { email: "ar@acme.example", phone2: "3035550188", fax: "3035550199", federal_tax_id: "84-1234567" });
const SHIP_FROM = address("Acme Fulfillment", "1200 Warehouse Way", "Reno", "NV", "89502", { street2: "Dock 4" });
const SOLD_TO = address("Example Retail", "500 Market St", "San Francisco", "CA", "94105");
const SHIP_TO = address("Jane Customer", "12 Elm St", "Boston", "MA", "02134", { type: "residential", name2: "c/o Front Desk", street2: "Apt 3" });

export interface InvoiceSpec {
  readonly id: number;
  readonly number: string;
  readonly po: string | null;
  readonly status?: "open" | "closed";
  readonly termsType?: string | null;
  readonly termsExtra?: Partial<Pick<WireInvoice, "terms_net_days_due" | "terms_date_due" | "terms_discount_percent" | "terms_discount_days" | "terms_description">>;
  /** [unit price in cents, quantity] per line. */
  readonly lines?: ReadonlyArray<readonly [number, number]>;
  readonly allowances?: ReadonlyArray<readonly [string, number]>;
  readonly charges?: ReadonlyArray<readonly [string, number]>;
  readonly acknowledged?: boolean;
  /** The retailer's decision; default: accepted when closed, pending otherwise. */
  readonly acceptance?: "pending" | "accepted" | { readonly rejected: string };
  readonly overrides?: Partial<WireInvoice>;
}

export function buildInvoice(spec: InvoiceSpec): WireInvoice {
  const at = (hours: number) => wireInstant(new Date(BASE_TIME + (spec.id * 24 + hours) * 3600_000));
  const lines: WireLine[] = (spec.lines ?? [[1999, 1]]).map(([price, quantity], index) => ({
    id: spec.id * 100 + index + 1,
    variant: { id: 5000 + spec.id * 10 + index, name: `Trail item ${spec.id}-${index + 1}`, identifier: `RS-${spec.id}-${index + 1}`, brand_identifier: `ACME-${spec.id}${index + 1}`, upc: `0123456${String(spec.id * 10 + index).padStart(5, "0")}` },
    quantity,
    price: cents(price),
    net_price: null,
  }));
  const subtotal = (spec.lines ?? [[1999, 1]]).reduce((sum, [price, quantity]) => sum + price * quantity, 0);
  const tax = Math.round(subtotal * 0.08);
  const adjust = (list: ReadonlyArray<readonly [string, number]> | undefined, base: number): WireAdjustment[] =>
    (list ?? []).map(([name, amount], index) => ({ id: spec.id * 10 + base + index, adjustment_code: name.toUpperCase().replaceAll(" ", "_"), name, description: `${name} (flat)`, price: cents(amount) }));
  const allowances = adjust(spec.allowances, 1);
  const charges = adjust(spec.charges, 5);
  const adjustments = (spec.charges ?? []).reduce((s, [, a]) => s + a, 0) - (spec.allowances ?? []).reduce((s, [, a]) => s + a, 0);
  const closed = spec.status === "closed";
  const decision = spec.acceptance ?? (closed ? "accepted" : "pending");
  const acceptance: WireAcceptance =
    decision === "pending"
      ? { status: "pending", reject_reason: null, accepted_at: null, rejected_at: null }
      : decision === "accepted"
        ? { status: "accepted", reject_reason: null, accepted_at: at(12), rejected_at: null }
        : { status: "rejected", reject_reason: decision.rejected, accepted_at: null, rejected_at: at(12) };
  return {
    id: spec.id,
    invoice_number: spec.number,
    retailer: RETAILER,
    brand: BRAND,
    connection_id: 42,
    currency: USD,
    order_id: 9000 + spec.id,
    customer_order_number: `CO-${spec.id}`,
    purchase_order_number: spec.po,
    status: spec.status ?? "open",
    terms_type: spec.termsType === undefined ? "Basic" : spec.termsType,
    terms_description: spec.termsType ? `${spec.termsType} terms apply` : null,
    terms_net_days_due: 30,
    terms_date_due: null,
    terms_discount_percent: null,
    terms_discount_days: null,
    ...spec.termsExtra,
    remit_to: REMIT_TO,
    ship_from: SHIP_FROM,
    sold_to: SOLD_TO,
    ship_to: SHIP_TO,
    shipping_carrier_name: "UPS",
    shipping_carrier_code: "UPSN",
    shipping_account_number: "SH879",
    shipping_method_name: "Ground",
    shipping_method_code: "GND",
    shipping_tracking_number: `1Z999AA1${String(spec.id).padStart(10, "0")}`,
    shipping_weight: `${spec.id}.50`,
    notes: null,
    invoiced_at: at(0),
    ordered_at: at(-48),
    shipped_at: at(-24),
    acknowledged_at: spec.acknowledged ? at(6) : null,
    paid_at: closed ? at(24 * 20) : null,
    closed_at: closed ? at(24 * 20) : null,
    canceled_at: null,
    net_amount: cents(subtotal + tax),
    due_amount: cents(closed ? 0 : subtotal + tax + adjustments),
    expected_due_amount: cents(closed ? 0 : subtotal + tax),
    subtotal: cents(subtotal),
    tax: cents(tax),
    invoice_lines: lines,
    allowances,
    charges,
    invoice_acceptance: acceptance,
    ...spec.overrides,
  };
}

/** fabric's own documentation sample (RC123456), with a line added. */
const DOC_SAMPLE: InvoiceSpec = {
  id: 1,
  number: "RC123456",
  po: "PO-1002",
  termsType: "Previously agreed upon",
  termsExtra: { terms_description: "Previously agreed upon terms will apply", terms_net_days_due: 35 },
  lines: [[1089, 1]],
  acknowledged: true,
  overrides: {
    order_id: "O-654",
    customer_order_number: "CO-435",
    shipping_carrier_name: "ALZ carrier",
    shipping_carrier_code: "230F",
    shipping_method_name: "Next day delivery",
    shipping_method_code: "ND",
    shipping_tracking_number: "1Z9999999999999988",
    shipping_weight: "7.00",
    notes: "Signature required",
    invoiced_at: "2022-05-10T15:24:56Z",
    ordered_at: "2022-05-10T15:24:56Z",
    shipped_at: "2022-05-10T15:24:56Z",
    acknowledged_at: "2022-06-10T15:24:56Z",
    paid_at: "2022-06-10T15:24:56Z",
    net_amount: "12.89",
    due_amount: "2.89",
    expected_due_amount: "2.89",
    subtotal: "10.89",
    tax: "2.00",
  },
};

export const SAMPLE_SPECS: readonly InvoiceSpec[] = [
  DOC_SAMPLE,
  { id: 2, number: "FD-1001-A", po: "PO-1001", termsType: "End of Month (EOM)", lines: [[2450, 2], [1999, 1], [500, 4]], allowances: [["Promotion Allowance", 500]], charges: [["Shipping Expense", 750]] },
  { id: 3, number: "FD-1001-B", po: "PO-1001", status: "closed", termsType: "No Charge", lines: [[0, 1]], acknowledged: true },
  { id: 4, number: "FD-1002-A", po: "PO-1002", termsType: "Consignment", lines: [[12500, 1], [375, 10]], acceptance: "accepted" },
  { id: 5, number: "FD-1003-A", po: "PO-1003", termsType: "10 Days After End of Month (10 EOM)", charges: [["Service Fee", 299], ["Other Charge", 100]], acceptance: { rejected: "Service fee not in the agreed terms" } },
  { id: 6, number: "FD-1003-B", po: "PO-1003", status: "closed", termsType: "Cash Discount Terms Apply", termsExtra: { terms_discount_percent: "2.00", terms_discount_days: 10 }, lines: [[3250, 2]], allowances: [["Returns Allowance", 1999]] },
  { id: 7, number: "FD-2001", po: "PO-2001", termsType: "Basic" },
  { id: 8, number: "FD-2002", po: "PO-2002", termsType: "Fixed Date, Late Payment Penalty Applies", termsExtra: { terms_date_due: "2026-04-30", terms_net_days_due: null } },
  { id: 9, number: "FD-2003", po: "PO-2003", termsType: "Extended", termsExtra: { terms_net_days_due: 90 } },
  { id: 10, number: "FD-2004", po: "PO-2004", termsType: "Discount Not Applicable", allowances: [["Other Allowance", 250]] },
  { id: 11, number: "FD-2005", po: "PO-2005", termsType: "Fixed Date", termsExtra: { terms_date_due: "2026-05-15", terms_net_days_due: null } },
  { id: 12, number: "FD-2006", po: "PO-2006", status: "closed", termsType: null, overrides: { canceled_at: "2026-03-20T09:30:00Z" } },
  // A different PO whose number contains PO-1001: only a loose (contains) filter would mix them up.
  { id: 13, number: "FD-10012", po: "PO-10012", termsType: "Basic" },
];

export function sampleInvoices(): WireInvoice[] {
  return SAMPLE_SPECS.map(buildInvoice);
}

/** A plain unacknowledged invoice for bulk workflow tests. */
export function bulkInvoice(id: number): WireInvoice {
  return buildInvoice({ id, number: `FDB-${String(id).padStart(6, "0")}`, po: `PO-B${String(Math.ceil(id / 10)).padStart(4, "0")}`, lines: [[1000 + (id % 50) * 7, 1 + (id % 3)]] });
}
