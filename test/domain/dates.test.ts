import { describe, expect, it } from "vitest";
import {
  DateParseError,
  addDays,
  calendarDateOf,
  isDateString,
  isDateTimeString,
  parseCalendarDay,
  parseCompactDate,
  parseDate,
  parseDateTime,
  tryParseDate,
  tryParseDateTime,
} from "../../src/domain/dates.js";

describe("parseDate", () => {
  it.each([
    "2024-04-27",
    "2024-02-29", // leap year
    "2000-02-29", // divisible by 400: leap
    "2023-02-28",
    "2024-01-31",
    "2024-04-30",
    "2024-12-31",
    "1999-12-31",
  ])("accepts the real calendar date %s unchanged", (text) => {
    expect(parseDate(text)).toBe(text);
  });

  it("trims surrounding whitespace", () => {
    expect(parseDate(" 2024-04-27\n")).toBe("2024-04-27");
  });

  it.each([
    "2023-02-29", // not a leap year
    "1900-02-29", // divisible by 100 but not 400: not leap
    "2024-02-30",
    "2024-04-31",
    "2024-13-01",
    "2024-00-10",
    "2024-01-00",
    "2024-01-32",
    "2024-1-5",
    "24-01-05",
    "2024/01/05",
    "20240105",
    "2024-01-05T00:00:00Z",
    "2024-01-5x",
    "2024-01-05 x",
    "",
    "yesterday",
  ])("rejects %j", (text) => {
    expect(() => parseDate(text)).toThrow(DateParseError);
  });

  it("says what it received", () => {
    expect(() => parseDate("2023-02-29")).toThrow('Invalid date: "2023-02-29" (expected a calendar date YYYY-MM-DD)');
  });
});

describe("parseDateTime", () => {
  it.each([
    ["no fraction, Z", "2022-05-10T15:24:56Z"],
    ["no fraction, offset", "2022-05-10T15:24:56+02:00"],
    ["3 fraction digits", "2024-04-27T23:09:24.932-05:00"],
    ["7 fraction digits (Stuller)", "2024-04-27T23:09:24.9322846-05:00"],
    ["9 fraction digits", "2024-04-27T23:09:24.932284612Z"],
    ["1 fraction digit", "2024-04-27T23:09:24.9+09:00"],
    ["a leap day", "2024-02-29T00:00:00Z"],
    ["the last second of the day", "2024-12-31T23:59:59.999999999+14:00"],
    ["an unknown local offset -00:00", "2024-04-27T12:00:00-00:00"],
    ["a half-hour offset", "2024-04-27T12:00:00+05:30"],
  ])("accepts %s and returns the text unchanged", (_label, text) => {
    expect(parseDateTime(text)).toBe(text);
  });

  it.each([
    ["no offset", "2024-04-27T23:09:24"],
    ["no offset with fraction", "2024-04-27T23:09:24.9322846"],
    ["10 fraction digits", "2024-04-27T23:09:24.9322846123Z"],
    ["an empty fraction", "2024-04-27T23:09:24.Z"],
    ["no seconds", "2024-04-27T23:09Z"],
    ["hour 24", "2024-04-27T24:00:00Z"],
    ["minute 60", "2024-04-27T23:60:00Z"],
    ["second 60", "2024-04-27T23:59:60Z"],
    ["an impossible date", "2023-02-29T12:00:00Z"],
    ["month 13", "2024-13-01T12:00:00Z"],
    ["an offset without colon", "2024-04-27T23:09:24-0500"],
    ["an hour-only offset", "2024-04-27T23:09:24-05"],
    ["an offset hour 24", "2024-04-27T23:09:24+24:00"],
    ["an offset minute 60", "2024-04-27T23:09:24+05:60"],
    ["a space instead of T", "2024-04-27 23:09:24Z"],
    ["a lower-case t", "2024-04-27t23:09:24Z"],
    ["a lower-case z", "2024-04-27T23:09:24z"],
    ["a date only", "2024-04-27"],
    ["an empty string", ""],
    ["epoch milliseconds", "1714277364932"],
  ])("rejects %s", (_label, text) => {
    expect(() => parseDateTime(text)).toThrow(DateParseError);
  });
});

