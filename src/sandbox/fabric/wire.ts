// The invoice object as fabric Dropship serializes it (v3 "Get invoice by ID", with the
// inferred line and adjustment shapes of provider-wire-notes §3.3). The simulator owns this
// type on purpose: it speaks the wire, it does not share the client's schemas.

export interface WireAddress {
  type: string | null;
  name1: string | null;
  name2: string | null;
  street1: string | null;
  street2: string | null;
  city: string | null;
  province: string | null;
  postal_code: string | null;
  country: string | null;
  phone1: string | null;
  phone2: string | null;
  fax: string | null;
  email: string | null;
  federal_tax_id: string | null;
}

export interface WireLine {
  id: number;
  variant: { id: number; name: string; identifier: string; brand_identifier: string; upc: string | null };
  quantity: number;
  price: string;
  net_price: string | null;
}

export interface WireAdjustment {
  id: number;
  adjustment_code: string;
  name: string;
  description: string | null;
  price: string;
}

/** The retailer's decision on the invoice (shape inferred: fabric documents the object, not its fields). */
export interface WireAcceptance {
  status: "pending" | "accepted" | "rejected";
  reject_reason: string | null;
  accepted_at: string | null;
  rejected_at: string | null;
}

export interface WireInvoice {
  id: number;
  invoice_number: string;
  retailer: { id: number; name: string; code: string };
  brand: { id: number; name: string; code: string };
  connection_id: number;
  currency: { id: number; name: string; symbol: string; unit: string };
  order_id: number | string;
  customer_order_number: string | null;
  purchase_order_number: string | null;
  status: "open" | "closed";
  terms_type: string | null;
  terms_description: string | null;
  terms_net_days_due: number | null;
  terms_date_due: string | null;
  terms_discount_percent: string | null;
  terms_discount_days: number | null;
  remit_to: WireAddress | null;
  ship_from: WireAddress | null;
  sold_to: WireAddress | null;
  ship_to: WireAddress | null;
  shipping_carrier_name: string | null;
  shipping_carrier_code: string | null;
  shipping_account_number: string | null;
  shipping_method_name: string | null;
  shipping_method_code: string | null;
  shipping_tracking_number: string | null;
  shipping_weight: string | null;
  notes: string | null;
  invoiced_at: string | null;
  ordered_at: string | null;
  shipped_at: string | null;
  acknowledged_at: string | null;
  paid_at: string | null;
  closed_at: string | null;
  canceled_at: string | null;
  net_amount: string | null;
  due_amount: string | null;
  expected_due_amount: string | null;
  subtotal: string | null;
  tax: string | null;
  invoice_lines: WireLine[];
  allowances: WireAdjustment[];
  charges: WireAdjustment[];
  invoice_acceptance: WireAcceptance;
}

/** An instant as fabric writes it: UTC, whole seconds, "Z". */
export function wireInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
