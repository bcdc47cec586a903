// Per-request, per-provider DataLoaders. They keep the DataLoader batch contract (same
// length and order as the keys, a per-key Error for a key that failed) and add what the
// providers need: de-duplicated keys, maxBatchSize per provider, and results re-aligned to
// the keys whatever order (or grouping) the provider answered in.
import DataLoader from "dataloader";
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

export function createProviderLoaders(provider: InvoiceProvider, call: CallContext): ProviderLoaders {
  const options = { maxBatchSize: provider.maxBatchSize };
  return {
    byPurchaseOrder: new DataLoader<string, PurchaseOrderResult>((numbers) => alignedBatch(provider, numbers, (keys) => provider.findByPurchaseOrders(keys, call), NO_INVOICES), options),
    byNumber: new DataLoader<string, InvoiceModel | null>((numbers) => alignedBatch(provider, numbers, (keys) => provider.findByNumbers(keys, call), null), options),
    byRef: new DataLoader<string, InvoiceModel | null>((refs) => alignedBatch(provider, refs, (keys) => provider.findByRefs(keys, call), null), options),
  };
}
