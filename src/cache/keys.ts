// Cache keys: the provider, the provider ACCOUNT (providers/account.ts: a hash, never a
// secret) and the lookup key. Two accounts of the same provider never share an entry, in
// this process or in a store several deployments share. Bump the version when InvoiceModel
// changes shape, so a shared store never hands a new build an old-shaped invoice.
import type { Provider } from "../__generated__/resolvers-types.js";

const VERSION = "v1";

/**
 * `ref`: the provider-native key an invoice id encodes (InvoiceModel.ref). `number`: the number
 * a number lookup was asked, for providers whose number lookup differs from the ref lookup.
 */
export type LookupKind = "ref" | "number";

export function invoiceCacheKey(provider: Provider, account: string, kind: LookupKind, key: string): string {
  // The lookup key is last and the parts before it hold no ':' (the account is escaped), so
  // two different (account, kind, key) never give the same text.
  return `invoices:${VERSION}:${provider}:${encodeURIComponent(account)}:${kind}:${key}`;
}
