// The per-request context: a deadline shared by every upstream call of the request, and a
// fresh DataLoader set per provider, created lazily so a query that touches one provider
// costs nothing for the others. Nothing here outlives the request, except what the loaders
// write to the process's invoice cache (keyed per provider account).
import { randomUUID } from "node:crypto";
import type { GraphQLError } from "graphql";
import type { Provider } from "./__generated__/resolvers-types.js";
import type { InvoiceCaching } from "./cache/invoice-cache.js";
import { providerInvoiceCache } from "./cache/provider-cache.js";
import { ResponseCachePolicy } from "./cache/response-policy.js";
import { notConfigured, type ProviderError } from "./domain/errors.js";
import { createProviderLoaders, type ProviderLoaders } from "./loaders/provider-loaders.js";
import type { Logger } from "./observability/logger.js";
import type { ProviderRegistry } from "./providers/registry.js";
import type { CallContext, InvoiceProvider } from "./providers/types.js";

export interface Context {
  readonly requestId: string;
  readonly logger: Logger;
  readonly call: CallContext;
  readonly registry: ProviderRegistry;
  /** The loaders of a configured provider, or the NOT_CONFIGURED error. */
  loadersFor(provider: Provider): ProviderLoaders | ProviderError;
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
  /** The process's invoice cache; absent: every lookup goes to the provider. */
  readonly invoiceCache?: InvoiceCaching;
}

export function createContext(options: CreateContextOptions): Context {
  const requestId = options.requestId ?? randomUUID();
  const logger = options.logger.child({ requestId });
  const controller = new AbortController();
  const deadline = (options.now ?? Date.now)() + options.deadlineMs;
  const timer = setTimeout(() => controller.abort(new Error("request deadline exceeded")), options.deadlineMs);
  timer.unref();
  const call: CallContext = { signal: controller.signal, deadline, requestId, logger };
  const loaders = new Map<Provider, ProviderLoaders>();
  const extraErrors: GraphQLError[] = [];
  const cachePolicy = new ResponseCachePolicy();

  return {
    requestId,
    logger,
    call,
    registry: options.registry,
    loadersFor(provider) {
      const existing = loaders.get(provider);
      if (existing) return existing;
      const instance: InvoiceProvider | undefined = options.registry.get(provider);
      if (!instance) return notConfigured(provider);
      const created = createProviderLoaders(instance, call, { cache: providerInvoiceCache(instance, options.invoiceCache, logger), policy: cachePolicy });
      loaders.set(provider, created);
      return created;
    },
    addError(error) {
      extraErrors.push(error);
    },
    extraErrors,
    cachePolicy,
    dispose() {
      clearTimeout(timer);
    },
  };
}
