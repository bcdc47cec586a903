// Stuller invoice DTO → InvoiceModel. Pure: no I/O, no clock. Every field of the Stuller
// model lands somewhere, and where a choice was made the reason is written next to it.
//
// Amounts (contract.md §1): total = InvoiceTotal, tax = SalesTax, freight =
// PostageAndHandling (also a FREIGHT charge), amountDue = TotalDue. Stuller sends no net
// amount (OrderTotal is the whole order's), so subtotal stays null, and the total is checked
// against the lines instead: InvoiceTotal = Σ LineTotal + SalesTax + PostageAndHandling.
import type { Metal } from "../../__generated__/resolvers-types.js";
import { chargeTerms, totalDiscrepancy } from "../../domain/amounts.js";
import { isZeroDecimal, type DecimalString } from "../../domain/decimal.js";
import { addressModel, invoiceModel } from "../../domain/factories.js";
import type { AddressModel, AttributeModel, CarrierModel, ChargeModel, DiscrepancyModel, InvoiceModel, MetalMarketRateModel } from "../../domain/models.js";
import { lineDiscrepancy, moneyIn, normalizeLine, STULLER_DEFAULT_CURRENCY } from "./normalize-lines.js";
import type { StullerInvoice } from "./schemas.js";
import { stullerStatus } from "./status.js";

export function normalizeStullerInvoice(dto: StullerInvoice, currency: string = STULLER_DEFAULT_CURRENCY): InvoiceModel {
  const money = moneyIn(currency);
  const charges = freightCharge(dto.PostageAndHandling, currency);
  const shipTo = shipToAddress(dto);
  const attributes: AttributeModel[] = [...shipTo.attributes];
  // OrderTotal is the amount of the whole order, and a Stuller order is often billed on
  // several invoices (one per shipment): it is not this document's net amount before tax,
  // which is what `subtotal` means in the contract. Kept as an attribute, exact.
  if (dto.OrderTotal !== null) attributes.push({ name: "OrderTotal", value: dto.OrderTotal });

  return invoiceModel("STULLER", { ref: dto.InvoiceNumber, number: dto.InvoiceNumber }, {
    purchaseOrderNumber: dto.PurchaseOrderNumber,
    orderNumber: dto.OrderNumber,
    status: stullerStatus(dto.Status, dto.TotalDue),
    // Stuller's help calls InvoiceDate "the date the order is actually shipped on", a
    // description copy-pasted across fields (wire notes §4.7.3); it is read as the invoice date.
    invoiceDate: dto.InvoiceDate.day,
    invoicedAt: dto.InvoiceDate.at,
    orderDate: dto.OrderDate.day,
    orderedAt: dto.OrderDate.at,
    currency,
    tax: money(dto.SalesTax),
    freight: money(dto.PostageAndHandling),
    total: money(dto.InvoiceTotal),
    amountDue: money(dto.TotalDue),
    shipTo: shipTo.address,
    carrier: carrier(dto),
    trackingNumbers: trackingNumbers(dto.TrackingNumber),
    lines: dto.InvoiceDetails.map((detail) => normalizeLine(detail, currency)),
    charges,
    metalMarketRates: metalMarketRates(dto),
    attributes,
    discrepancies: [...dto.InvoiceDetails.flatMap((detail) => lineDiscrepancy(detail) ?? []), ...totalCheck(dto, charges)],
  });
}

/**
 * Stuller has both ShipToState and ShipToProvince; `region` takes whichever is set (state
 * first). When both are set and differ, the province is kept as an invoice attribute, since
 * an address has no second region.
 */
function shipToAddress(dto: StullerInvoice): { address: AddressModel | null; attributes: AttributeModel[] } {
  const state = dto.ShipToState;
  const province = dto.ShipToProvince;
  const attributes: AttributeModel[] = state !== null && province !== null && state.trim() !== province.trim() ? [{ name: "ShipToProvince", value: province }] : [];
  const address = addressModel({
    lines: [dto.ShipToAddress1, dto.ShipToAddress2, dto.ShipToAddress3].filter((line): line is string => line !== null),
    city: dto.ShipToCity,
    region: state ?? province,
    postalCode: dto.ShipToZip,
    country: countryCode(dto.ShipToCountry),
    accountNumber: dto.ShipToAccountNumber,
  });
  return { address, attributes };
}

