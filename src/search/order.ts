// The order of a search (contract.md §1): invoice date, newest first; invoices of one day by
// provider in enum order, then by number. The invoice's ref breaks what is left (fabric
// invoice numbers are unique per brand only), so the order is total and a position in it
// (a cursor) names exactly one place.
import type { Provider } from "../__generated__/resolvers-types.js";
import type { DateString, InvoiceModel } from "../domain/models.js";
import { ALL_PROVIDERS } from "../providers/registry.js";

export interface SearchKey {
  readonly date: DateString;
  readonly provider: Provider;
  readonly number: string;
  readonly ref: string;
}

const RANK: ReadonlyMap<Provider, number> = new Map(ALL_PROVIDERS.map((provider, index) => [provider, index]));

/** Plain UTF-16 code-unit order: the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative when `a` comes first in a search. */
export function compareKeys(a: SearchKey, b: SearchKey): number {
  if (a.date !== b.date) return a.date > b.date ? -1 : 1;
  if (a.provider !== b.provider) return (RANK.get(a.provider) ?? 0) - (RANK.get(b.provider) ?? 0);
  return compareText(a.number, b.number) || compareText(a.ref, b.ref);
}

/** The key of an invoice that has an invoice date (the search only ever keeps those). */
export function keyOf(invoice: InvoiceModel & { readonly invoiceDate: DateString }): SearchKey {
  return { date: invoice.invoiceDate, provider: invoice.provider, number: invoice.number, ref: invoice.ref };
}

/**
 * The first place `provider` could still have an invoice on `date`: before every real invoice
 * of that provider and day (numbers and refs are never empty), after every other provider's
 * earlier in enum order.
 */
export function firstPlaceOn(date: DateString, provider: Provider): SearchKey {
  return { date, provider, number: "", ref: "" };
}

/** Newest first, by key. */
export function sortForSearch<T extends InvoiceModel & { readonly invoiceDate: DateString }>(invoices: readonly T[]): T[] {
  return [...invoices].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
}
