// Keys of the lookup cache: the provider, the provider ACCOUNT (providers/account.ts: a hash,
// never a secret), the kind of lookup and its key. Two accounts of the same provider never
// share an entry, in this process or in a store several deployments share. Bump the version
// when a stored answer changes shape, so a shared store never hands a new build an old-shaped
// answer (and replicas of two builds do not read each other's entries during a rollout).
import type { Provider } from "../__generated__/resolvers-types.js";

const VERSION = "v3";

/**
 * `po`: a purchase order's invoices. `ref`: the provider-native key an invoice id encodes
 * (InvoiceModel.ref). `number`: the number a number lookup was asked, for providers whose
 * number lookup differs from the ref lookup. `search`: one vendor page of an invoice search,
 * keyed by its window, filter and page (search/query-key.ts).
 */
export type LookupNamespace = "po" | "ref" | "number" | "search";

export function lookupCacheKey(provider: Provider, account: string, namespace: LookupNamespace, key: string): string {
  // The lookup key is last and the parts before it hold no ':' (the account is escaped), so
  // two different (account, namespace, key) never give the same text.
  return `lookup:${VERSION}:${provider}:${encodeURIComponent(account)}:${namespace}:${key}`;
}