// Spellings of Stuller's two markets; other text is passed on as sent (the contract allows
// the provider's country text where the ISO code is not known).
const COUNTRIES: Readonly<Record<string, string>> = {
  US: "US",
  USA: "US",
  "UNITED STATES": "US",
  "UNITED STATES OF AMERICA": "US",
  CA: "CA",
  CAN: "CA",
  CANADA: "CA",
};

function countryCode(country: string | null): string | null {
  if (country === null) return null;
  return COUNTRIES[country.trim().toUpperCase()] ?? country.trim();
}

function carrier(dto: StullerInvoice): CarrierModel | null {
  if (dto.ShipMethod === null && dto.TrackingLink === null) return null;
  // ShipMethod is a description ("UPS Ground"), not a code; Stuller sends no carrier code.
  return { code: null, name: dto.ShipMethod, serviceCode: null, serviceName: null, accountNumber: null, trackingUrl: dto.TrackingLink };
}

/**
 * TrackingNumber is one string per invoice, but a multi-package shipment has several numbers;
 * integrations see them comma separated. Split on commas, semicolons and line breaks (never
 * on spaces: some carriers print numbers in groups), trim, drop duplicates.
 */
function trackingNumbers(text: string | null): string[] {
  if (text === null) return [];
  const parts = text.split(/[,;\r\n]+/).map((part) => part.trim());
  return [...new Set(parts.filter((part) => part !== ""))];
}

/**
 * PostageAndHandling is both `freight` and a FREIGHT charge (charges list everything outside
 * the lines). A zero amount adds no charge: `freight` already says 0.
 */
function freightCharge(amount: DecimalString | null, currency: string): ChargeModel[] {
  if (amount === null || isZeroDecimal(amount)) return [];
  return [{ kind: "FREIGHT", code: null, description: "Postage and handling", amount: { amount, currency } }];
}

/** InvoiceTotal = Σ LineTotal + SalesTax + PostageAndHandling, when Stuller sent every part. */
function totalCheck(dto: StullerInvoice, charges: readonly ChargeModel[]): DiscrepancyModel[] {
  const lines = dto.InvoiceDetails;
  if (dto.InvoiceTotal === null || dto.SalesTax === null || dto.PostageAndHandling === null || lines.length === 0) return [];
  const lineTotals: Array<{ name: string; amount: DecimalString }> = [];
  for (const line of lines) {
    if (line.LineTotal === null) return [];
    lineTotals.push({ name: `line ${line.LineNumber ?? "?"}`, amount: line.LineTotal });
  }
  const terms = [...lineTotals, { name: "SalesTax", amount: dto.SalesTax }, ...chargeTerms(charges).map((term) => ({ ...term, name: "PostageAndHandling" }))];
  return totalDiscrepancy("Stuller InvoiceTotal", dto.InvoiceTotal, terms);
}

/** Metals with any value; a metal with no rate, base or adder was not part of the pricing. */
function metalMarketRates(dto: StullerInvoice): MetalMarketRateModel[] {
  const metals: ReadonlyArray<MetalMarketRateModel> = [
    { metal: "GOLD" satisfies Metal, rate: dto.GoldMarketRate, base: dto.GoldMarketBase, adder: dto.GoldMarketAdder },
    { metal: "PLATINUM" satisfies Metal, rate: dto.PlatinumMarketRate, base: dto.PlatinumMarketBase, adder: dto.PlatinumMarketAdder },
    { metal: "SILVER" satisfies Metal, rate: dto.SilverMarketRate, base: dto.SilverMarketBase, adder: dto.SilverMarketAdder },
  ];
  return metals.filter((m) => m.rate !== null || m.base !== null || m.adder !== null);
}
