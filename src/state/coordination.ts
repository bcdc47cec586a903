// Who makes an upstream call when several replicas want the same answer at once. Within a
// process the lookup cache shares one promise per key; across replicas a caller first
// claims the key: the one that wins calls the provider, the others wait for its end and
// read the answer it stored. Without Redis every claim is won (there is no one to share with).

/** How a flight that failed ended, as every replica can rebuild the ProviderError from it. */
export interface SharedFailure {
  readonly code: string;
  readonly message: string;
  readonly retryAfterSeconds: number | null;
}

export type FlightEnd =
  /** The leader finished and stored what it got: read the store. */
  | { readonly kind: "done" }
  /** The leader's call failed this way. */
  | { readonly kind: "failed"; readonly failure: SharedFailure }
  /** Nobody holds the key any more without saying how it ended (the leader vanished), or it could not be watched: call yourself. */
  | { readonly kind: "lapsed" }
  /** The waiter's own signal aborted first. */
  | { readonly kind: "aborted" };

export interface Coordination {
  /** True when claims can be lost to another replica (a shared store is configured). */
  readonly shared: boolean;
  /** Claims each key for `leaseMs`; resolves to the keys this caller now leads. */
  claim(keys: readonly string[], leaseMs: number): Promise<ReadonlySet<string>>;
  /** Ends this caller's claim on `key` and tells every waiting replica how it ended (null: done). */
  finish(key: string, failure: SharedFailure | null): Promise<void>;
  /** Waits until another replica's claim on `key` ends. */
  awaitFinish(key: string, signal: AbortSignal): Promise<FlightEnd>;
}

/** One process, nobody to coordinate with: every claim is won. */
export const LOCAL_COORDINATION: Coordination = {
  shared: false,
  claim: async (keys) => new Set(keys),
  finish: async () => {},
  awaitFinish: async () => ({ kind: "lapsed" }),
};
