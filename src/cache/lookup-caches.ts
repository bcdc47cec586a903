// The process's lookup caches: one per provider instance, built on first use over the shared
// state (in process, or Redis for every replica) and kept for the life of the process, so
// that answers and flights under way are shared by every request.
import { randomUUID } from "node:crypto";
import type { Logger } from "../observability/logger.js";
import type { CallContext, InvoiceProvider } from "../providers/types.js";
import { LOCAL_COORDINATION, type Coordination } from "../state/coordination.js";
import type { EntryStore } from "../state/entry-store.js";
import { createProviderLookups, type LookupSettings, type ProviderLookups } from "./lookup-cache.js";

export interface LookupCaches {
  of(provider: InvoiceProvider): ProviderLookups;
}

export interface LookupCachesOptions {
  readonly store: EntryStore;
  readonly coordination: Coordination;
  readonly settings: LookupSettings;
  readonly logger: Logger;
  /** Deadline of a background refresh (the request deadline). */
  readonly refreshDeadlineMs: number;
  /** Cuts background refreshes at shutdown. */
  readonly shutdownSignal?: AbortSignal;
  readonly now?: () => number;
}

export function createLookupCaches(options: LookupCachesOptions): LookupCaches {
  const caches = new Map<InvoiceProvider, ProviderLookups>();
  const now = options.now ?? Date.now;

  function backgroundCall(): CallContext {
    const signals = [AbortSignal.timeout(options.refreshDeadlineMs), ...(options.shutdownSignal ? [options.shutdownSignal] : [])];
    const requestId = `refresh-${randomUUID()}`;
    return { signal: AbortSignal.any(signals), deadline: now() + options.refreshDeadlineMs, requestId, logger: options.logger.child({ requestId }) };
  }

  return {
    of(provider) {
      let lookups = caches.get(provider);
      if (lookups === undefined) {
        lookups = createProviderLookups(provider, { store: options.store, coordination: options.coordination, settings: options.settings, backgroundCall, now });
        caches.set(provider, lookups);
      }
      return lookups;
    },
  };
}

const NOTHING_STORED: EntryStore = {
  get: async (keys) => keys.map(() => undefined),
  set: async () => {},
  delete: async () => {},
};

/** Nothing reused across requests: every lookup asks its provider (tests, and a request without caches). */
export function passThroughLookups(): LookupCaches {
  const caches = new Map<InvoiceProvider, ProviderLookups>();
  const settings: LookupSettings = { lookupTtlSeconds: 0, invoiceTtlSeconds: 0, staleIfErrorSeconds: 0 };
  return {
    of(provider) {
      let lookups = caches.get(provider);
      if (lookups === undefined) {
        lookups = createProviderLookups(provider, {
          store: NOTHING_STORED,
          coordination: LOCAL_COORDINATION,
          settings,
          backgroundCall: () => {
            throw new Error("nothing is refreshed without a cache");
          },
        });
        caches.set(provider, lookups);
      }
      return lookups;
    },
  };
}
