// Stuller `InvoiceDetails` → lines, and the one consistency check a line allows: its
// LineTotal against UnitPrice × ShipQuantity, in exact decimal arithmetic. A line that does
// not agree is reported as a Discrepancy and left exactly as Stuller sent it.
import { decimalsEqual, multiplyDecimals, type DecimalString } from "../../domain/decimal.js";
import { lineModel } from "../../domain/factories.js";
import type { AttributeModel, DiscrepancyModel, LineModel, MoneyModel } from "../../domain/models.js";
import type { StullerInvoiceDetail } from "./schemas.js";

/** Stuller's API bills in US dollars and names no currency on the invoice. */
export const STULLER_CURRENCY = "USD";

export function money(amount: DecimalString | null): MoneyModel | null {
  return amount === null ? null : { amount, currency: STULLER_CURRENCY };
}

export function normalizeLine(detail: StullerInvoiceDetail): LineModel {
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

/**
 * A Discrepancy when LineTotal ≠ UnitPrice × ShipQuantity, compared numerically ("59.97"
 * equals "59.970"). Nothing is rounded: a product with more decimals than the line total
 * (19.995 × 3) is reported too, because Stuller's rounding rule is not documented. Lines
 * missing one of the three amounts cannot be checked and are not reported.
 */
export function lineDiscrepancy(detail: StullerInvoiceDetail): DiscrepancyModel | null {
  const { UnitPrice: unitPrice, ShipQuantity: quantity, LineTotal: actual } = detail;
  if (unitPrice === null || quantity === null || actual === null) return null;
  const expected = multiplyDecimals(unitPrice, quantity);
  if (decimalsEqual(expected, actual)) return null;
  const line = detail.LineNumber ?? "?";
  return {
    lineNumber: detail.LineNumber,
    field: "Line.extendedPrice",
    expected,
    actual,
    message: `Stuller line ${line}: LineTotal ${actual} is not UnitPrice ${unitPrice} × ShipQuantity ${quantity} = ${expected}`,
  };
}
