// The lookup cache: one provider account's answers (a purchase order's invoices, an invoice
// by number or by id) reused across requests and, with Redis, across replicas, so each
// supplier's small call budget is spent once per answer and freshness window.
//
// Per key, a lookup is answered:
// - fresh: from the store while younger than its window (LOOKUP_CACHE_TTL_SECONDS; an invoice
//   that can no longer change keeps INVOICE_CACHE_TTL_SECONDS);
// - revalidating: past the window but younger than twice it, served at once while one
//   refresh runs in the background (stale-while-revalidate);
// - fetched: from the provider, in one call per batch of the keys nobody else is already
//   fetching; concurrent requests for the same key share that call (in this process through
//   one promise, across replicas through a claim, coordination.ts);
// - stale: the provider failed and the last answer it gave, at most STALE_IF_ERROR_SECONDS
//   old, is served instead (the caller marks it STALE);
// - failed: the provider failed and nothing usable is stored.
// "No invoices for this PO" and "no such invoice" are answers too and are cached the same way.
// A store that fails is a miss; a failing provider never overwrites or removes an entry.
import type { Provider, ProviderFailureCode } from "../__generated__/resolvers-types.js";
import { asProviderError, ProviderError } from "../domain/errors.js";
import { abortedCallError } from "../http/failures.js";
import type { InvoiceModel } from "../domain/models.js";
import { recordCacheLookups, recordCacheStores, recordCoalesced } from "../observability/cache-metrics.js";
import { noteCoalesced, traceRefresh } from "../observability/upstream-tracing.js";
import type { CallContext, InvoiceProvider, KeyedResults, PurchaseOrderResult, SearchPage } from "../providers/types.js";
import { searchPages } from "../search/query-key.js";
import type { Coordination, FlightEnd, SharedFailure } from "../state/coordination.js";
import type { EntryStore, StoreWrite } from "../state/entry-store.js";
import { isImmutableInvoice } from "./immutability.js";
import { lookupCacheKey } from "./keys.js";

// "search": one vendor page of an invoice search (issue 15), under the same freshness,
// stale-if-error and coalescing rules; its invoices are never filed under their refs (a
// search row may lack what a lookup by id gives).
export type LookupKind = "po" | "ref" | "number" | "search";
export type LookupValue<K extends LookupKind> = K extends "po" ? PurchaseOrderResult : K extends "search" ? SearchPage : InvoiceModel | null;

export interface LookupSettings {
  /** Freshness window of every answer; 0: answers are not reused (only shared while in flight). */
  readonly lookupTtlSeconds: number;
  /** Freshness window of an invoice that can no longer change (when longer). */
  readonly invoiceTtlSeconds: number;
  /** How old a last answer may be to stand in for a failure; 0: never. */
  readonly staleIfErrorSeconds: number;
}

/** What is stored per key. */
export interface CachedAnswer<T> {
  readonly value: T;
  /** Epoch ms the provider's answer arrived. */
  readonly retrievedAt: number;
  /** Epoch ms the answer stops being fresh. */
  readonly freshUntil: number;
}

export type LookupAnswer<T> =
  | { readonly kind: "fresh" | "fetched"; readonly value: T; readonly maxAgeSeconds: number }
  | { readonly kind: "revalidating"; readonly value: T }
  | { readonly kind: "stale"; readonly value: T; readonly retrievedAt: number; readonly failure: ProviderError }
  | { readonly kind: "failed"; readonly error: ProviderError };

export interface ProviderLookups {
  load<K extends LookupKind>(kind: K, keys: readonly string[], call: CallContext): Promise<Array<LookupAnswer<LookupValue<K>>>>;
  /**
   * Forgets what is stored about these invoices (by id), and the number and purchase-order
   * answers that hold them: this subgraph just changed them at the provider (acknowledged).
   */
  forget(refs: readonly string[]): Promise<void>;
}

export interface LookupCacheDeps {
  readonly store: EntryStore;
  readonly coordination: Coordination;
  readonly settings: LookupSettings;
  /** A call context for background refreshes: its own deadline, cut at shutdown. */
  readonly backgroundCall: () => CallContext;
  readonly now?: () => number;
}

type Outcome<T> = CachedAnswer<T> | ProviderError;

const NO_INVOICES: PurchaseOrderResult = Object.freeze({ invoices: [], notices: [] });
/** The longest a claim outlives its holder when the holder dies mid-call. */
const MAX_LEASE_MS = 30_000;

