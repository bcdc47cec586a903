// How one provider is read during a search: a window of invoice dates, read one vendor page at
// a time, and what that page proves. Pure.
//
// The search is newest first, and a provider's invoices may only be given once it is certain
// that nothing of that provider still unread comes before them. What one vendor page proves:
// - the vendor said it has no more pages: every match in the window is in hand;
// - the vendor sorted newest first (Ingram Micro's `orderby`, checked on the rows): every match
//   dated after the last row's day is in hand; that last day may go on in the next page, so it
//   is read again, as the top of the next window (when the whole page is that one day, the
//   next window is that day alone);
// - neither (fabric lists in an order it does not document): nothing. The window is narrowed,
//   from the count the vendor stated, to one a single page will hold, and read on the next page.
// A day holding more invoices than a vendor page (or a window that cannot be narrowed further)
// is read whole, every page of it: the only case where a provider costs more than one call.
import type { Provider } from "../__generated__/resolvers-types.js";
import { addDays } from "../domain/dates.js";
import { ProviderError, providerLabel } from "../domain/errors.js";
import type { DateString, InvoiceModel } from "../domain/models.js";
import type { SearchPage, SearchQuery } from "../providers/types.js";
import { daysSpanned, matchesFilter, type SearchFilter } from "./filter.js";
import { compareKeys, firstPlaceOn, keyOf, sortForSearch, type SearchKey } from "./order.js";

/** A provider's place in a search: what a cursor keeps for it. */
export interface Position {
  /** The invoice-date window being read, both ends inclusive; null: unbounded on that side. */
  readonly lo: DateString | null;
  readonly hi: DateString | null;
  /** The last invoice of this provider given so far (it only ever moves forward); null: none yet. */
  readonly after: Omit<SearchKey, "provider"> | null;
  /** Nothing of this provider is left to read. */
  readonly done: boolean;
}

export const DONE: Position = Object.freeze({ lo: null, hi: null, after: null, done: true });

export type DatedInvoice = InvoiceModel & { readonly invoiceDate: DateString };

/** What one read of a window gives the page. */
export interface WindowRead {
  /** Matching invoices after the position, certain to be all of them down to `horizon`, in search order. */
  readonly candidates: readonly DatedInvoice[];
  /** The first place this provider may still have an unread invoice; null: none left. */
  readonly horizon: SearchKey | null;
  /** Where the provider goes on once every candidate is given. */
  readonly then: Position;
}

export type WindowOutcome =
  | { readonly kind: "read"; readonly read: WindowRead }
  /** One page settles nothing: every page of the window [lo, hi] must be read. */
  | { readonly kind: "read-whole"; readonly lo: DateString | null; readonly hi: DateString | null };

/** Where every search starts, for every provider. */
export function startPosition(filter: SearchFilter): Position {
  return { lo: filter.invoiceDateFrom, hi: filter.invoiceDateTo, after: null, done: false };
}

/** The query of a window's vendor page. */
export function windowQuery(filter: SearchFilter, lo: DateString | null, hi: DateString | null, page: number): SearchQuery {
  return { invoiceDateFrom: lo, invoiceDateTo: hi, dueDateFrom: filter.dueDateFrom, dueDateTo: filter.dueDateTo, status: filter.status, page };
}

const LATEST_DAY = "9999-12-31";
/** Share of a vendor page a narrowed window aims at, leaving room for an uneven spread. */
const NARROW_TARGET = 0.6;

export interface ReadContext {
  readonly provider: Provider;
  readonly filter: SearchFilter;
  readonly position: Position;
  /** Rows of one vendor page. */
  readonly pageSize: number;
}

/** What the first vendor page of the position's window proves. */
export function interpretPage(context: ReadContext, page: SearchPage): WindowOutcome {
  const { position, provider } = context;
  const rows = dated(provider, page.invoices);
  const inWindow = rows.filter((invoice) => inside(invoice.invoiceDate, position.lo, position.hi));
  if (!page.hasMore) return { kind: "read", read: settle(context, inWindow, position.lo, page.newestFirst) };
  if (inWindow.length < rows.length) {
    // A window the vendor ignores cannot be paged through: its pages would never reach the end.
    throw new ProviderError(provider, "BAD_RESPONSE", `${providerLabel(provider)} listed invoices outside the invoice dates it was asked for, on a search with further pages`);
  }
  if (page.newestFirst && isNewestFirst(rows)) {
    const first = rows[0];
    const last = rows.at(-1);
    if (first === undefined || last === undefined) throw new ProviderError(provider, "BAD_RESPONSE", `${providerLabel(provider)} said more search pages follow an empty one`);
    if (first.invoiceDate === last.invoiceDate) {
      // A day with more invoices than a page: read whole.
      if (position.lo === position.hi) return { kind: "read-whole", lo: position.lo, hi: position.hi };
      // One day fills the page, and nothing later than it exists: the next window is that day.
      const day = last.invoiceDate;
      return { kind: "read", read: { candidates: [], horizon: firstPlaceOn(day, provider), then: { ...position, lo: day, hi: day } } };
    }
    return { kind: "read", read: settle(context, rows, addDays(last.invoiceDate, 1), true) };
  }
  const narrowed = narrow(context, rows, page.total);
  if (narrowed === null) return { kind: "read-whole", lo: position.lo, hi: position.hi };
  return { kind: "read", read: { candidates: [], horizon: firstPlaceOn(position.hi ?? LATEST_DAY, provider), then: { ...position, lo: narrowed } } };
}

