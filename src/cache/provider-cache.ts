// One provider account's view of the invoice cache, as the per-request loaders use it: reads
// for by-ref and by-number lookups, writes of immutable invoices. A store that fails (a
// shared store being down) never fails a lookup: a read error is a miss, a write error is
// dropped; both are counted and logged.
import type { InvoiceModel } from "../domain/models.js";
import { recordCacheError, recordCacheLookups, recordCacheStores } from "../observability/cache-metrics.js";
import type { Logger } from "../observability/logger.js";
import type { InvoiceProvider } from "../providers/types.js";
import { isImmutableInvoice } from "./immutability.js";
import type { CachedInvoice, InvoiceCaching } from "./invoice-cache.js";
import { invoiceCacheKey, type LookupKind } from "./keys.js";

const WARN_INTERVAL_MS = 60_000;
let lastWarnedAt = Number.NEGATIVE_INFINITY;

export interface ProviderInvoiceCache {
  /** Seconds a freshly fetched immutable invoice stays cached. */
  readonly ttlSeconds: number;
  /** The fresh entries for a lookup's keys, in key order (undefined: a miss). */
  read(kind: LookupKind, keys: readonly string[]): Promise<Array<CachedInvoice | undefined>>;
  /**
   * Stores `invoice` if it is immutable, under its ref and, when given, under the key a lookup
   * asked for (the provider answered that key with it). Returns whether it was stored.
   */
  remember(invoice: InvoiceModel, asked?: { readonly kind: LookupKind; readonly key: string }): boolean;
}

/** The provider's view, or null when nothing of it may be cached (no account, TTL 0, no cache). */
export function providerInvoiceCache(provider: InvoiceProvider, caching: InvoiceCaching | undefined, logger: Logger): ProviderInvoiceCache | null {
  const account = provider.account;
  if (caching === undefined || caching.ttlSeconds <= 0 || account === undefined || account === "") return null;
  const { store, ttlSeconds } = caching;
  const ttlMs = ttlSeconds * 1000;
  // A number lookup shares the ref entries only where it *is* the ref lookup (Ingram Micro, TD
  // SYNNEX, Stuller: the same function). fabric finds numbers by search and picks the oldest
  // of equal numbers, so its number answers get entries of their own.
  const numberKind: LookupKind = provider.findByNumbers === provider.findByRefs ? "ref" : "number";
  const keyOf = (kind: LookupKind, key: string) => invoiceCacheKey(provider.id, account, kind === "number" ? numberKind : kind, key);

  const failed = (operation: "get" | "set") => (error: unknown) => {
    recordCacheError(operation);
    // A store that is down fails every lookup: counted each time, logged once a minute.
    const now = Date.now();
    if (now - lastWarnedAt < WARN_INTERVAL_MS) return;
    lastWarnedAt = now;
    logger.warn({ err: error, provider: provider.id, operation }, "invoice cache store failed; going on without it (logged at most once a minute)");
  };

  async function readOne(key: string): Promise<CachedInvoice | undefined> {
    try {
      const hit = await store.get(key);
      // A shared store could hand back anything: only a fresh invoice of this provider counts.
      return hit !== undefined && hit.remainingMs > 0 && hit.invoice.provider === provider.id ? hit : undefined;
    } catch (error) {
      failed("get")(error);
      return undefined;
    }
  }

  function write(key: string, invoice: InvoiceModel): void {
    try {
      const pending = store.set(key, invoice, ttlMs);
      if (pending instanceof Promise) pending.catch(failed("set"));
    } catch (error) {
      failed("set")(error);
    }
  }

  return {
    ttlSeconds,
    async read(kind, keys) {
      const hits = await Promise.all(keys.map((key) => readOne(keyOf(kind, key))));
      const found = hits.filter((hit) => hit !== undefined).length;
      recordCacheLookups(provider.id, found, keys.length - found);
      return hits;
    },
    remember(invoice, asked) {
      if (invoice.provider !== provider.id || !isImmutableInvoice(invoice)) return false;
      const keys = new Set([keyOf("ref", invoice.ref)]);
      if (asked !== undefined) keys.add(keyOf(asked.kind, asked.key));
      for (const key of keys) write(key, invoice);
      recordCacheStores(provider.id, 1);
      return true;
    },
  };
}