export function createProviderLookups(provider: InvoiceProvider, deps: LookupCacheDeps): ProviderLookups {
  const { store, coordination, settings } = deps;
  const now = deps.now ?? Date.now;
  const account = provider.account ?? "";
  // Without an account nothing may be shared: answers are only stamped and passed through.
  const shares = account !== "";
  const lookupMs = settings.lookupTtlSeconds * 1000;
  const invoiceMs = Math.max(lookupMs, settings.invoiceTtlSeconds * 1000);
  const staleMs = settings.staleIfErrorSeconds * 1000;
  const inFlight = new Map<string, Promise<Outcome<unknown>>>();

  const namespace = (kind: LookupKind): LookupKind => (kind === "number" && provider.numbersAreRefs === true ? "ref" : kind);
  const keyOf = (kind: LookupKind, key: string) => lookupCacheKey(provider.id, account, namespace(kind), key);

  function fetchFromProvider(kind: LookupKind, keys: readonly string[], call: CallContext): Promise<KeyedResults<unknown>> {
    if (kind === "po") return provider.findByPurchaseOrders(keys, call);
    if (kind === "search") return searchPages(provider, keys, call);
    return kind === "ref" ? provider.findByRefs(keys, call) : provider.findByNumbers(keys, call);
  }

  /** Freshness window of one answer. */
  function windowOf(kind: LookupKind, value: unknown): number {
    if (kind !== "po" && kind !== "search" && value !== null && isImmutableInvoice(value as InvoiceModel)) return invoiceMs;
    return lookupMs;
  }

  /** Store writes for one fresh answer: the key itself and, for found invoices, their refs. */
  function writesFor(kind: LookupKind, key: string, answer: CachedAnswer<unknown>): StoreWrite[] {
    const keepMs = (fresh: number) => Math.max(2 * fresh, staleMs);
    const fresh = answer.freshUntil - answer.retrievedAt;
    const writes: StoreWrite[] = [{ key: keyOf(kind, key), value: answer, ttlMs: keepMs(fresh), weight: weightOf(answer.value) }];
    const invoices = kind === "po" ? (answer.value as PurchaseOrderResult).invoices : kind === "search" || answer.value === null ? [] : [answer.value as InvoiceModel];
    for (const invoice of invoices) {
      const refKey = keyOf("ref", invoice.ref);
      if (refKey === writes[0]?.key || invoice.provider !== provider.id) continue;
      const window = windowOf("ref", invoice);
      const entry: CachedAnswer<InvoiceModel> = { value: invoice, retrievedAt: answer.retrievedAt, freshUntil: answer.retrievedAt + window };
      writes.push({ key: refKey, value: entry, ttlMs: keepMs(window), weight: weightOf(invoice) });
    }
    return writes;
  }

  /** Calls the provider once for `keys` and turns its answer into stored answers. */
  async function fetchBatch(kind: LookupKind, keys: readonly string[], call: CallContext): Promise<Map<string, Outcome<unknown>>> {
    const outcomes = new Map<string, Outcome<unknown>>();
    let results: KeyedResults<unknown>;
    try {
      results = await fetchFromProvider(kind, keys, call);
    } catch (error) {
      // The provider may reject a whole batch: every key gets that error.
      const failure = asProviderError(provider.id, error);
      for (const key of keys) outcomes.set(key, failure);
      return outcomes;
    }
    const at = now();
    const stamp = new Date(at).toISOString();
    const writes: StoreWrite[] = [];
    for (const key of keys) {
      const raw = results.has(key) ? results.get(key) : kind === "po" ? NO_INVOICES : kind === "search" ? failureFor(provider.id) : null;
      if (raw instanceof Error) {
        outcomes.set(key, asProviderError(provider.id, raw));
        continue;
      }
      const value = stamped(kind, raw, stamp);
      const answer: CachedAnswer<unknown> = { value, retrievedAt: at, freshUntil: at + windowOf(kind, value) };
      outcomes.set(key, answer);
      if (shares) writes.push(...writesFor(kind, key, answer));
    }
    if (writes.length > 0) {
      // A store that cannot keep the answer costs only the next lookup's call.
      await store.set(writes).then(
        () => recordCacheStores(provider.id, writes.length),
        () => {},
      );
    }
    return outcomes;
  }

  /** The stored answer of `key`, if it is one of this provider's. */
  async function readStored(kind: LookupKind, keys: readonly string[]): Promise<Array<CachedAnswer<unknown> | undefined>> {
    if (!shares) return keys.map(() => undefined);
    // A store that cannot be read is a miss for every key.
    const values = await store.get(keys.map((key) => keyOf(kind, key))).catch(() => [] as unknown[]);
    return keys.map((_, i) => asCachedAnswer(values[i], kind, provider.id));
  }

  /**
   * The outcome of each key: joined to a flight already under way in this process, else
   * claimed across replicas and fetched in one provider call, else awaited from the replica
   * that holds the claim. A background refresh (`join: false`) leaves alone the keys this
   * process is already fetching.
   */
  async function fetchShared(kind: LookupKind, keys: readonly string[], call: CallContext, previous: ReadonlyMap<string, number>, join: boolean) {
    const pending = new Map<string, Promise<Outcome<unknown>>>();
    const lead = new Map<string, { readonly promise: Promise<Outcome<unknown>>; readonly settle: (outcome: Outcome<unknown>) => void }>();
    for (const key of keys) {
      const flightKey = keyOf(kind, key);
      const existing = inFlight.get(flightKey);
      if (existing !== undefined) {
        recordCoalesced(provider.id, "process");
        noteCoalesced();
        if (join) pending.set(key, existing);
        continue;
      }
      let settle: (outcome: Outcome<unknown>) => void = () => {};
      const promise = new Promise<Outcome<unknown>>((resolve) => (settle = resolve));
      inFlight.set(flightKey, promise);
      lead.set(key, { promise, settle });
      pending.set(key, promise);
    }
    if (lead.size > 0) void runFlights(kind, lead, call, previous);
    const outcomes = new Map<string, Outcome<unknown>>();
    await Promise.all([...pending].map(async ([key, promise]) => outcomes.set(key, await within(promise, call, provider.id, now))));
    return outcomes;
  }

  /** Runs the flights this caller leads in this process; every flight is settled exactly once. */
  async function runFlights(
    kind: LookupKind,
    lead: ReadonlyMap<string, { readonly promise: Promise<Outcome<unknown>>; readonly settle: (outcome: Outcome<unknown>) => void }>,
    call: CallContext,
    previous: ReadonlyMap<string, number>,
  ): Promise<void> {
    const finish = (key: string, outcome: Outcome<unknown>) => {
      const flight = lead.get(key);
      if (flight === undefined) return;
      // Only this flight's own entry: a later flight for the same key may have started since.
      if (inFlight.get(keyOf(kind, key)) === flight.promise) inFlight.delete(keyOf(kind, key));
      flight.settle(outcome);
    };
    const keys = [...lead.keys()];
    try {
      let won: ReadonlySet<string> = new Set(keys);
      const landed = new Map<string, CachedAnswer<unknown>>();
      if (coordination.shared) {
        const leaseMs = Math.min(MAX_LEASE_MS, Math.max(1, call.deadline - now()));
        const claimed = await coordination.claim(keys.map((key) => keyOf(kind, key)), leaseMs);
        won = new Set(keys.filter((key) => claimed.has(keyOf(kind, key))));
        // Another replica's call for a key may have ended between this lookup's store read and
        // its claim (a busy replica reads, then claims late): the claim is free again, and what
        // that call stored is the answer. Read once more before calling.
        const claimedKeys = keys.filter((key) => won.has(key));
        const stored = claimedKeys.length === 0 ? [] : await readStored(kind, claimedKeys);
        claimedKeys.forEach((key, i) => {
          const entry = stored[i];
          if (entry !== undefined && entry.retrievedAt > (previous.get(key) ?? Number.NEGATIVE_INFINITY)) landed.set(key, entry);
        });
      }
      const mine = keys.filter((key) => won.has(key) && !landed.has(key));
      const theirs = keys.filter((key) => !won.has(key));
      await Promise.all([
        ...[...landed].map(async ([key, entry]) => {
          recordCoalesced(provider.id, "replicas");
          await coordination.finish(keyOf(kind, key), null);
          finish(key, entry);
        }),
        mine.length === 0
          ? null
          : fetchBatch(kind, mine, call).then(async (outcomes) => {
              for (const key of mine) {
                const outcome = outcomes.get(key) ?? failureFor(provider.id);
                if (coordination.shared) await coordination.finish(keyOf(kind, key), outcome instanceof ProviderError ? sharedFailure(outcome) : null);
                finish(key, outcome);
              }
            }),
        ...theirs.map(async (key) => {
          recordCoalesced(provider.id, "replicas");
          noteCoalesced();
          finish(key, await awaitReplica(kind, key, call, previous.get(key)));
        }),
      ]);
    } catch (error) {
      // Settling twice is harmless: the first outcome stands.
      for (const key of keys) finish(key, asProviderError(provider.id, error));
    }
  }

  /** The answer another replica is fetching: read once it ends; called for when it lapses. */
  async function awaitReplica(kind: LookupKind, key: string, call: CallContext, previousAt: number | undefined): Promise<Outcome<unknown>> {
    const end: FlightEnd = await coordination.awaitFinish(keyOf(kind, key), call.signal);
    if (end.kind === "aborted") return abortedError(provider.id, call, now());
    if (end.kind === "failed") return fromSharedFailure(provider.id, end.failure);
    if (end.kind === "done") {
      const [stored] = await readStored(kind, [key]);
      // Only an answer newer than the one this lookup already had counts as the flight's.
      if (stored !== undefined && stored.retrievedAt > (previousAt ?? Number.NEGATIVE_INFINITY)) return stored;
    }
    // The holder vanished or stored nothing: ask the provider directly.
    const outcomes = await fetchBatch(kind, [key], call);
    return outcomes.get(key) ?? failureFor(provider.id);
  }

  function refreshInBackground(kind: LookupKind, keys: readonly string[], previous: ReadonlyMap<string, number>): void {
    const call = deps.backgroundCall();
    // Failures are already logged by the transport; the stored answer stays as it was. Traced
    // on its own, linked to the lookup that triggered it.
    traceRefresh(provider.id, kind, keys.length, () => fetchShared(kind, keys, call, previous, false)).catch(() => {});
    // The refresh has its own deadline timer; nothing waits for it.
  }

  return {
    async forget(refs) {
      if (!shares || refs.length === 0) return;
      const keys = new Set(refs.map((ref) => keyOf("ref", ref)));
      for (const entry of await readStored("ref", refs)) {
        const invoice = entry?.value as InvoiceModel | null | undefined;
        if (invoice === null || invoice === undefined) continue;
        keys.add(keyOf("number", invoice.number));
        if (invoice.purchaseOrderNumber !== null) keys.add(keyOf("po", invoice.purchaseOrderNumber));
      }
      await Promise.all([...keys].map((key) => store.delete(key).catch(() => {})));
    },
    async load<K extends LookupKind>(kind: K, keys: readonly string[], call: CallContext): Promise<Array<LookupAnswer<LookupValue<K>>>> {
      const stored = await readStored(kind, keys);
      const at = now();
      const answers: Array<LookupAnswer<unknown> | undefined> = new Array(keys.length);
      const missing: string[] = [];
      const revalidate: string[] = [];
      const previous = new Map<string, number>();
      let hits = 0;
      keys.forEach((key, i) => {
        const entry = stored[i];
        if (entry !== undefined) previous.set(key, entry.retrievedAt);
        if (entry !== undefined && at < entry.freshUntil) {
          hits += 1;
          answers[i] = { kind: "fresh", value: entry.value, maxAgeSeconds: Math.floor((entry.freshUntil - at) / 1000) };
        } else if (entry !== undefined && lookupMs > 0 && at < entry.freshUntil + (entry.freshUntil - entry.retrievedAt)) {
          answers[i] = { kind: "revalidating", value: entry.value };
          revalidate.push(key);
        } else missing.push(key);
      });
      recordCacheLookups(provider.id, { hit: hits, stale_revalidate: revalidate.length, miss: missing.length });
      if (revalidate.length > 0) refreshInBackground(kind, revalidate, previous);
      if (missing.length > 0) {
        const outcomes = shares ? await fetchShared(kind, missing, call, previous, true) : await fetchBatch(kind, missing, call);
        let staleServed = 0;
        keys.forEach((key, i) => {
          const outcome = outcomes.get(key);
          if (answers[i] !== undefined || outcome === undefined) return;
          if (!(outcome instanceof ProviderError)) {
            answers[i] = { kind: "fetched", value: outcome.value, maxAgeSeconds: shares ? Math.floor((outcome.freshUntil - now()) / 1000) : 0 };
            return;
          }
          const last = stored[i];
          if (last !== undefined && staleMs > 0 && now() - last.retrievedAt <= staleMs) {
            staleServed += 1;
            answers[i] = { kind: "stale", value: last.value, retrievedAt: last.retrievedAt, failure: outcome };
          } else answers[i] = { kind: "failed", error: outcome };
        });
        recordCacheLookups(provider.id, { stale_error: staleServed });
      }
      return answers.map((answer) => answer ?? { kind: "failed", error: failureFor(provider.id) }) as Array<LookupAnswer<LookupValue<K>>>;
    },
  };
}

