// The in-process InvoiceCache: a Map kept in least-recently-used order (a hit moves its entry
// to the end; the oldest is evicted first), bounded twice so memory stays bounded whatever
// the upstreams send: at most `maxEntries` invoices and at most `maxWeight` weight units, an
// invoice weighing 1 + its number of lines (lines are most of an invoice's size). Expired
// entries are dropped when read, or when they reach the least-recently-used end. No timers:
// the store never keeps the process alive and costs nothing while idle.
import type { InvoiceModel } from "../domain/models.js";
import { recordCacheEviction } from "../observability/cache-metrics.js";
import type { CachedInvoice, InvoiceCache } from "./invoice-cache.js";

export interface MemoryInvoiceCacheOptions {
  /** Most invoices kept; default 5,000. */
  readonly maxEntries?: number;
  /** Most weight kept (1 per invoice + 1 per line); default 20,000. */
  readonly maxWeight?: number;
  /** Epoch milliseconds; tests inject a clock instead of sleeping. */
  readonly now?: () => number;
}

export const DEFAULT_MAX_ENTRIES = 5_000;
/**
 * A weight unit is about 1.7 KB of heap (measured: fabric's full-invoice fixture, 3 lines,
 * ≈ 7 KB), so the default bound holds at most about 35 MB.
 */
export const DEFAULT_MAX_WEIGHT = 20_000;

interface Entry {
  readonly invoice: InvoiceModel;
  readonly expiresAt: number;
  readonly weight: number;
}

export function invoiceWeight(invoice: InvoiceModel): number {
  return 1 + invoice.lines.length;
}

export class MemoryInvoiceCache implements InvoiceCache {
  readonly maxEntries: number;
  readonly maxWeight: number;
  private readonly now: () => number;
  private readonly entries = new Map<string, Entry>();
  private totalWeight = 0;

  constructor(options: MemoryInvoiceCacheOptions = {}) {
    this.maxEntries = positive("maxEntries", options.maxEntries ?? DEFAULT_MAX_ENTRIES);
    this.maxWeight = positive("maxWeight", options.maxWeight ?? DEFAULT_MAX_WEIGHT);
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get weight(): number {
    return this.totalWeight;
  }

  get(key: string): CachedInvoice | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    const remainingMs = entry.expiresAt - this.now();
    if (remainingMs <= 0) {
      this.remove(key, entry);
      recordCacheEviction("expired");
      return undefined;
    }
    // Most recently used goes last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { invoice: entry.invoice, remainingMs };
  }

  set(key: string, invoice: InvoiceModel, ttlMs: number): void {
    const previous = this.entries.get(key);
    if (previous !== undefined) this.remove(key, previous);
    const weight = invoiceWeight(invoice);
    // An invoice bigger than the whole budget is not kept (it would empty the cache).
    if (ttlMs <= 0 || weight > this.maxWeight) return;
    this.makeRoom(weight);
    this.entries.set(key, { invoice, expiresAt: this.now() + ttlMs, weight });
    this.totalWeight += weight;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry !== undefined) this.remove(key, entry);
  }

  /** Evicts the least recently used entries (O(1) each) until one more entry of `weight` fits. */
  private makeRoom(weight: number): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size < this.maxEntries && this.totalWeight + weight <= this.maxWeight) return;
      this.remove(key, entry);
      recordCacheEviction(entry.expiresAt <= this.now() ? "expired" : "capacity");
    }
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.totalWeight -= entry.weight;
  }
}

function positive(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}
