// The seam of the cross-request invoice cache. The in-process store (memory-cache.ts) is one
// implementation; a shared store (Redis: GET / SET PX / PTTL) can implement the same three
// calls later. Keys (keys.ts) already carry the provider account, so a store shared by
// several deployments never mixes accounts. Values are plain JSON data (an InvoiceModel has
// only strings, numbers, booleans, nulls, arrays and objects), so they survive serialization.
import type { InvoiceModel } from "../domain/models.js";

/** A value or a promise of it: the in-process store answers synchronously, a remote one cannot. */
export type MaybePromise<T> = T | Promise<T>;

export interface CachedInvoice {
  readonly invoice: InvoiceModel;
  /** Milliseconds this entry stays fresh (remaining time to live, > 0). */
  readonly remainingMs: number;
}

export interface InvoiceCache {
  /** The fresh entry under `key`, or undefined (never stored, expired or evicted). */
  get(key: string): MaybePromise<CachedInvoice | undefined>;
  /** Stores `invoice` under `key` for `ttlMs` milliseconds (replacing any entry). */
  set(key: string, invoice: InvoiceModel, ttlMs: number): MaybePromise<void>;
  /** Forgets `key` (invalidation). */
  delete(key: string): MaybePromise<void>;
}

/** What the subgraph is given once per process: the store and how long an entry may be reused. */
export interface InvoiceCaching {
  readonly store: InvoiceCache;
  /** Time to live of an immutable invoice, here and in the Cache-Control hints; 0 turns both off. */
  readonly ttlSeconds: number;
}
