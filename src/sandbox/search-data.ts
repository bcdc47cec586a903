// The sandbox's invoices for searching (issue 15): a few months of invoices per provider,
// dated relative to one day (`asOf`, the sandbox's "today"), so "the last 30 days" always
// finds some. Everything but the dates is fixed: the same number always has the same amount,
// status and age in days, so examples read the same on any day and tests that pass `asOf`
// are fully deterministic. Some days carry several invoices (of one provider and of several)
// so the order's tie-breaks show.
import { addDays } from "../domain/dates.js";
import type { DateString } from "../domain/models.js";

export interface SearchSpec {
  /** 1-based, per provider: numbers are built from it. */
  readonly index: number;
  readonly daysAgo: number;
  /** The invoice date: `asOf` minus `daysAgo`. */
  readonly date: DateString;
  /** Payment terms: due this many days after the invoice date. */
  readonly termsDays: number;
  /** Paid (closed): nothing is due any more. */
  readonly settled: boolean;
  /** A credit memo (negative amounts). */
  readonly credit: boolean;
  /** The gross amount in cents, positive (negated for a credit memo). */
  readonly cents: number;
}

/** The span of the data: four months. */
export const SEARCH_DATA_DAYS = 120;

interface Layout {
  readonly count: number;
  readonly step: number;
  readonly offset: number;
}

// Co-prime steps spread each provider's invoices over the 120 days, differently per provider.
const LAYOUTS = { INGRAM_MICRO: { count: 40, step: 37, offset: 3 }, FABRIC: { count: 32, step: 29, offset: 1 }, STULLER: { count: 32, step: 41, offset: 2 } } as const satisfies Record<string, Layout>;

export type SearchingProvider = keyof typeof LAYOUTS;

/** A provider's search invoices as of `asOf` (YYYY-MM-DD). */
export function searchSchedule(provider: SearchingProvider, asOf: DateString): SearchSpec[] {
  const { count, step, offset } = LAYOUTS[provider];
  const specs: SearchSpec[] = [];
  for (let index = 1; index <= count; index++) {
    // Every tenth invoice shares the day of the one before it: ties within the provider.
    const base = index % 10 === 0 ? index - 1 : index;
    const daysAgo = (base * step + offset) % SEARCH_DATA_DAYS;
    specs.push({
      index,
      daysAgo,
      date: addDays(asOf, -daysAgo),
      termsDays: 30,
      settled: daysAgo > 40 && index % 3 === 0,
      credit: index % 9 === 0,
      cents: 1_000 + ((index * 7_919) % 90_000),
    });
  }
  return specs;
}

/** "123.45" from cents, with the sign of a credit memo. */
export function amountText(cents: number, credit: boolean): string {
  const text = `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
  return credit ? `-${text}` : text;
}

/** Today's calendar day in UTC: the sandbox's default `asOf`. */
export function todayUtc(now: Date = new Date()): DateString {
  return now.toISOString().slice(0, 10);
}