/** Invoices carry the time their provider's answer arrived. */
function stamped(kind: LookupKind, value: unknown, retrievedAt: string): unknown {
  if (kind === "po") {
    const result = value as PurchaseOrderResult;
    return { invoices: result.invoices.map((invoice) => ({ ...invoice, retrievedAt })), notices: result.notices };
  }
  if (kind === "search") {
    const page = value as SearchPage;
    return { ...page, invoices: page.invoices.map((invoice) => ({ ...invoice, retrievedAt })) };
  }
  return value === null || value === undefined ? null : { ...(value as InvoiceModel), retrievedAt };
}

/** Size units of an answer: 1, plus 1 per invoice and 1 per line. */
function weightOf(value: unknown): number {
  if (value === null || typeof value !== "object") return 1;
  if ("invoices" in value) return 1 + (value as PurchaseOrderResult).invoices.reduce((sum, invoice) => sum + 1 + invoice.lines.length, 0);
  return 1 + ((value as InvoiceModel).lines?.length ?? 0);
}

/**
 * A stored value as an answer of this provider, or undefined. A shared store could hand back
 * anything (another build's shape, another writer): only the expected shape counts.
 */
function asCachedAnswer(value: unknown, kind: LookupKind, provider: Provider): CachedAnswer<unknown> | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const entry = value as Partial<CachedAnswer<unknown>>;
  if (typeof entry.retrievedAt !== "number" || typeof entry.freshUntil !== "number" || !("value" in entry)) return undefined;
  const answer = entry.value;
  if (kind === "po") {
    const result = answer as Partial<PurchaseOrderResult> | null;
    if (result === null || !Array.isArray(result.invoices) || !Array.isArray(result.notices)) return undefined;
    if (result.invoices.some((invoice) => invoice?.provider !== provider)) return undefined;
  } else if (kind === "search") {
    const page = answer as Partial<SearchPage> | null;
    if (page === null || !Array.isArray(page.invoices) || typeof page.hasMore !== "boolean" || typeof page.newestFirst !== "boolean") return undefined;
    if (page.invoices.some((invoice) => invoice?.provider !== provider)) return undefined;
  } else if (answer !== null && (answer as Partial<InvoiceModel>).provider !== provider) return undefined;
  return entry as CachedAnswer<unknown>;
}

