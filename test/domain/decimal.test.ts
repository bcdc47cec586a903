import { describe, expect, it } from "vitest";
import {
  DecimalParseError,
  addDecimals,
  compareDecimals,
  decimalsEqual,
  isDecimalString,
  isZeroDecimal,
  multiplyDecimals,
  negateDecimal,
  parseDecimal,
  roundDecimal,
  subtractDecimals,
  sumDecimals,
  tryParseDecimal,
} from "../../src/domain/decimal.js";
import type { DecimalString } from "../../src/domain/decimal.js";

const d = (text: string): DecimalString => parseDecimal(text);

describe("parseDecimal", () => {
  it.each([
    ["5400.00", "5400.00"],
    ["10.10", "10.10"],
    ["10.1000", "10.1000"],
    ["0", "0"],
    ["0.00", "0.00"],
    ["-12.5", "-12.5"],
    ["+12.5", "12.5"],
    ["  42.00\t\n", "42.00"],
    ["007.50", "7.50"],
    ["-007", "-7"],
    ["000", "0"],
    ["00.5", "0.5"],
    [".5", "0.5"],
    ["-.25", "-0.25"],
    ["-0", "0"],
    ["-0.00", "0.00"],
    ["+0.0", "0.0"],
    ["12345678901234.56", "12345678901234.56"],
    ["123456789012345678901234567890.123456789012345678901234567890", "123456789012345678901234567890.123456789012345678901234567890"],
  ])("keeps the digits of plain notation: %j becomes %j", (input, expected) => {
    expect(parseDecimal(input)).toBe(expected);
  });

  it.each([
    ["1e-7", "0.0000001"],
    ["1E+3", "1000"],
    ["1e3", "1000"],
    ["-2.5e-3", "-0.0025"],
    ["1.0e0", "1"],
    ["1.23456789012345678901e20", "123456789012345678901"],
    ["0e5", "0"],
    ["-0e-2", "0"],
  ])("expands exponent notation without an exponent: %j becomes %j", (input, expected) => {
    expect(parseDecimal(input)).toBe(expected);
  });

  it.each([
    ["1,234.50", "1234.50"],
    ["12,345,678.9", "12345678.9"],
    ["-1,000", "-1000"],
    ["999", "999"],
    ["1234.50", "1234.50"],
    ["100,000.00", "100000.00"],
  ])("removes correctly grouped thousands separators when asked: %j becomes %j", (input, expected) => {
    expect(parseDecimal(input, { thousandsSeparators: true })).toBe(expected);
  });

  it.each(["1,23.4", ",123", "1,2345.00", "1234,567", "1,234,56", "0,123.45", "1,,234", "1,234.", "1.234,50", "1,234.5,0"])(
    "rejects badly grouped thousands separators %j",
    (input) => {
      expect(() => parseDecimal(input, { thousandsSeparators: true })).toThrow(DecimalParseError);
    },
  );

  it("rejects thousands separators unless asked", () => {
    expect(() => parseDecimal("1,234.50")).toThrow(DecimalParseError);
  });

  it.each([
    "",
    "   ",
    "NaN",
    "Infinity",
    "-Infinity",
    "1.2.3",
    "12abc",
    "0x1F",
    "1 000",
    "12 .5",
    "- 5",
    "5.",
    ".",
    "-",
    "+-5",
    "1e",
    "e5",
    "1e1.5",
    "1e100000",
    "١٢٣",
    "$12.00",
    "12.00 USD",
  ])("rejects %j", (input) => {
    expect(() => parseDecimal(input)).toThrow(DecimalParseError);
  });

  it("says what it received, truncated", () => {
    expect(() => parseDecimal("12abc")).toThrow('Invalid decimal: "12abc"');
    const long = "9".repeat(60) + "x";
    const error = captureError(() => parseDecimal(long));
    expect(error).toBeInstanceOf(DecimalParseError);
    expect(error.message).toContain(`"${"9".repeat(40)}…"`);
    expect(error.message).not.toContain("9".repeat(41));
  });

  it("rejects a number that slipped past the types", () => {
    expect(() => parseDecimal(12.5 as unknown as string)).toThrow(/expected a string, got number/);
  });
});

