// The per-request context: a deadline shared by every upstream call of the request (cut
// early when the process shuts down), and a fresh DataLoader set per provider, created
// lazily so a query that touches one provider costs nothing for the others. Nothing here
// outlives the request, except what the loaders leave in the process's lookup caches (keyed
// per provider account).
import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import type { GraphQLError } from "graphql";
import type { Provider } from "./__generated__/resolvers-types.js";
import type { LookupCaches } from "./cache/lookup-caches.js";
import { passThroughLookups } from "./cache/lookup-caches.js";
import { ResponseCachePolicy } from "./cache/response-policy.js";
import { notConfigured, type ProviderError } from "./domain/errors.js";
import { createProviderLoaders, type ProviderLoaders } from "./loaders/provider-loaders.js";
import type { Logger } from "./observability/logger.js";
import type { ProviderRegistry } from "./providers/registry.js";
import type { CallContext, InvoiceProvider } from "./providers/types.js";

export interface Context {
  readonly requestId: string;
  /** When the request started (ISO-8601): the retrievedAt of invoices fetched outside the lookups. */
  readonly startedAt: string;
  readonly logger: Logger;
  readonly call: CallContext;
  readonly registry: ProviderRegistry;
  /** The loaders of a configured provider, or the NOT_CONFIGURED error. */
  loadersFor(provider: Provider): ProviderLoaders | ProviderError;
  /** Forgets the cached answers about these invoices of `provider` (they just changed at the provider). */
  forgetInvoices(provider: InvoiceProvider, refs: readonly string[]): Promise<void>;
  /** A provider failure to report as a GraphQL error next to data the field still returns. */
  addError(error: GraphQLError): void;
  readonly extraErrors: readonly GraphQLError[];
  /** What the data resolved so far may be cached for (the Cache-Control header). */
  readonly cachePolicy: ResponseCachePolicy;
  /** Ends the deadline timer; the server calls it when the response is sent. */
  dispose(): void;
}

export interface CreateContextOptions {
  readonly registry: ProviderRegistry;
  readonly logger: Logger;
  readonly deadlineMs: number;
  readonly requestId?: string;
  readonly now?: () => number;
  /** The process's lookup caches (one per provider account); absent: every lookup goes to the provider. */
  readonly lookups?: LookupCaches;
  /** Aborted when the process's shutdown grace period ends: every upstream call still running is cut. */
  readonly shutdownSignal?: AbortSignal;
}

export function createContext(options: CreateContextOptions): Context {
  const requestId = options.requestId ?? randomUUID();
  const logger = options.logger.child({ requestId });
  const controller = new AbortController();
  // Every upstream wait of the request (attempts, limiter and bulkhead queues, shared flights)
  // listens on this one signal and removes its listener when done; a wide query has more
  // than Node's default 10 at once, which is not a leak.
  setMaxListeners(0, controller.signal);
  const startedAtMs = (options.now ?? Date.now)();
  const deadline = startedAtMs + options.deadlineMs;
  const timer = setTimeout(() => controller.abort(new Error("request deadline exceeded")), options.deadlineMs);
  timer.unref();
  const shutdown = options.shutdownSignal;
  const onShutdown = () => controller.abort(shutdown?.reason);
  if (shutdown?.aborted) onShutdown();
  else shutdown?.addEventListener("abort", onShutdown, { once: true });
  const lookups = options.lookups ?? passThroughLookups();
  const call: CallContext = { signal: controller.signal, deadline, requestId, logger };
  const loaders = new Map<Provider, ProviderLoaders>();
  const extraErrors: GraphQLError[] = [];
  const cachePolicy = new ResponseCachePolicy();

  return {
    requestId,
    startedAt: new Date(startedAtMs).toISOString(),
    logger,
    call,
    registry: options.registry,
    loadersFor(provider) {
      const existing = loaders.get(provider);
      if (existing) return existing;
      const instance: InvoiceProvider | undefined = options.registry.get(provider);
      if (!instance) return notConfigured(provider);
      const created = createProviderLoaders(instance, call, lookups.of(instance), cachePolicy);
      loaders.set(provider, created);
      return created;
    },
    forgetInvoices: (provider, refs) => lookups.of(provider).forget(refs),
    addError(error) {
      extraErrors.push(error);
    },
    extraErrors,
    cachePolicy,
    dispose() {
      clearTimeout(timer);
      shutdown?.removeEventListener("abort", onShutdown);
    },
  };
}