function sharedFailure(error: ProviderError): SharedFailure {
  return { code: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds };
}

const FAILURE_CODES: ReadonlySet<string> = new Set<ProviderFailureCode>(["UNAVAILABLE", "TIMEOUT", "RATE_LIMITED", "AUTH_FAILED", "BAD_RESPONSE", "NOT_CONFIGURED", "NOT_SUPPORTED"]);

/** The failure another replica's flight ended with; an unknown code reads as BAD_RESPONSE. */
function fromSharedFailure(provider: Provider, failure: SharedFailure): ProviderError {
  const code = FAILURE_CODES.has(failure.code) ? (failure.code as ProviderFailureCode) : "BAD_RESPONSE";
  return new ProviderError(provider, code, failure.message, { retryAfterSeconds: failure.retryAfterSeconds });
}

function failureFor(provider: Provider): ProviderError {
  return asProviderError(provider, new Error("lookup ended without an answer"));
}

function abortedError(provider: Provider, call: CallContext, at: number): ProviderError {
  return abortedCallError(provider, call, 1, at);
}

/** Waits for a shared flight, but no longer than this caller's own deadline. */
function within<T>(promise: Promise<Outcome<T>>, call: CallContext, provider: Provider, now: () => number): Promise<Outcome<T>> {
  if (call.signal.aborted) return Promise.resolve(abortedError(provider, call, now()));
  return new Promise((resolve) => {
    const onAbort = () => resolve(abortedError(provider, call, now()));
    call.signal.addEventListener("abort", onAbort, { once: true });
    void promise.then((outcome) => {
      call.signal.removeEventListener("abort", onAbort);
      resolve(outcome);
    });
  });
}