describe("tryParseDecimal", () => {
  it.each([
    [null, null],
    [undefined, null],
    ["", null],
    ["  ", null],
    ["abc", null],
    ["1,234.50", null],
    ["10.10", "10.10"],
  ])("returns %j for %j", (input, expected) => {
    expect(tryParseDecimal(input)).toBe(expected);
  });

  it("passes the thousands separator option through", () => {
    expect(tryParseDecimal("1,234.50", { thousandsSeparators: true })).toBe("1234.50");
  });
});

describe("isDecimalString", () => {
  it.each(["0", "0.5", "-0.5", "10.10", "5400.00", "12345678901234.56", "-7"])("accepts the canonical form %j", (value) => {
    expect(isDecimalString(value)).toBe(true);
  });

  it.each(["007", "+5", "1e3", "1,234.50", ".5", "5.", "-0", "-0.00", "", " 1", "NaN"])("rejects the non-canonical %j", (value) => {
    expect(isDecimalString(value)).toBe(false);
  });

  it.each([12.5, 0, null, undefined, {}, true])("rejects the non-string %s", (value) => {
    expect(isDecimalString(value)).toBe(false);
  });

  it("accepts everything parseDecimal produces", () => {
    for (const input of ["007.50", "-0.00", "+3", ".5", "1e-7", "1E+3"]) expect(isDecimalString(parseDecimal(input))).toBe(true);
  });
});

