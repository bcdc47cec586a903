// fabric Dropship invoice DTO → InvoiceModel. Pure: the same DTO always gives the same model.
//
// Amount mapping, from fabric's field descriptions (provider-wire-notes §3.3), one meaning per
// amount as contract.md §1 defines them:
//   subtotal   ← `subtotal`    "Sub-total"
//   tax        ← `tax`         "Total tax on the invoice"
//   charges    ← `charges` (positive) and `allowances` (negative)
//   total      ← `net_amount` + charges − allowances: the amount billed. net_amount is "Total
//                invoice amount"; its description adds "(excluding taxes)", but fabric's only
//                sample has net_amount = subtotal + tax (12.89 = 10.89 + 2.00), and
//                `due_amount`, "the invoice total, including adjustments (allowances and
//                charges)", shows the adjustments come on top of it. fabric states no billed
//                amount once paid (due_amount is then 0), so it is added up here, exactly.
//                net_amount itself is kept as an attribute. When net_amount ≠ subtotal + tax
//                the difference is reported as a Discrepancy, never corrected.
//   freight    ← the FREIGHT charges (a Shipping Expense); fabric has no freight field.
//   amountDue  ← `due_amount`  "Pending amount", including allowances and charges.
//   `expected_due_amount` (excluding allowances and charges) and `local_due_amount` (the due
//   amount in the user's currency, which fabric does not name) are kept as attributes.
// Amounts are in `currency.unit`; fabric states amounts "in your default currency", and
// fabric accounts default to USD, which is assumed when the currency object is missing.
import { chargeTerms, freightAmount, totalDiscrepancy } from "../../domain/amounts.js";
import { fabricInvoiceStatusTable } from "../../domain/code-tables/index.js";
import { calendarDateOf } from "../../domain/dates.js";
import { sumDecimals, type DecimalString } from "../../domain/decimal.js";
import { invoiceModel } from "../../domain/factories.js";
import type { AttributeModel, CarrierModel, ChargeModel, DiscrepancyModel, InvoiceModel } from "../../domain/models.js";
import { ProviderError } from "../../domain/errors.js";
import { fabricAcceptance, fabricAddress, fabricAdjustment, fabricLine, fabricTerms, moneyOf } from "./normalize-parts.js";
import { describeIssues, FabricInvoiceSchema, type FabricInvoice } from "./schemas.js";

export const FABRIC_DEFAULT_CURRENCY = "USD";

/** Parses and normalizes one invoice of a response; an unreadable one is BAD_RESPONSE, naming its id. */
export function readFabricInvoice(raw: unknown): InvoiceModel {
  const parsed = FabricInvoiceSchema.safeParse(raw);
  if (parsed.success) return normalizeFabricInvoice(parsed.data);
  const id = typeof raw === "object" && raw !== null && "id" in raw ? (raw as { id: unknown }).id : null;
  const which = typeof id === "number" || (typeof id === "string" && /^\d{1,16}$/.test(id)) ? `fabric invoice ${id}` : "a fabric invoice";
  throw new ProviderError("FABRIC", "BAD_RESPONSE", `${which} could not be read: ${describeIssues(parsed.error)}`);
}

export function normalizeFabricInvoice(invoice: FabricInvoice): InvoiceModel {
  const currency = invoice.currency?.unit ?? invoice.currency?.code ?? FABRIC_DEFAULT_CURRENCY;
  const money = (amount: DecimalString | null) => moneyOf(amount, currency);
  const charges = [
    ...(invoice.allowances ?? []).map((a) => fabricAdjustment(a, "allowance", currency)),
    ...(invoice.charges ?? []).map((c) => fabricAdjustment(c, "charge", currency)),
  ].filter((charge) => charge !== null);
  const attributes: AttributeModel[] = [];
  for (const name of ["net_amount", "expected_due_amount", "local_due_amount"] as const) {
    const value = invoice[name];
    if (value !== null) attributes.push({ name, value });
  }
  // The billed amount: net_amount (subtotal + tax) with the adjustments fabric bills on top.
  const total = invoice.net_amount === null ? null : sumDecimals([invoice.net_amount, ...charges.map((c) => c.amount.amount)]);

  return invoiceModel(
    "FABRIC",
    { ref: String(invoice.id), number: invoice.invoice_number },
    {
      purchaseOrderNumber: invoice.purchase_order_number,
      orderNumber: invoice.order_id,
      endUserOrderNumber: invoice.customer_order_number,
      status: fabricInvoiceStatusTable.translate(invoice.status),
      // fabric's instants are UTC, so these are UTC calendar days.
      invoiceDate: dayOf(invoice.invoiced_at),
      orderDate: dayOf(invoice.ordered_at),
      shipDate: dayOf(invoice.shipped_at),
      dueDate: invoice.terms_date_due,
      invoicedAt: invoice.invoiced_at,
      orderedAt: invoice.ordered_at,
      shippedAt: invoice.shipped_at,
      acknowledgedAt: invoice.acknowledged_at,
      paidAt: invoice.paid_at,
      closedAt: invoice.closed_at,
      canceledAt: invoice.canceled_at,
      currency,
      subtotal: money(invoice.subtotal),
      tax: money(invoice.tax),
      freight: money(freightAmount(null, charges)),
      total: money(total),
      amountDue: money(invoice.due_amount),
      terms: fabricTerms(invoice),
      remitTo: fabricAddress(invoice.remit_to),
      shipFrom: fabricAddress(invoice.ship_from),
      soldTo: fabricAddress(invoice.sold_to),
      shipTo: fabricAddress(invoice.ship_to),
      carrier: carrierOf(invoice),
      trackingNumbers: invoice.shipping_tracking_number === null ? [] : [invoice.shipping_tracking_number.trim()],
      weight: invoice.shipping_weight,
      lines: (invoice.invoice_lines ?? []).map((line, index) => fabricLine(line, index, currency)),
      charges,
      notes: invoice.notes,
      brand: invoice.brand?.id ? { id: invoice.brand.id, name: invoice.brand.name, code: invoice.brand.code } : null,
      connectionId: invoice.connection_id,
      attributes,
      discrepancies: totalCheck(invoice, total, charges),
      acceptance: fabricAcceptance(invoice.invoice_acceptance),
    },
  );
}

function dayOf(instant: string | null): string | null {
  return instant === null ? null : calendarDateOf(instant);
}

function carrierOf(invoice: FabricInvoice): CarrierModel | null {
  const carrier: CarrierModel = {
    code: invoice.shipping_carrier_code,
    name: invoice.shipping_carrier_name,
    serviceCode: invoice.shipping_method_code,
    serviceName: invoice.shipping_method_name,
    accountNumber: invoice.shipping_account_number,
    trackingUrl: null,
  };
  return Object.values(carrier).every((value) => value === null) ? null : carrier;
}

/** total (net_amount + adjustments) = subtotal + tax + adjustments, i.e. net_amount = subtotal + tax. */
function totalCheck(invoice: FabricInvoice, total: DecimalString | null, charges: readonly ChargeModel[]): DiscrepancyModel[] {
  const { subtotal, tax } = invoice;
  if (subtotal === null || tax === null || total === null) return [];
  const terms = [{ name: "subtotal", amount: subtotal }, { name: "tax", amount: tax }, ...chargeTerms(charges)];
  return totalDiscrepancy("fabric total (net_amount + charges − allowances)", total, terms);
}
