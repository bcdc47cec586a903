// Exact decimals for money and quantities. A DecimalString is the canonical text of a
// decimal number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?` — no "+", no exponent, no thousands
// separators, no leading zeros in the integer part, no negative zero. Its fraction digits
// are exactly those the provider sent ("10.10" stays "10.10"), so values that are only
// passed through are never round-tripped through a Decimal (which would drop trailing zeros).
//
// Arithmetic goes through a private decimal.js clone whose precision is far above any amount
// we handle, and every operation checks that its exact result fits that precision, so
// nothing is ever rounded implicitly. The only rounding is roundDecimal, where the caller
// states the scale. JS number arithmetic is never used on these values.
import { Decimal } from "decimal.js";

export type DecimalString = string & { readonly __decimal: unique symbol };

/** Significant digits available to arithmetic; results that would need more throw. */
const PRECISION = 1000;
/** Largest |exponent| accepted in exponent notation ("1e-7"); bounds the expanded text. */
const MAX_EXPONENT = 1000;

const ExactDecimal = Decimal.clone({ precision: PRECISION, rounding: Decimal.ROUND_HALF_EVEN });
type ExactDecimal = Decimal;

// Plain notation: optional sign, digits with an optional fraction, or a bare leading-dot
// fraction (".5"). A trailing dot ("5.") is rejected.
const PLAIN = /^([+-]?)([0-9]+|[0-9]+\.[0-9]+|\.[0-9]+)$/;
// Thousands-grouped plain notation: the first group is 1–3 digits without a leading zero,
// every further group exactly 3 digits ("1,234.50", "12,345,678.9").
const GROUPED = /^([+-]?)([1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?)$/;
// Exponent notation, as JSON numbers may be written ("1e-7", "1E+3", "-2.5e10").
const EXPONENT = /^([+-]?)([0-9]+(?:\.[0-9]+)?|\.[0-9]+)[eE]([+-]?[0-9]+)$/;
const CANONICAL = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;
const NEGATIVE_ZERO = /^-0(?:\.0+)?$/;

export class DecimalParseError extends Error {
  override readonly name = "DecimalParseError";
  /** What was received, truncated for messages and logs. */
  readonly received: string;

  constructor(received: unknown, reason?: string) {
    const shown = describeReceived(received);
    super(`Invalid decimal: ${shown}${reason === undefined ? "" : ` (${reason})`}`);
    this.received = shown;
  }
}

export interface ParseDecimalOptions {
  /** Accept correctly grouped "," thousands separators ("1,234.50"), as TD SYNNEX sends. */
  readonly thousandsSeparators?: boolean;
}

/**
 * Parses provider or client text into a canonical DecimalString, keeping its digits.
 *
 * - Surrounding whitespace is trimmed; whitespace inside is rejected.
 * - A leading "+" is dropped; leading zeros of the integer part are dropped ("007.50" → "7.50").
 * - ".5" is accepted as "0.5"; "5." is rejected (a dangling dot is more likely a truncation).
 * - Trailing zeros of plain notation are kept ("10.10" → "10.10").
 * - Negative zero loses its sign ("-0.00" → "0.00"), so zero has one representation.
 * - Exponent notation is expanded without an exponent ("1e-7" → "0.0000001", "1E+3" → "1000")
 *   at its minimal scale; |exponent| is limited to 1000.
 * - With `thousandsSeparators`, correctly grouped commas are removed ("1,234.50" → "1234.50");
 *   badly grouped ones ("1,23.4", ",123") are rejected. Without it, any comma is rejected.
 *
 * Anything else (empty, "NaN", "Infinity", "1.2.3", "12abc", "0x1F", "1 000") throws
 * DecimalParseError.
 */
export function parseDecimal(text: string, options: ParseDecimalOptions = {}): DecimalString {
  if (typeof text !== "string") throw new DecimalParseError(text, `expected a string, got ${typeOf(text)}`);
  const trimmed = text.trim();
  if (trimmed === "") throw new DecimalParseError(text, "empty");

  const plain = PLAIN.exec(trimmed);
  if (plain) return canonicalPlain(plain[1] ?? "", plain[2] ?? "");

  if (options.thousandsSeparators === true) {
    const grouped = GROUPED.exec(trimmed);
    if (grouped) return canonicalPlain(grouped[1] ?? "", (grouped[2] ?? "").replaceAll(",", ""));
  }

  const exponent = EXPONENT.exec(trimmed);
  if (exponent) {
    const power = Number.parseInt(exponent[3] ?? "", 10);
    if (!(Math.abs(power) <= MAX_EXPONENT)) throw new DecimalParseError(text, `exponent beyond ±${MAX_EXPONENT}`);
    return formatFixed(new ExactDecimal(trimmed));
  }

  throw new DecimalParseError(text);
}

/** parseDecimal for optional fields: null for null, undefined, blank or invalid text. */
export function tryParseDecimal(
  text: string | null | undefined,
  options: ParseDecimalOptions = {},
): DecimalString | null {
  if (typeof text !== "string" || text.trim() === "") return null;
  try {
    return parseDecimal(text, options);
  } catch (error) {
    if (error instanceof DecimalParseError) return null;
    throw error;
  }
}

/** True for a canonical DecimalString: `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, and not negative zero. */
export function isDecimalString(value: unknown): value is DecimalString {
  return typeof value === "string" && CANONICAL.test(value) && !NEGATIVE_ZERO.test(value);
}

/** Sum of the values, at the largest scale among them. No values sum to "0". */
export function addDecimals(...values: readonly DecimalString[]): DecimalString {
  return sumDecimals(values);
}

/** Sum of the values, at the largest scale among them ("0.1" + "0.20" → "0.30"). Empty → "0". */
export function sumDecimals(values: Iterable<DecimalString>): DecimalString {
  let total = new ExactDecimal(0);
  let scale = 0;
  let maxExponent = 0;
  let count = 0;
  for (const value of values) {
    const decimal = toDecimal(value);
    scale = Math.max(scale, scaleOf(value));
    if (!decimal.isZero()) maxExponent = Math.max(maxExponent, decimal.e);
    count += 1;
    // The exact sum has at most (integer digits + carry digits + scale) significant digits.
    assertExact(maxExponent + 1 + String(count).length + scale, "sum");
    total = total.plus(decimal);
  }
  return formatFixed(total, scale);
}

/** a − b, at the larger of their scales ("10.00" − "0.5" → "9.50"). */
export function subtractDecimals(a: DecimalString, b: DecimalString): DecimalString {
  return sumDecimals([a, negateDecimal(b)]);
}

/** a × b, at the sum of their scales ("19.99" × "3" → "59.97", "1.5" × "1.5" → "2.25"). */
export function multiplyDecimals(a: DecimalString, b: DecimalString): DecimalString {
  const x = toDecimal(a);
  const y = toDecimal(b);
  assertExact(x.sd() + y.sd(), "product");
  return formatFixed(x.times(y), scaleOf(a) + scaleOf(b));
}

/** −a, same digits ("10.10" → "-10.10"); zero stays unsigned. */
export function negateDecimal(a: DecimalString): DecimalString {
  toDecimal(a);
  if (a.startsWith("-")) return a.slice(1) as DecimalString;
  return (isZeroDecimal(a) ? a : `-${a}`) as DecimalString;
}

/** Numeric order: -1 if a < b, 0 if equal ("10.10" vs "10.1"), 1 if a > b. */
export function compareDecimals(a: DecimalString, b: DecimalString): -1 | 0 | 1 {
  const order = toDecimal(a).cmp(toDecimal(b));
  return order < 0 ? -1 : order > 0 ? 1 : 0;
}

/** Numeric equality, ignoring scale: "10.10" equals "10.1". */
export function decimalsEqual(a: DecimalString, b: DecimalString): boolean {
  return compareDecimals(a, b) === 0;
}

export function isZeroDecimal(a: DecimalString): boolean {
  return toDecimal(a).isZero();
}

/**
 * Rounds half-to-even to exactly `scale` fraction digits ("2.345" → "2.34", "2.355" → "2.36").
 * A larger scale than the value has pads with zeros ("1.5" at 2 → "1.50").
 */
export function roundDecimal(a: DecimalString, scale: number): DecimalString {
  if (!Number.isSafeInteger(scale) || scale < 0) throw new RangeError(`scale must be a non-negative integer, got ${scale}`);
  return formatFixed(toDecimal(a), scale);
}

// ---------------------------------------------------------------------------------------

function canonicalPlain(sign: string, digits: string): DecimalString {
  const dot = digits.indexOf(".");
  const rawInteger = dot === -1 ? digits : digits.slice(0, dot);
  const fraction = dot === -1 ? "" : digits.slice(dot);
  const integer = rawInteger.replace(/^0+(?=[0-9])/, "") || "0";
  const unsigned = `${integer}${fraction}`;
  const negative = sign === "-" && !/^0(?:\.0+)?$/.test(unsigned);
  return (negative ? `-${unsigned}` : unsigned) as DecimalString;
}

/** Fixed notation (never an exponent), half-even at `scale` when given, no negative zero. */
function formatFixed(value: ExactDecimal, scale?: number): DecimalString {
  const text = scale === undefined ? value.toFixed() : value.toFixed(scale, Decimal.ROUND_HALF_EVEN);
  return (NEGATIVE_ZERO.test(text) ? text.slice(1) : text) as DecimalString;
}

function toDecimal(value: DecimalString): ExactDecimal {
  if (!isDecimalString(value)) {
    throw new TypeError(`Expected a canonical DecimalString, got ${describeReceived(value)}`);
  }
  return new ExactDecimal(value);
}

function scaleOf(value: DecimalString): number {
  const dot = value.indexOf(".");
  return dot === -1 ? 0 : value.length - dot - 1;
}

function assertExact(digitsNeeded: number, what: string): void {
  if (digitsNeeded > PRECISION) {
    throw new RangeError(`Decimal ${what} needs ${digitsNeeded} significant digits, more than the exact precision of ${PRECISION}`);
  }
}

function describeReceived(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return `${typeof value} ${String(value)}`;
  }
  return typeOf(value);
}

function typeOf(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}
