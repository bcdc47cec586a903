// Stuller `InvoiceDetails` → lines, and the one consistency check a line allows: its
// LineTotal against its price × quantity, in exact decimal arithmetic. A line that does not
// agree is reported as a Discrepancy and left exactly as Stuller sent it.
import { compareDecimals, decimalsEqual, multiplyDecimals, negateDecimal, parseDecimal, subtractDecimals, type DecimalString } from "../../domain/decimal.js";
import { lineModel } from "../../domain/factories.js";
import type { AttributeModel, DiscrepancyModel, LineModel, MoneyModel } from "../../domain/models.js";
import type { StullerInvoiceDetail } from "./schemas.js";

/**
 * Stuller names no currency on an invoice. Its API bills the account in the account's
 * currency, US dollars for api.stuller.com accounts; an account billed otherwise sets the
 * provider's `currency` option (docs/field-coverage.md).
 */
export const STULLER_DEFAULT_CURRENCY = "USD";

export function moneyIn(currency: string): (amount: DecimalString | null) => MoneyModel | null {
  return (amount) => (amount === null ? null : { amount, currency });
}

export function normalizeLine(detail: StullerInvoiceDetail, currency: string = STULLER_DEFAULT_CURRENCY): LineModel {
  const money = moneyIn(currency);
  // Free text with no field of its own (TotalWeight has no unit; LaborOtherCharges is not a
  // number on the wire): kept under Stuller's own names, exactly as sent.
  const attributes: AttributeModel[] = [];
  if (detail.LaborOtherCharges !== null) attributes.push({ name: "LaborOtherCharges", value: detail.LaborOtherCharges });
  if (detail.TotalWeight !== null) attributes.push({ name: "TotalWeight", value: detail.TotalWeight });
  return lineModel({
    number: detail.LineNumber,
    customerLineNumber: detail.CustomerLineReference,
    partNumber: detail.ItemNumber,
    description: detail.ItemDescription,
    quantityShipped: detail.ShipQuantity,
    quantityBackordered: detail.BackOrderedQuantity,
    unitPrice: money(detail.UnitPrice),
    // The model has one unit for a line's quantities and price; Stuller names only the price's.
    unitOfMeasure: detail.UnitPriceUnitOfMeasure,
    extendedPrice: money(detail.LineTotal),
    notes: detail.CustomerNotes,
    attributes,
  });
}

/** Price units that are weights, by Stuller's spellings; the value is one canonical unit. */
const WEIGHT_UNITS: Readonly<Record<string, string>> = {
  G: "GRAM", GR: "GRAM", GRS: "GRAM", GRAM: "GRAM", GRAMS: "GRAM",
  DWT: "DWT", DWTS: "DWT", PENNYWEIGHT: "DWT",
  OZ: "OZT", OZT: "OZT", TOZ: "OZT", "TROY OZ": "OZT",
};
const WEIGHT_TEXT = /^\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z][A-Za-z ]*?)\s*\.?\s*$/;

function weightUnit(text: string | null): string | undefined {
  return text === null ? undefined : WEIGHT_UNITS[text.trim().replace(/^PER\s+/i, "").toUpperCase()];
}

/**
 * What a line's price multiplies: ShipQuantity for a price per piece (EA or any unit that is
 * not a weight), the line's TotalWeight for a price per gram, pennyweight or troy ounce
 * ("6.20 DWT" at a per-DWT price). A weight in another unit than the price, or none, leaves
 * nothing to check: null.
 */
function pricedQuantity(detail: StullerInvoiceDetail): { readonly quantity: DecimalString; readonly name: string; readonly byWeight: boolean } | null {
  const priceUnit = weightUnit(detail.UnitPriceUnitOfMeasure);
  if (priceUnit === undefined) return detail.ShipQuantity === null ? null : { quantity: detail.ShipQuantity, name: "ShipQuantity", byWeight: false };
  const weight = detail.TotalWeight === null ? null : WEIGHT_TEXT.exec(detail.TotalWeight);
  if (weight === null || weightUnit(weight[2] ?? null) !== priceUnit) return null;
  return { quantity: parseDecimal(weight[1] ?? ""), name: "TotalWeight", byWeight: true };
}

/**
 * A Discrepancy when LineTotal ≠ UnitPrice × the priced quantity, compared numerically ("59.97"
 * equals "59.970"). Priced per piece, nothing is rounded: a product with more decimals than the
 * line total (19.995 × 3) is reported too, because Stuller's rounding rule is not documented.
 * Priced by weight, whose weights carry more decimals than money, the line total may be the
 * product rounded to its own last digit (either way at a tie). Lines missing an amount cannot
 * be checked and are not reported.
 */
export function lineDiscrepancy(detail: StullerInvoiceDetail): DiscrepancyModel | null {
  const { UnitPrice: unitPrice, LineTotal: actual } = detail;
  const priced = pricedQuantity(detail);
  if (unitPrice === null || priced === null || actual === null) return null;
  const expected = multiplyDecimals(unitPrice, priced.quantity);
  if (decimalsEqual(expected, actual) || (priced.byWeight && withinLastDigit(expected, actual))) return null;
  const line = detail.LineNumber ?? "?";
  return {
    lineNumber: detail.LineNumber,
    field: "Line.extendedPrice",
    expected,
    actual,
    message: `Stuller line ${line}: LineTotal ${actual} is not UnitPrice ${unitPrice} × ${priced.name} ${priced.quantity} = ${expected}`,
  };
}

/** |expected − actual| ≤ half a unit of actual's last digit ("720.046025" rounds to "720.05"). */
function withinLastDigit(expected: DecimalString, actual: DecimalString): boolean {
  const dot = actual.indexOf(".");
  const scale = dot === -1 ? 0 : actual.length - dot - 1;
  const half = parseDecimal(scale === 0 ? "0.5" : `0.${"0".repeat(scale)}5`);
  const difference = subtractDecimals(expected, actual);
  const magnitude = difference.startsWith("-") ? negateDecimal(difference) : difference;
  return compareDecimals(magnitude, half) <= 0;
}
