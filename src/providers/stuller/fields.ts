// Field types of the Stuller wire format, as zod schemas over the lossless JSON tree (where
// a JSON number arrives as its source text, so `19.99` and `"19.99"` read the same: the
// wire notes say to accept both forms). Issue messages never quote the value: they reach
// logs, and the paths alone say which field was wrong.
import { z } from "zod";
import { parseDate, parseDateTime, calendarDateOf, DateParseError } from "../../domain/dates.js";
import { parseDecimal, DecimalParseError, type DecimalString } from "../../domain/decimal.js";
import type { DateString, DateTimeString } from "../../domain/models.js";

const isBlank = (value: string | null | undefined): value is null | undefined | "" => value === null || value === undefined || value.trim() === "";

/** Optional text: kept exactly as sent (no trimming: PO numbers are matched exactly); blank → null. */
export const text = z
  .string()
  .nullish()
  .transform((value) => (isBlank(value) ? null : value));

/** A required identifier, kept exactly as sent. */
export const identifier = z.string().refine((value) => value.trim() !== "", "must not be blank");

/** An exact decimal (money, ShipQuantity); blank or null → null. */
export const decimal = z
  .string()
  .nullish()
  .transform((value, ctx): DecimalString | null => {
    if (isBlank(value)) return null;
    try {
      return parseDecimal(value);
    } catch (error) {
      if (!(error instanceof DecimalParseError)) throw error;
      ctx.addIssue({ code: "custom", message: "expected a decimal number" });
      return z.NEVER;
    }
  });

const INTEGER = /^-?[0-9]+$/;

/** An integer (LineNumber), kept as its text. */
export const integerText = text.refine((value) => value === null || INTEGER.test(value.trim()), "expected an integer").transform((value) => value?.trim() ?? null);

/** An integer quantity (BackOrderedQuantity), as a DecimalString like every model quantity. */
export const integerQuantity = integerText.transform((value) => (value === null ? null : parseDecimal(value)));

/** A Stuller DateTime as the instant and the calendar day in Stuller's own offset. */
export interface StullerInstant {
  readonly at: DateTimeString | null;
  readonly day: DateString | null;
}

const NO_INSTANT: StullerInstant = { at: null, day: null };
// ASP.NET writes a DateTime of kind Unspecified without an offset.
const OFFSETLESS = /^([0-9]{4}-[0-9]{2}-[0-9]{2})T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,9})?$/;

/**
 * `2026-02-08T22:53:43.3516979-06:00` → that instant (offset and all seven fraction digits
 * kept) and the day `2026-02-08` in Stuller's offset, never the UTC day (2026-02-09).
 * - .NET's DateTime.MinValue (`0001-01-01T00:00:00`) is how ASP.NET writes an unset date:
 *   it is read as "no date", not as the year 1.
 * - Without an offset the day is still Stuller's own, but the instant cannot be placed on
 *   the time line: the day is kept and the time of day is dropped (DateTime needs an offset).
 */
export const instant = z
  .string()
  .nullish()
  .transform((value, ctx): StullerInstant => {
    if (isBlank(value)) return NO_INSTANT;
    const trimmed = value.trim();
    if (trimmed.startsWith("0001-01-01")) return NO_INSTANT;
    try {
      const offsetless = OFFSETLESS.exec(trimmed);
      if (offsetless) return { at: null, day: parseDate(offsetless[1] ?? "") };
      return { at: parseDateTime(trimmed), day: calendarDateOf(trimmed) };
    } catch (error) {
      if (!(error instanceof DateParseError)) throw error;
      ctx.addIssue({ code: "custom", message: "expected an ISO-8601 date-time" });
      return z.NEVER;
    }
  });
