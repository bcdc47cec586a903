// A vendor search page as a lookup-cache key, and back. The key is the whole query (window,
// the filter parts a vendor may apply, page) in a fixed order, so the same page of the same
// search is one entry, and coalesced while in flight, for every request and replica of the
// same provider account (the cache adds the provider and its account in front).
import { z } from "zod";
import { isDateString } from "../domain/dates.js";
import { asProviderError, ProviderError, providerLabel } from "../domain/errors.js";
import type { CallContext, InvoiceProvider, KeyedResults, SearchPage, SearchQuery } from "../providers/types.js";

const day = z.string().refine(isDateString).nullable();
const Key = z.tuple([day, day, day, day, z.enum(["OPEN", "CLOSED", "UNKNOWN"]).nullable(), z.number().int().positive()]);

export function searchQueryKey(query: SearchQuery): string {
  return JSON.stringify([query.invoiceDateFrom, query.invoiceDateTo, query.dueDateFrom, query.dueDateTo, query.status, query.page]);
}

export function parseSearchQueryKey(key: string): SearchQuery | null {
  let parsed;
  try {
    parsed = Key.safeParse(JSON.parse(key));
  } catch {
    return null;
  }
  if (!parsed.success) return null;
  const [invoiceDateFrom, invoiceDateTo, dueDateFrom, dueDateTo, status, page] = parsed.data;
  return { invoiceDateFrom, invoiceDateTo, dueDateFrom, dueDateTo, status, page };
}

export function notSupported(provider: InvoiceProvider["id"], what = "has no invoice search"): ProviderError {
  return new ProviderError(provider, "NOT_SUPPORTED", `${providerLabel(provider)} ${what}`);
}

/** The lookup cache's fetch for search keys: one upstream call per key, each answered on its own. */
export async function searchPages(provider: InvoiceProvider, keys: readonly string[], call: CallContext): Promise<KeyedResults<SearchPage>> {
  const results = new Map<string, SearchPage | ProviderError>();
  const search = provider.search;
  await Promise.all(
    keys.map(async (key) => {
      const query = parseSearchQueryKey(key);
      if (search === undefined) return void results.set(key, notSupported(provider.id));
      if (query === null) return void results.set(key, asProviderError(provider.id, new Error(`not a search query key: ${key}`)));
      try {
        results.set(key, await search.page(query, call));
      } catch (error) {
        results.set(key, asProviderError(provider.id, error));
      }
    }),
  );
  return results;
}
