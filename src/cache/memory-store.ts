// The in-process EntryStore: a Map kept in least-recently-used order (a hit moves its entry
// to the end; the oldest is evicted first), bounded twice so memory stays bounded whatever
// the upstreams send: at most `maxEntries` entries and at most `maxWeight` weight units (an
// answer weighs 1 + the invoices and lines it holds: lines are most of its size). Expired
// entries are dropped when read, or when they reach the least-recently-used end. No timers:
// the store never keeps the process alive and costs nothing while idle. Values are kept by
// reference (they are never mutated once stored).
import { recordCacheEviction } from "../observability/cache-metrics.js";
import type { EntryStore, StoreWrite } from "../state/entry-store.js";

export interface MemoryStoreOptions {
  /** Most entries kept; default 5,000. */
  readonly maxEntries?: number;
  /** Most weight kept; default 20,000. */
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
  readonly value: unknown;
  readonly expiresAt: number;
  readonly weight: number;
}

export class MemoryEntryStore implements EntryStore {
  readonly maxEntries: number;
  readonly maxWeight: number;
  private readonly now: () => number;
  private readonly entries = new Map<string, Entry>();
  private totalWeight = 0;

  constructor(options: MemoryStoreOptions = {}) {
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

  /** The live value under `key`, or undefined. */
  read(key: string): unknown {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.remove(key, entry);
      recordCacheEviction("expired");
      return undefined;
    }
    // Most recently used goes last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  write({ key, value, ttlMs, weight = 1 }: StoreWrite): void {
    const previous = this.entries.get(key);
    if (previous !== undefined) this.remove(key, previous);
    // An entry bigger than the whole budget is not kept (it would empty the store).
    if (ttlMs <= 0 || weight > this.maxWeight) return;
    this.makeRoom(weight);
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs, weight });
    this.totalWeight += weight;
  }

  async get(keys: readonly string[]): Promise<Array<unknown>> {
    return keys.map((key) => this.read(key));
  }

  async set(writes: readonly StoreWrite[]): Promise<void> {
    for (const write of writes) this.write(write);
  }

  async delete(key: string, onlyIf?: unknown): Promise<void> {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    if (onlyIf !== undefined && JSON.stringify(entry.value) !== JSON.stringify(onlyIf)) return;
    this.remove(key, entry);
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
