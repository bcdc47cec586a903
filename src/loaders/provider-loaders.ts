// Per-request, per-provider DataLoaders. They keep the DataLoader batch contract (same
// length and order as the keys, a per-key Error for a key that failed) and add what the
// providers need: de-duplicated keys, maxBatchSize per provider, and results re-aligned to
// the keys whatever order (or grouping) the provider answered in.
//
// Across requests, lookups by ref and by number read through the provider account's invoice
// cache first and ask the provider only for the keys it missed (still one call per batch);
// every immutable invoice a provider returns is written to it. Purchase-order lookups are
// never answered from the cache (a purchase order can gain invoices), only written from.
import DataLoader from "dataloader";
import type { ProviderInvoiceCache } from "../cache/provider-cache.js";
import type { LookupKind } from "../cache/keys.js";
import type { ResponseCachePolicy } from "../cache/response-policy.js";
import { asProviderError, ProviderError } from "../domain/errors.js";
import type { InvoiceModel } from "../domain/models.js";
import type { CallContext, InvoiceProvider, KeyedResults, PurchaseOrderResult } from "../providers/types.js";

export interface ProviderLoaders {
  readonly byPurchaseOrder: DataLoader<string, PurchaseOrderResult>;
  readonly byNumber: DataLoader<string, InvoiceModel | null>;
  readonly byRef: DataLoader<string, InvoiceModel | null>;
}

const NO_INVOICES: PurchaseOrderResult = Object.freeze({ invoices: [], notices: [] });

/**
 * Calls the provider once for a batch and lays its answer out in key order. A whole-batch
 * failure becomes the same ProviderError for every key rather than a rejection, so the
 * failure is cached for the rest of this request and a failing provider is not called
 * again by a later field of the same query.
 */
async function alignedBatch<T>(
  provider: InvoiceProvider,
  keys: readonly string[],
  fetch: (keys: readonly string[]) => Promise<KeyedResults<T>>,
  missing: T,
): Promise<Array<T | ProviderError>> {
  let results: KeyedResults<T>;
  try {
    results = await fetch(keys);
  } catch (error) {
    const failure = asProviderError(provider.id, error);
    return keys.map(() => failure);
  }
  return keys.map((key) => (results.has(key) ? (results.get(key) as T | ProviderError) : missing));
}

export interface LoaderCaching {
  /** The provider account's cross-request cache; null: nothing is cached. */
  readonly cache: ProviderInvoiceCache | null;
  /** The request's Cache-Control record: what each invoice lookup returned may be reused for. */
  readonly policy: ResponseCachePolicy;
}

/**
 * A by-ref or by-number batch: cached keys are answered from the cache, the others from one
 * provider call. Each answer is noted in the request's Cache-Control record.
 */
async function invoiceBatch(
  provider: InvoiceProvider,
  kind: LookupKind,
  keys: readonly string[],
  find: (keys: readonly string[]) => Promise<KeyedResults<InvoiceModel | null>>,
  caching: LoaderCaching | undefined,
): Promise<Array<InvoiceModel | null | ProviderError>> {
  const cache = caching?.cache ?? null;
  const hits = cache === null ? [] : await cache.read(kind, keys);
  const misses = cache === null ? keys : keys.filter((_, index) => hits[index] === undefined);
  const fetched = misses.length === 0 ? [] : await alignedBatch(provider, misses, find, null);
  const answers = new Map(misses.map((key, index) => [key, fetched[index] ?? null]));
  return keys.map((key, index) => {
    const hit = hits[index];
    if (hit !== undefined) {
      caching?.policy.cacheable(hit.remainingMs / 1000, "private");
      return hit.invoice;
    }
    const answer = answers.get(key) ?? null;
    const stored = answer !== null && !(answer instanceof Error) && cache !== null && cache.remember(answer, { kind, key });
    if (stored) caching?.policy.cacheable(cache.ttlSeconds, "private");
    else caching?.policy.uncacheable();
    return answer;
  });
}

/** A purchase-order batch: always from the provider; the immutable invoices it lists are cached. */
async function purchaseOrderBatch(provider: InvoiceProvider, keys: readonly string[], call: CallContext, cache: ProviderInvoiceCache | null) {
  const results = await alignedBatch(provider, keys, (k) => provider.findByPurchaseOrders(k, call), NO_INVOICES);
  if (cache !== null) for (const result of results) if (!(result instanceof Error)) for (const invoice of result.invoices) cache.remember(invoice);
  return results;
}

export function createProviderLoaders(provider: InvoiceProvider, call: CallContext, caching?: LoaderCaching): ProviderLoaders {
  const options = { maxBatchSize: provider.maxBatchSize };
  return {
    byPurchaseOrder: new DataLoader<string, PurchaseOrderResult>((numbers) => purchaseOrderBatch(provider, numbers, call, caching?.cache ?? null), options),
    byNumber: new DataLoader<string, InvoiceModel | null>((numbers) => invoiceBatch(provider, "number", numbers, (keys) => provider.findByNumbers(keys, call), caching), options),
    byRef: new DataLoader<string, InvoiceModel | null>((refs) => invoiceBatch(provider, "ref", refs, (keys) => provider.findByRefs(keys, call), caching), options),
  };
}
