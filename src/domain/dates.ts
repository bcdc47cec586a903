// Calendar dates and instants as text. A date is the day the provider states, in its own
// offset; an instant keeps the provider's offset. Validation is done on the text (real
// calendar day, valid clock time) and never through a Date object, so nothing is ever
// shifted to another day by a conversion to UTC or to the server's time zone.

export class DateParseError extends Error {
  override readonly name = "DateParseError";
  /** What was received, truncated for messages and logs. */
  readonly received: string;

  constructor(kind: string, received: unknown, expected: string) {
    const shown = describeReceived(received);
    super(`Invalid ${kind}: ${shown} (expected ${expected})`);
    this.received = shown;
  }
}

const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
// Upper-case "T" and "Z" only; the offset is mandatory and written ±HH:MM; 0–9 fraction digits.
const DATE_TIME =
  /^([0-9]{4}-[0-9]{2}-[0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]{1,9})?(?:Z|[+-]([0-9]{2}):([0-9]{2}))$/;
const COMPACT_DATE = /^([0-9]{2})([0-9]{2})([0-9]{2})$/;

const DATE_FORMAT = "a calendar date YYYY-MM-DD";
const DATE_TIME_FORMAT = "an ISO-8601 date-time with an offset, such as 2024-04-27T23:09:24.9322846-05:00";
const COMPACT_FORMAT = "a calendar date YYMMDD";

/** Validates `YYYY-MM-DD` as a real calendar date (proleptic Gregorian) and returns it (trimmed). */
export function parseDate(text: string): string {
  const trimmed = typeof text === "string" ? text.trim() : null;
  if (trimmed === null || !isCalendarDate(trimmed)) throw new DateParseError("date", text, DATE_FORMAT);
  return trimmed;
}

/**
 * Validates an RFC 3339 instant and returns it unchanged (apart from surrounding whitespace):
 * `YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±HH:MM)`. The offset is mandatory and kept as sent.
 * Seconds 00–59 (no leap second 60), hours 00–23, offsets up to ±23:59; "T" and "Z" upper-case.
 */
export function parseDateTime(text: string): string {
  const trimmed = typeof text === "string" ? text.trim() : null;
  if (trimmed === null || !isDateTime(trimmed)) throw new DateParseError("date-time", text, DATE_TIME_FORMAT);
  return trimmed;
}

/**
 * The calendar day of an instant in the instant's own offset:
 * "2024-04-27T23:09:24.9322846-05:00" → "2024-04-27" (not the UTC day, 2024-04-28).
 */
export function calendarDateOf(dateTimeText: string): string {
  return parseDateTime(dateTimeText).slice(0, 10);
}

// An ISO date-time without an offset (ASP.NET and Ingram write local times this way).
const OFFSETLESS_DATE_TIME = /^([0-9]{4}-[0-9]{2}-[0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]{1,9})?$/;
const DAY_FORMAT = "a calendar date YYYY-MM-DD, or an ISO-8601 date-time";

/**
 * The calendar day a provider states, from `YYYY-MM-DD` or from an ISO-8601 date-time with or
 * without an offset: "2024-03-05T00:00:00" → "2024-03-05", "2024-04-27T23:09:24-05:00" →
 * "2024-04-27". The day is always the one written (the provider's own offset), never the UTC
 * day. Anything else throws DateParseError.
 */
export function parseCalendarDay(text: string): string {
  const trimmed = typeof text === "string" ? text.trim() : null;
  if (trimmed !== null && isCalendarDate(trimmed)) return trimmed;
  if (trimmed !== null && isDateTime(trimmed)) return trimmed.slice(0, 10);
  const local = trimmed === null ? null : OFFSETLESS_DATE_TIME.exec(trimmed);
  if (local && isCalendarDate(local[1] ?? "") && Number(local[2]) <= 23 && Number(local[3]) <= 59 && Number(local[4]) <= 59) return local[1] ?? "";
  throw new DateParseError("date", text, DAY_FORMAT);
}

/**
 * The calendar day `days` after `date` ("2024-02-20" + 10 → "2024-03-01"). Pure calendar
 * arithmetic on the proleptic Gregorian calendar: no time of day, no time zone.
 */
export function addDays(date: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  const match = DATE.exec(parseDate(date));
  // Date.UTC is used as a day counter only: both ends are UTC midnights, so no offset applies.
  const shifted = new Date(Date.UTC(Number(match?.[1]), Number(match?.[2]) - 1, Number(match?.[3]) + days));
  const year = shifted.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`${date} + ${days} days is outside the years 0000-9999`);
  return `${String(year).padStart(4, "0")}-${String(shifted.getUTCMonth() + 1).padStart(2, "0")}-${String(shifted.getUTCDate()).padStart(2, "0")}`;
}

/** `YYMMDD` as some XML feeds write it ("120329" → "2012-03-29"); years map to 2000–2099. */
export function parseCompactDate(yymmdd: string): string {
  const trimmed = typeof yymmdd === "string" ? yymmdd.trim() : "";
  const match = COMPACT_DATE.exec(trimmed);
  const date = match ? `20${match[1]}-${match[2]}-${match[3]}` : null;
  if (date === null || !isCalendarDate(date)) throw new DateParseError("compact date", yymmdd, COMPACT_FORMAT);
  return date;
}

/** parseDate for optional fields: null for null, undefined, blank or invalid text. */
export function tryParseDate(text: string | null | undefined): string | null {
  return attempt(parseDate, text);
}

/** parseDateTime for optional fields: null for null, undefined, blank or invalid text. */
export function tryParseDateTime(text: string | null | undefined): string | null {
  return attempt(parseDateTime, text);
}

/** Exactly a valid `YYYY-MM-DD` (no surrounding whitespace). */
export function isDateString(value: unknown): value is string {
  return typeof value === "string" && isCalendarDate(value);
}

/** Exactly a valid RFC 3339 instant with offset (no surrounding whitespace). */
export function isDateTimeString(value: unknown): value is string {
  return typeof value === "string" && isDateTime(value);
}

// ---------------------------------------------------------------------------------------

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function isDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (!match) return false;
  const [, date = "", hour, minute, second, offsetHour, offsetMinute] = match;
  if (!isCalendarDate(date)) return false;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return false;
  if (offsetHour !== undefined && (Number(offsetHour) > 23 || Number(offsetMinute) > 59)) return false;
  return true;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function attempt(parse: (text: string) => string, text: string | null | undefined): string | null {
  if (typeof text !== "string" || text.trim() === "") return null;
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof DateParseError) return null;
    throw error;
  }
}

function describeReceived(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${String(value)}`;
  return value === null ? "null" : typeof value;
}
