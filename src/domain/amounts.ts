// One meaning per amount across providers (contract.md §1): the freight rule and the check
// that a document's total is its parts. Pure and exact (decimal strings, no floats).
//
// - `charges` list every amount outside the product lines, freight included exactly once.
// - `freight` is the provider's header amount; when the header is zero or absent, the sum of
//   the FREIGHT charges (Ingram Micro bills freight as fee lines, fabric as a charge). It is
//   never added to the charges a second time.
// - `total` is subtotal + tax + charges. Where a provider's numbers do not add up, that is
//   reported as a Discrepancy and nothing is corrected.
import { decimalsEqual, isZeroDecimal, sumDecimals, type DecimalString } from "./decimal.js";
import type { ChargeModel, DiscrepancyModel } from "./models.js";

/** The header freight when it is not zero, else the FREIGHT charges' sum, else the header as sent. */
export function freightAmount(header: DecimalString | null, charges: readonly ChargeModel[]): DecimalString | null {
  if (header !== null && !isZeroDecimal(header)) return header;
  const freight = charges.filter((charge) => charge.kind === "FREIGHT");
  return freight.length === 0 ? header : sumDecimals(freight.map((charge) => charge.amount.amount));
}

/** Whether the charges already carry freight (so a header amount must not be added again). */
export function hasFreightCharge(charges: readonly ChargeModel[]): boolean {
  return charges.some((charge) => charge.kind === "FREIGHT");
}

/** A named part of a total, for the message ("totalsales 879.80"). */
export interface AmountTerm {
  readonly name: string;
  readonly amount: DecimalString;
}

/**
 * An `Invoice.total` Discrepancy when `total` is not the sum of `terms`; none when it is.
 * `source` names the provider's total ("Ingram Micro totalamount").
 */
export function totalDiscrepancy(source: string, total: DecimalString, terms: readonly AmountTerm[]): DiscrepancyModel[] {
  const expected = sumDecimals(terms.map((term) => term.amount));
  if (decimalsEqual(expected, total)) return [];
  const parts = terms.map((term) => `${term.name} ${term.amount}`).join(" + ");
  return [{ lineNumber: null, field: "Invoice.total", expected, actual: total, message: `${source} ${total} is not ${parts} = ${expected}` }];
}

/** The charges as terms of a total. */
export function chargeTerms(charges: readonly ChargeModel[]): AmountTerm[] {
  return charges.map((charge) => ({ name: charge.code ?? charge.kind.toLowerCase(), amount: charge.amount.amount }));
}
