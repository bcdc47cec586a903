// Pieces of a fabric invoice: addresses, lines, allowances and charges, payment terms.
// Pure functions over parsed DTOs (schemas.ts); nothing here calls out or reads a clock.
import type { ChargeKind } from "../../__generated__/resolvers-types.js";
import { fabricAcceptanceStatusTable, fabricTermsTypeTable } from "../../domain/code-tables/index.js";
import { negateDecimal, type DecimalString } from "../../domain/decimal.js";
import { addressModel, lineModel } from "../../domain/factories.js";
import type { AddressModel, AttributeModel, ChargeModel, InvoiceAcceptanceModel, LineModel, MoneyModel, PaymentTermsModel } from "../../domain/models.js";
import type { FabricAcceptance, FabricAddress, FabricAdjustment, FabricInvoice, FabricLine } from "./schemas.js";

export function moneyOf(amount: DecimalString | null, currency: string): MoneyModel | null {
  return amount === null ? null : { amount, currency };
}

/**
 * name1 is the addressee; name2 (a second name line: a person or "c/o") becomes `attention`.
 * phone1 is `phone` and phone2 `alternatePhone` (phone2 alone is still the phone).
 */
export function fabricAddress(address: FabricAddress | null | undefined): AddressModel | null {
  if (!address) return null;
  const phone = address.phone1 ?? address.phone2;
  return addressModel({
    name: address.name1,
    attention: address.name2,
    lines: [address.street1 ?? "", address.street2 ?? ""],
    city: address.city,
    region: address.province,
    postalCode: address.postal_code,
    country: address.country,
    phone,
    alternatePhone: address.phone1 === null ? null : address.phone2,
    fax: address.fax,
    email: address.email,
    taxId: address.federal_tax_id,
    addressType: address.type,
  });
}

/**
 * The retailer's decision. A status text wins; without one, a decision time says which
 * decision was made, and neither means pending. `decidedAt` is the time of that decision
 * (else `updated_at`); a pending invoice has none.
 */
export function fabricAcceptance(acceptance: FabricAcceptance | null | undefined): InvoiceAcceptanceModel | null {
  if (!acceptance) return null;
  const coded = fabricAcceptanceStatusTable.translate(acceptance.status);
  const state = coded?.value ?? (acceptance.rejected_at !== null ? "REJECTED" : acceptance.accepted_at !== null ? "ACCEPTED" : "PENDING");
  const decidedAt =
    state === "ACCEPTED" ? (acceptance.accepted_at ?? acceptance.updated_at) : state === "REJECTED" ? (acceptance.rejected_at ?? acceptance.updated_at) : state === "UNKNOWN" ? acceptance.updated_at : null;
  return { state, stateCode: acceptance.status, reason: acceptance.reject_reason, decidedAt };
}

/**
 * A fabric invoice line. `brand_identifier` is the supplier's SKU: the seller's own part
 * number, as `partNumber` is for every other provider. `variant.identifier` is the retailer's
 * SKU (our own item number) and goes to `sku`. fabric sends a unit `price` and no extended
 * amount, so `extendedPrice` stays null rather than computed; `net_price`, whose meaning
 * fabric does not document for invoice lines, is kept raw as an attribute. fabric lines have
 * ids but no line numbers: `number` is the 1-based position, the ids (line, variant, ordered
 * line) attributes.
 */
export function fabricLine(line: FabricLine, index: number, currency: string): LineModel {
  const attributes: AttributeModel[] = [];
  if (line.id !== null) attributes.push({ name: "line_id", value: line.id });
  if (line.net_price !== null) attributes.push({ name: "net_price", value: line.net_price });
  if (line.variant?.id) attributes.push({ name: "variant_id", value: line.variant.id });
  if (line.ordered_line?.id) attributes.push({ name: "ordered_line_id", value: line.ordered_line.id });
  return lineModel({
    number: String(index + 1),
    partNumber: line.variant?.brand_identifier ?? null,
    sku: line.variant?.identifier ?? null,
    upc: line.variant?.upc ?? null,
    description: line.description ?? line.variant?.name ?? null,
    quantityOrdered: line.ordered_line?.quantity ?? null,
    quantityShipped: line.quantity,
    unitPrice: moneyOf(line.price, currency),
    attributes,
  });
}

/** fabric's adjustment names (its UI lists these); anything else is OTHER or ALLOWANCE. */
const CHARGE_KINDS: Readonly<Record<string, ChargeKind>> = {
  "service fee": "PROCESSING_FEE",
  "shipping expense": "FREIGHT",
  shipping: "FREIGHT",
  freight: "FREIGHT",
  "other charge": "OTHER",
};

/**
 * Allowances reduce what is owed and charges add to it, whatever sign fabric gave the
 * number: allowances come out negative, charges positive (the contract's sign rule).
 */
export function fabricAdjustment(adjustment: FabricAdjustment, side: "allowance" | "charge", currency: string): ChargeModel | null {
  const raw = adjustment.price ?? adjustment.amount;
  if (raw === null) return null;
  const negative = raw.startsWith("-");
  const amount = side === "allowance" ? (negative ? raw : negateDecimal(raw)) : negative ? negateDecimal(raw) : raw;
  const code = adjustment.adjustment_code ?? adjustment.code ?? adjustment.name;
  const label = (adjustment.name ?? adjustment.adjustment_code ?? adjustment.code ?? "").trim().toLowerCase();
  const kind: ChargeKind = side === "allowance" ? "ALLOWANCE" : (CHARGE_KINDS[label] ?? "OTHER");
  return { kind, code, description: adjustment.description ?? adjustment.name, amount: { amount, currency } };
}

export function fabricTerms(invoice: FabricInvoice): PaymentTermsModel | null {
  const terms: PaymentTermsModel = {
    type: fabricTermsTypeTable.translate(invoice.terms_type)?.value ?? null,
    typeCode: invoice.terms_type,
    description: invoice.terms_description,
    netDays: invoice.terms_net_days_due,
    dueDate: invoice.terms_date_due,
    discountPercent: invoice.terms_discount_percent,
    discountDays: invoice.terms_discount_days,
    discountDueDate: invoice.terms_discount_date_due,
  };
  return Object.values(terms).every((value) => value === null) ? null : terms;
}
