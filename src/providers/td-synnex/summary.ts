// The `<Summary>` block: totals, tax, freight and the fee charges.
//
// Sign rule (Charge.amount: positive adds to what is owed, negative reduces it):
// - Freight, Shipping, HandlingFee, MinOrderFee, ProcessingFee, RecyclingFee and BoxCharge
//   are charges by nature and keep the sign TD sends.
// - Rebate reduces what is owed: a positive rebate becomes negative (a negative one stays).
// - `AllowanceORCharge` (also spelled `AllowanceOrCharge`) qualifies ExpenseTotal, the one
//   summary amount without a direction of its own: "A" makes it an ALLOWANCE (negative),
//   "C", blank or anything else an EXPENSE as sent. It is not applied to the fees: the
//   vendor's own sample flags an ordinary invoice "A" (that reading would make every fee
//   an allowance). The raw flag is kept as an invoice attribute.
// - Zero amounts are left out of `charges` (every TD summary lists every fee, mostly 0.0).
// - Freight and Shipping often repeat the same amount: one FREIGHT charge then. Two
//   different non-zero amounts give two charges; which one TD billed is not invented.
// - `freight` (domain/amounts.ts): Freight when not zero, else the FREIGHT charges (Shipping,
//   HandlingFee), else Freight or Shipping as sent.
// TD may list freight it discounted (not billed in TotalInvoiceAmount). That is not
// corrected: reconcile() reports the difference as a discrepancy instead.
import type { ChargeKind } from "../../__generated__/resolvers-types.js";
import { freightAmount } from "../../domain/amounts.js";
import { decimalsEqual, isZeroDecimal, multiplyDecimals, negateDecimal, subtractDecimals, sumDecimals, type DecimalString } from "../../domain/decimal.js";
import type { AttributeModel, ChargeModel, DiscrepancyModel, LineModel, MoneyModel } from "../../domain/models.js";
import { decimalField, integerField, present } from "./fields.js";
import type { TdSummary } from "./schemas.js";

export interface SummaryFacts {
  readonly total: MoneyModel | null;
  readonly tax: MoneyModel | null;
  readonly freight: MoneyModel | null;
  readonly charges: readonly ChargeModel[];
  readonly weight: DecimalString | null;
  readonly boxCount: number | null;
  readonly attributes: readonly AttributeModel[];
}

type FeeElement = "HandlingFee" | "MinOrderFee" | "ProcessingFee" | "RecyclingFee" | "BoxCharge";
const FEES: ReadonlyArray<readonly [FeeElement, ChargeKind, string]> = [
  ["HandlingFee", "FREIGHT", "Handling fee"],
  ["MinOrderFee", "MINIMUM_ORDER_FEE", "Minimum order fee"],
  ["ProcessingFee", "PROCESSING_FEE", "Processing fee"],
  ["RecyclingFee", "RECYCLING_FEE", "Recycling fee"],
  ["BoxCharge", "BOX_CHARGE", "Box charge"],
];

export function normalizeSummary(summary: TdSummary | undefined, currency: string): SummaryFacts {
  const s = summary ?? {};
  const amount = (element: keyof TdSummary): DecimalString | null => decimalField(`Summary.${element}`, s[element]);
  const money = (value: DecimalString | null): MoneyModel | null => (value === null ? null : { amount: value, currency });
  const charges: ChargeModel[] = [];
  const charge = (kind: ChargeKind, code: string, description: string, value: DecimalString | null): void => {
    if (value !== null && !isZeroDecimal(value)) charges.push({ kind, code, description, amount: { amount: value, currency } });
  };

  const freight = amount("Freight");
  const shipping = amount("Shipping");
  charge("FREIGHT", "Freight", "Freight", freight);
  const shippingRepeatsFreight = freight !== null && shipping !== null && decimalsEqual(freight, shipping);
  if (!shippingRepeatsFreight) charge("FREIGHT", "Shipping", "Shipping", shipping);
  for (const [element, kind, description] of FEES) charge(kind, element, description, amount(element));

  const rebate = amount("Rebate");
  charge("REBATE", "Rebate", "Rebate", rebate === null || rebate.startsWith("-") ? rebate : negateDecimal(rebate));

  const flagElement = s.AllowanceORCharge !== undefined ? "AllowanceORCharge" : "AllowanceOrCharge";
  const flag = present(s[flagElement]);
  const expense = amount("ExpenseTotal");
  if (flag?.toUpperCase() === "A") {
    charge("ALLOWANCE", "ExpenseTotal", "Expense total (allowance)", expense === null || expense.startsWith("-") ? expense : negateDecimal(expense));
  } else {
    charge("EXPENSE", "ExpenseTotal", "Expense total", expense);
  }

  return {
    total: money(amount("TotalInvoiceAmount")),
    tax: money(amount("SalesTax")),
    freight: money(freightAmount(freight ?? shipping, charges)),
    charges,
    weight: amount("TotalWeight"),
    boxCount: integerField("Summary.BoxCount", s.BoxCount),
    attributes: flag === null ? [] : [{ name: flagElement, value: flag }],
  };
}

/**
 * Compares TotalInvoiceAmount with Σ(unit price × quantity) + sales tax + charges. Only when
 * every line has both values; the difference is reported, never corrected.
 */
export function reconcile(facts: SummaryFacts, lines: readonly LineModel[]): DiscrepancyModel[] {
  if (facts.total === null || lines.length === 0) return [];
  const products: DecimalString[] = [];
  for (const line of lines) {
    if (line.unitPrice === null || line.quantityShipped === null) return [];
    products.push(multiplyDecimals(line.unitPrice.amount, line.quantityShipped));
  }
  const parts = [...products, ...facts.charges.map((c) => c.amount.amount)];
  if (facts.tax !== null) parts.push(facts.tax.amount);
  const expected = sumDecimals(parts);
  const actual = facts.total.amount;
  if (decimalsEqual(expected, actual)) return [];
  const difference = subtractDecimals(expected, actual);
  const freightOnly = facts.charges.some((c) => c.kind === "FREIGHT" && decimalsEqual(c.amount.amount, difference));
  const hint = freightOnly ? "; the difference equals a freight charge, which TD SYNNEX may list although it was discounted" : "";
  return [
    {
      lineNumber: null,
      field: "Invoice.total",
      expected,
      actual,
      message: `TotalInvoiceAmount ${actual} differs from lines + sales tax + charges (${expected})${hint}`,
    },
  ];
}
