// Per-request, per-provider DataLoaders. They keep the DataLoader batch contract (same
// length and order as the keys, a per-key Error for a key that failed) and add what the
// providers need: de-duplicated keys, maxBatchSize per provider, and answers read through
// the provider account's lookup cache (cache/lookup-cache.ts), which reuses fresh answers,
// shares calls already under way, and stands a last answer in for a failure.
//
// Each answer is noted in the request's Cache-Control record: a fresh answer for the time it
// has left, anything stale or failed not at all. A stale purchase-order answer carries a
// STALE notice (invoiceLookup shows it; PurchaseOrder.invoices shows retrievedAt).
import DataLoader from "dataloader";
import type { LookupAnswer, LookupKind, LookupValue, ProviderLookups } from "../cache/lookup-cache.js";
import type { ResponseCachePolicy } from "../cache/response-policy.js";
import { providerLabel, type ProviderError } from "../domain/errors.js";
import type { InvoiceModel, LookupNoticeModel } from "../domain/models.js";
import { traceLookup } from "../observability/upstream-tracing.js";
import type { CallContext, InvoiceProvider, PurchaseOrderResult, SearchPage } from "../providers/types.js";

export interface ProviderLoaders {
  readonly byPurchaseOrder: DataLoader<string, PurchaseOrderResult>;
  readonly byNumber: DataLoader<string, InvoiceModel | null>;
  readonly byRef: DataLoader<string, InvoiceModel | null>;
  /** Vendor pages of invoice searches, by search/query-key.ts key (issue 15). */
  readonly searchPage: DataLoader<string, SearchPage>;
}

/** Turns cache answers into the loader's values (or per-key errors), noting each in the Cache-Control record. */
function settle<K extends LookupKind>(
  provider: InvoiceProvider,
  kind: K,
  keys: readonly string[],
  answers: ReadonlyArray<LookupAnswer<LookupValue<K>>>,
  policy: ResponseCachePolicy,
): Array<LookupValue<K> | ProviderError> {
  return answers.map((answer, index) => {
    switch (answer.kind) {
      case "fresh":
      case "fetched":
        if (answer.maxAgeSeconds > 0) policy.cacheable(answer.maxAgeSeconds, "private");
        else policy.uncacheable();
        return answer.value;
      case "revalidating":
        policy.uncacheable();
        return answer.value;
      case "stale":
        policy.uncacheable();
        if (kind === "search") return { ...(answer.value as SearchPage), stale: { retrievedAt: answer.retrievedAt, code: answer.failure.code, message: answer.failure.message } } as LookupValue<K>;
        return kind === "po" ? (withStaleNotice(provider, keys[index] ?? "", answer.value as PurchaseOrderResult, answer.retrievedAt, answer.failure) as LookupValue<K>) : answer.value;
      case "failed":
        policy.uncacheable();
        return answer.error;
    }
  });
}

function withStaleNotice(provider: InvoiceProvider, purchaseOrderNumber: string, result: PurchaseOrderResult, retrievedAt: number, failure: ProviderError): PurchaseOrderResult {
  const notice: LookupNoticeModel = {
    provider: provider.id,
    purchaseOrderNumber,
    code: "STALE",
    message: `${providerLabel(provider.id)} could not answer now (${failure.code}: ${failure.message}); these are its invoices as of ${new Date(retrievedAt).toISOString()}`,
  };
  return { invoices: result.invoices, notices: [...result.notices, notice] };
}

export function createProviderLoaders(provider: InvoiceProvider, call: CallContext, lookups: ProviderLookups, policy: ResponseCachePolicy): ProviderLoaders {
  const options = { maxBatchSize: provider.maxBatchSize };
  const loader = <K extends LookupKind>(kind: K) =>
    new DataLoader<string, LookupValue<K>>(async (keys) => settle(provider, kind, keys, await traceLookup(lookups, kind, keys, call, provider.id), policy), options);
  return { byPurchaseOrder: loader("po"), byNumber: loader("number"), byRef: loader("ref"), searchPage: loader("search") };
}
