// Text → typed value for one TD SYNNEX field. Blank text is "not sent" (null); text that is
// present but unreadable throws InvoiceFieldError naming the field (never the value), and
// fails its invoice: a wrong amount is worse than a missing invoice that is reported.
import { parseDate } from "../../domain/dates.js";
import { DecimalParseError, parseDecimal, type DecimalString } from "../../domain/decimal.js";
import type { MoneyModel } from "../../domain/models.js";

export class InvoiceFieldError extends Error {
  override readonly name = "InvoiceFieldError";
  constructor(readonly field: string) {
    super(`unreadable value in ${field}`);
  }
}

/** Trimmed text, or null when absent or blank. */
export function present(text: string | undefined): string | null {
  if (text === undefined) return null;
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

/** An exact decimal; TD writes amounts with thousands separators ("1,234.50" → "1234.50"). */
export function decimalField(field: string, text: string | undefined): DecimalString | null {
  const value = present(text);
  if (value === null) return null;
  try {
    return parseDecimal(value, { thousandsSeparators: true });
  } catch (error) {
    if (error instanceof DecimalParseError) throw new InvoiceFieldError(field);
    throw error;
  }
}

export function moneyField(field: string, text: string | undefined, currency: string): MoneyModel | null {
  const amount = decimalField(field, text);
  return amount === null ? null : { amount, currency };
}

/** A whole number; "1.0" is accepted as 1 (TD writes quantities and counts with a fraction). */
export function integerField(field: string, text: string | undefined): number | null {
  const value = present(text);
  if (value === null) return null;
  const match = /^([0-9]{1,9})(?:\.0+)?$/.exec(value);
  if (!match) throw new InvoiceFieldError(field);
  return Number(match[1]);
}

/** A calendar date `YYYY-MM-DD`, as the vendor document specifies. */
export function dateField(field: string, text: string | undefined): string | null {
  const value = present(text);
  if (value === null) return null;
  try {
    return parseDate(value);
  } catch {
    throw new InvoiceFieldError(field);
  }
}