describe("calendarDateOf", () => {
  it.each([
    ["late evening at -05:00 stays on the local day", "2024-04-27T23:09:24.9322846-05:00", "2024-04-27"],
    ["early morning at +09:00 stays on the local day", "2024-04-28T01:30:00+09:00", "2024-04-28"],
    ["just before midnight at -10:00", "2024-12-31T23:59:59-10:00", "2024-12-31"],
    ["just after midnight at +14:00", "2025-01-01T00:00:01+14:00", "2025-01-01"],
    ["Z is its own day", "2022-05-10T15:24:56Z", "2022-05-10"],
  ])("%s", (_label, text, expected) => {
    expect(calendarDateOf(text)).toBe(expected);
    // The UTC day differs in the offset cases; make sure the test would catch a UTC conversion.
    if (!text.endsWith("Z")) expect(new Date(text).toISOString().slice(0, 10)).not.toBe(expected);
  });

  it("rejects an invalid date-time", () => {
    expect(() => calendarDateOf("2024-04-27T23:09:24")).toThrow(DateParseError);
  });
});

describe("parseCompactDate", () => {
  it.each([
    ["120329", "2012-03-29"],
    ["000101", "2000-01-01"],
    ["991231", "2099-12-31"],
    ["240229", "2024-02-29"],
    [" 240105 ", "2024-01-05"],
  ])("reads the YYMMDD %j as %j", (text, expected) => {
    expect(parseCompactDate(text)).toBe(expected);
  });

  it.each(["230229", "121329", "120300", "120332", "12032", "1203291", "2012-03-29", "12-03-29", "abcdef", ""])("rejects %j", (text) => {
    expect(() => parseCompactDate(text)).toThrow(DateParseError);
  });
});

describe("optional fields", () => {
  it.each([
    [null, null],
    [undefined, null],
    ["", null],
    ["  ", null],
    ["2023-02-29", null],
    ["2024-02-29", "2024-02-29"],
  ])("tryParseDate(%j) is %j", (text, expected) => {
    expect(tryParseDate(text)).toBe(expected);
  });

  it.each([
    [null, null],
    [undefined, null],
    ["", null],
    ["2024-04-27T23:09:24", null],
    ["2024-04-27T23:09:24.9322846-05:00", "2024-04-27T23:09:24.9322846-05:00"],
  ])("tryParseDateTime(%j) is %j", (text, expected) => {
    expect(tryParseDateTime(text)).toBe(expected);
  });
});

describe("strict checks used for output", () => {
  it.each([
    ["2024-04-27", true],
    [" 2024-04-27", false],
    ["2023-02-29", false],
    [20240427, false],
    [null, false],
  ])("isDateString(%j) is %s", (value, expected) => {
    expect(isDateString(value)).toBe(expected);
  });

  it.each([
    ["2024-04-27T23:09:24.9322846-05:00", true],
    ["2024-04-27T23:09:24.9322846-05:00 ", false],
    ["2024-04-27T23:09:24", false],
    [1714277364932, false],
  ])("isDateTimeString(%j) is %s", (value, expected) => {
    expect(isDateTimeString(value)).toBe(expected);
  });
});

describe("parseCalendarDay", () => {
  it.each([
    ["2024-03-05", "2024-03-05"],
    [" 2024-03-05 ", "2024-03-05"],
    ["2024-03-05T00:00:00", "2024-03-05"],
    ["2024-03-05T23:59:59.9999999", "2024-03-05"],
    ["2024-04-27T23:09:24.9322846-05:00", "2024-04-27"],
    ["2024-04-27T23:09:24Z", "2024-04-27"],
  ])("reads %j as the day it states, %s", (text, day) => {
    expect(parseCalendarDay(text)).toBe(day);
  });

  it.each(["2024-02-30", "2024-03-05T24:00:00", "05/03/2024", "2024-03-05 00:00:00", "", "yesterday"])("refuses %j", (text) => {
    expect(() => parseCalendarDay(text)).toThrow(DateParseError);
  });
});

describe("addDays", () => {
  it.each([
    ["2024-02-20", 10, "2024-03-01"],
    ["2023-02-20", 10, "2023-03-02"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2024-03-31", 0, "2024-03-31"],
    ["2024-03-10", 50, "2024-04-29"],
    ["2024-03-01", -1, "2024-02-29"],
  ])("%s + %i days is %s, whatever the process time zone", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it("refuses a date that is not a calendar date", () => {
    expect(() => addDays("2024-02-30", 1)).toThrow(DateParseError);
  });
});