describe("arithmetic is exact", () => {
  it('sums 100 × "19.99" to "1999.00" where a float sum drifts', () => {
    let float = 0;
    for (let i = 0; i < 100; i += 1) float += 19.99;
    expect(float).not.toBe(1999); // the hazard this module exists to avoid
    expect(sumDecimals(Array.from({ length: 100 }, () => d("19.99")))).toBe("1999.00");
  });

  it('adds "0.1" + "0.2" to "0.3"', () => {
    expect(addDecimals(d("0.1"), d("0.2"))).toBe("0.3");
  });

  it.each([
    [["10.10", "0.5"], "10.60"],
    [["1", "2.000"], "3.000"],
    [["-5.25", "5.25"], "0.00"],
    [["12345678901234.56", "0.01"], "12345678901234.57"],
    [["99999999999999999999.99", "0.01"], "100000000000000000000.00"],
    [[], "0"],
  ])("adds %j at the largest scale: %j", (values, expected) => {
    expect(addDecimals(...values.map(d))).toBe(expected);
    expect(sumDecimals(values.map(d))).toBe(expected);
  });

  it.each([
    ["10.00", "0.5", "9.50"],
    ["0.3", "0.1", "0.2"],
    ["1.00", "1.00", "0.00"],
    ["1", "1.25", "-0.25"],
    ["-1.5", "-1.5", "0.0"],
  ])("subtracts %j − %j = %j", (a, b, expected) => {
    expect(subtractDecimals(d(a), d(b))).toBe(expected);
  });

  it.each([
    ["19.99", "3", "59.97"],
    ["750.00", "6", "4500.00"],
    ["1.5", "1.5", "2.25"],
    ["0.1", "0.1", "0.01"],
    ["2.50", "4.0", "10.000"],
    ["-3.00", "0", "0.00"],
    ["-1.10", "-2", "2.20"],
    ["12345678901234.56", "100", "1234567890123456.00"],
  ])("multiplies %j × %j = %j at the sum of the scales", (a, b, expected) => {
    expect(multiplyDecimals(d(a), d(b))).toBe(expected);
  });

  it.each([
    ["10.10", "-10.10"],
    ["-10.10", "10.10"],
    ["0.00", "0.00"],
  ])("negates %j to %j", (a, expected) => {
    expect(negateDecimal(d(a))).toBe(expected);
  });

  it.each([
    ["2.345", 2, "2.34"],
    ["2.355", 2, "2.36"],
    ["2.5", 0, "2"],
    ["3.5", 0, "4"],
    ["-2.5", 0, "-2"],
    ["-0.001", 2, "0.00"],
    ["1.5", 2, "1.50"],
    ["1234.5678", 2, "1234.57"],
  ])("rounds %j half-even to %i places: %j", (a, scale, expected) => {
    expect(roundDecimal(d(a), scale)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])("refuses to round to the scale %d", (scale) => {
    expect(() => roundDecimal(d("1.5"), scale)).toThrow(RangeError);
  });

  it("refuses non-canonical values forced into the type", () => {
    expect(() => addDecimals("1,234.50" as DecimalString)).toThrow(TypeError);
    expect(() => multiplyDecimals(12.5 as unknown as DecimalString, d("1"))).toThrow(TypeError);
  });

  it("refuses a result it cannot hold exactly instead of rounding it", () => {
    const big = d("9".repeat(600));
    expect(() => multiplyDecimals(big, big)).toThrow(RangeError);
    expect(() => addDecimals(big, d(`0.${"1".repeat(600)}`))).toThrow(RangeError);
  });
});

describe("comparison", () => {
  it.each([
    ["10.10", "10.1", 0],
    ["0", "0.00", 0],
    ["1", "0.99", 1],
    ["-1", "0", -1],
    ["12345678901234.56", "12345678901234.57", -1],
    ["100", "99.999", 1],
  ] as const)("compares %j with %j as %i", (a, b, expected) => {
    expect(compareDecimals(d(a), d(b))).toBe(expected);
    expect(compareDecimals(d(b), d(a))).toBe(expected === 0 ? 0 : -expected);
    expect(decimalsEqual(d(a), d(b))).toBe(expected === 0);
  });

  it.each([
    ["0", true],
    ["0.00", true],
    ["0.01", false],
    ["-0.01", false],
  ])("knows whether %j is zero: %s", (a, expected) => {
    expect(isZeroDecimal(d(a))).toBe(expected);
  });
});

describe("property: sums of cent amounts match BigInt arithmetic", () => {
  // mulberry32: a small seeded PRNG, so a failure reproduces exactly.
  function mulberry32(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function randomCents(next: () => number): bigint {
    // Up to ~10^17 cents (beyond 2^53) from two 32-bit draws, often small, sometimes negative.
    const high = BigInt(Math.floor(next() * 2 ** 26));
    const low = BigInt(Math.floor(next() * 2 ** 32));
    const magnitude = next() < 0.5 ? low % 100_000n : (high << 32n) | low;
    return next() < 0.25 ? -magnitude : magnitude;
  }

  function formatCents(cents: bigint): string {
    const negative = cents < 0n;
    const abs = negative ? -cents : cents;
    const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
    return negative && abs !== 0n ? `-${text}` : text;
  }

  it("finds no mismatch in 2,000 seeded random sums", () => {
    const next = mulberry32(0x5eed1234);
    const mismatches: string[] = [];
    for (let i = 0; i < 2000; i += 1) {
      const cents = Array.from({ length: 1 + Math.floor(next() * 25) }, () => randomCents(next));
      const expected = formatCents(cents.reduce((a, b) => a + b, 0n));
      const actual = sumDecimals(cents.map((c) => parseDecimal(formatCents(c))));
      if (actual !== expected) mismatches.push(`${cents.join(" + ")}: got ${actual}, expected ${expected}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("finds no mismatch in 2,000 seeded random differences and products", () => {
    const next = mulberry32(0xc0ffee);
    const mismatches: string[] = [];
    for (let i = 0; i < 2000; i += 1) {
      const a = randomCents(next);
      const b = randomCents(next);
      const quantity = BigInt(Math.floor(next() * 1000));
      const difference = subtractDecimals(d(formatCents(a)), d(formatCents(b)));
      if (difference !== formatCents(a - b)) mismatches.push(`${a} - ${b}: got ${difference}`);
      // cents × integer quantity keeps scale 2
      const product = multiplyDecimals(d(formatCents(a)), d(quantity.toString()));
      if (product !== formatCents(a * quantity)) mismatches.push(`${a} × ${quantity}: got ${product}`);
    }
    expect(mismatches).toEqual([]);
  });
});

function captureError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error("threw a non-Error");
  }
  throw new Error("did not throw");
}
