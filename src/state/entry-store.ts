// Where answers shared across requests (and, with Redis, across replicas) are kept: plain
// JSON-shaped values under string keys, each with a time to live. Two implementations: the
// in-process LRU (cache/memory-store.ts) and Redis (state/redis-store.ts). A store never
// fails its caller: an entry it cannot read is a miss, a write it cannot make is dropped
// (Redis counts and logs those itself), so a store outage only costs upstream calls.

export interface StoreWrite {
  readonly key: string;
  /** JSON-shaped data only (strings, numbers, booleans, null, arrays, plain objects). */
  readonly value: unknown;
  /** Time to live; 0 or less stores nothing. */
  readonly ttlMs: number;
  /** Size units for a bounded in-process store (1 when absent). */
  readonly weight?: number;
}

export interface EntryStore {
  /** The values under `keys`, in order; undefined where there is none (or it could not be read). */
  get(keys: readonly string[]): Promise<Array<unknown>>;
  set(writes: readonly StoreWrite[]): Promise<void>;
  /** Forgets `key`; with `onlyIf`, only while the stored value still equals it (as JSON). */
  delete(key: string, onlyIf?: unknown): Promise<void>;
}