/**
 * Every page of the window [lo, hi] was read: every match from `lo` up to the position's top
 * is in hand (when `hi` is below that top, the first page proved nothing lies in between).
 */
export function interpretWhole(context: ReadContext, lo: DateString | null, pages: readonly SearchPage[]): WindowRead {
  const rows = dated(context.provider, pages.flatMap((page) => page.invoices));
  return settle(context, rows.filter((invoice) => inside(invoice.invoiceDate, lo ?? context.position.lo, context.position.hi)), lo, pages[0]?.newestFirst === true);
}

/**
 * The read of a window whose matches from `from` (null: the window's own bottom) up are all in
 * `rows`; `sorted`: the vendor sorts newest first.
 */
function settle(context: ReadContext, rows: readonly DatedInvoice[], from: DateString | null, sorted: boolean): WindowRead {
  const { provider, filter, position } = context;
  const after = position.after === null ? null : { ...position.after, provider };
  const seen = new Set<string>();
  const candidates = sortForSearch(
    rows.filter((invoice) => {
      if (seen.has(invoice.ref)) return false;
      seen.add(invoice.ref);
      return (from === null || invoice.invoiceDate >= from) && matchesFilter(invoice, filter) && (after === null || compareKeys(keyOf(invoice), after) > 0);
    }),
  );
  const bottom = from ?? position.lo;
  if (bottom === null || (filter.invoiceDateFrom !== null && bottom <= filter.invoiceDateFrom)) return { candidates, horizon: null, then: DONE };
  const top = addDays(bottom, -1);
  return { candidates, horizon: firstPlaceOn(top, provider), then: { lo: nextBottom(context, rows, bottom, top, sorted), hi: top, after: position.after, done: false } };
}

/**
 * The bottom of the window below one just read. A vendor that sorts (or one never narrowed)
 * reads down to the filter's own bound, and so does any vendor when the filter has none (only
 * such a window can show that nothing is left); for one that does not sort, the window keeps
 * the size that held a page, grown when the last one was sparse.
 */
function nextBottom(context: ReadContext, rows: readonly DatedInvoice[], bottom: DateString, top: DateString, sorted: boolean): DateString | null {
  const { filter, position, pageSize } = context;
  if (sorted || position.lo === filter.invoiceDateFrom || filter.invoiceDateFrom === null) return filter.invoiceDateFrom;
  const span = daysSpanned(bottom, position.hi ?? latest(rows, bottom));
  const grown = Math.max(1, Math.min(span * 4, Math.floor((span * NARROW_TARGET * pageSize) / Math.max(1, rows.length))));
  const lo = addDays(top, 1 - grown);
  return filter.invoiceDateFrom !== null && lo < filter.invoiceDateFrom ? filter.invoiceDateFrom : lo;
}

/**
 * The bottom of a narrower window at the same top, sized from the vendor's count to fit one
 * page; null when it cannot get narrower (one day, or no smaller window to try).
 */
function narrow(context: ReadContext, rows: readonly DatedInvoice[], total: number | null): DateString | null {
  const { position, pageSize } = context;
  if (rows.length === 0) throw new ProviderError(context.provider, "BAD_RESPONSE", `${providerLabel(context.provider)} said more search pages follow an empty one`);
  const top = position.hi ?? latest(rows);
  const bottom = position.lo ?? earliest(rows);
  const span = daysSpanned(bottom, top);
  // Without a count, a page that overflowed holds at most half of the window.
  const count = total ?? rows.length * 2;
  const days = Math.max(1, Math.min(span - 1, Math.floor((span * NARROW_TARGET * pageSize) / count)));
  const lo = addDays(top, 1 - days);
  if (span <= 1 || (position.lo !== null && lo <= position.lo)) return null;
  return lo;
}

function dated(provider: Provider, invoices: readonly InvoiceModel[]): DatedInvoice[] {
  return invoices.map((invoice) => {
    if (invoice.invoiceDate === null) {
      throw new ProviderError(provider, "BAD_RESPONSE", `${providerLabel(provider)} listed invoice ${invoice.number} without an invoice date, which a search orders by`);
    }
    return invoice as DatedInvoice;
  });
}

function inside(day: DateString, lo: DateString | null, hi: DateString | null): boolean {
  return (lo === null || day >= lo) && (hi === null || day <= hi);
}

function isNewestFirst(rows: readonly DatedInvoice[]): boolean {
  return rows.every((invoice, i) => i === 0 || invoice.invoiceDate <= (rows[i - 1]?.invoiceDate ?? invoice.invoiceDate));
}

function earliest(rows: readonly DatedInvoice[], fallback: DateString = LATEST_DAY): DateString {
  return rows.reduce((min, invoice) => (invoice.invoiceDate < min ? invoice.invoiceDate : min), rows[0]?.invoiceDate ?? fallback);
}

function latest(rows: readonly DatedInvoice[], fallback: DateString = LATEST_DAY): DateString {
  return rows.reduce((max, invoice) => (invoice.invoiceDate > max ? invoice.invoiceDate : max), rows[0]?.invoiceDate ?? fallback);
}
