// The real subgraph (schema, resolvers, plugins) over in-memory providers, with the process's
// lookup caches and a clock the test moves. Every `run` is its own request (its own context
// and loaders), as two HTTP requests would be.
import type { Provider } from "../../src/__generated__/resolvers-types.js";
import { createLookupCaches, type LookupCaches } from "../../src/cache/lookup-caches.js";
import type { LookupSettings } from "../../src/cache/lookup-cache.js";
import { MemoryEntryStore, type MemoryStoreOptions } from "../../src/cache/memory-store.js";
import { createContext } from "../../src/context.js";
import { fabricInvoiceStatusTable, ingramOrderStatusTable } from "../../src/domain/code-tables/index.js";
import type { InvoiceModel } from "../../src/domain/models.js";
import { metricsRegistry } from "../../src/observability/metrics.js";
import { ProviderRegistry } from "../../src/providers/registry.js";
import { stullerStatus } from "../../src/providers/stuller/status.js";
import type { InvoiceProvider } from "../../src/providers/types.js";
import { createApollo } from "../../src/server.js";
import { LOCAL_COORDINATION, type Coordination } from "../../src/state/coordination.js";
import type { EntryStore } from "../../src/state/entry-store.js";
import { sampleInvoice } from "../helpers/invoices.js";
import { silentLogger, type GraphQLResult } from "../helpers/subgraph.js";

/** A clock tests advance by hand: windows expire without sleeping. */
export function testClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

export interface TestCaching {
  readonly lookups: LookupCaches;
  readonly store: EntryStore;
}

/**
 * The lookup caches of one process over `store` (a fresh in-process store by default), with
 * the contract's defaults unless overridden: 60 s for answers, 300 s for immutable invoices,
 * 3600 s of stale-if-error.
 */
export function lookupCaching(
  options: Partial<LookupSettings> & { readonly now?: () => number; readonly store?: EntryStore; readonly coordination?: Coordination; readonly memory?: MemoryStoreOptions } = {},
): TestCaching & { readonly memory: MemoryEntryStore | null } {
  const memory = options.store === undefined ? new MemoryEntryStore({ now: options.now, ...options.memory }) : null;
  const store = options.store ?? (memory as MemoryEntryStore);
  const lookups = createLookupCaches({
    store,
    coordination: options.coordination ?? LOCAL_COORDINATION,
    settings: { lookupTtlSeconds: options.lookupTtlSeconds ?? 60, invoiceTtlSeconds: options.invoiceTtlSeconds ?? 300, staleIfErrorSeconds: options.staleIfErrorSeconds ?? 3_600 },
    logger: silentLogger,
    refreshDeadlineMs: 5_000,
    ...(options.now ? { now: options.now } : {}),
  });
  return { lookups, store, memory };
}

export interface CachedRun {
  readonly result: GraphQLResult;
  readonly cacheControl: string | undefined;
}

/** The subgraph of one process: its providers and the process's lookup caches (if any). */
export async function subgraphWithCache(providers: readonly InvoiceProvider[], caching: TestCaching | undefined, options: { readonly now?: () => number } = {}) {
  const registry = new ProviderRegistry(providers);
  const apollo = createApollo({ registry, logger: silentLogger, requestDeadlineMs: 5_000, introspection: true, lookups: caching?.lookups });
  await apollo.start();
  return {
    async run(query: string, variables?: Record<string, unknown>): Promise<CachedRun> {
      const contextValue = createContext({ registry, logger: silentLogger, deadlineMs: 5_000, lookups: caching?.lookups, ...(options.now ? { now: options.now } : {}) });
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== "single") throw new Error("incremental delivery is not used by this subgraph");
      return { result: response.body.singleResult as GraphQLResult, cacheControl: response.http.headers.get("cache-control") };
    },
  };
}

/** An invoice each provider's rule calls immutable (TD SYNNEX has none). */
export function immutableInvoice(provider: Exclude<Provider, "TD_SYNNEX">, number: string, purchaseOrder: string | null = null, total = "100.00"): InvoiceModel {
  const base = sampleInvoice(provider, number, purchaseOrder, total);
  switch (provider) {
    case "INGRAM_MICRO":
      return { ...base, orderStatus: ingramOrderStatusTable.translate("P") };
    case "FABRIC":
      return { ...base, status: fabricInvoiceStatusTable.translate("closed"), acknowledgedAt: "2026-01-02T03:04:05Z" };
    case "STULLER":
      return { ...base, status: stullerStatus("Closed") };
  }
}

/** An invoice that can still change, for every provider. */
export function openInvoice(provider: Provider, number: string, purchaseOrder: string | null = null): InvoiceModel {
  const base = sampleInvoice(provider, number, purchaseOrder);
  switch (provider) {
    case "INGRAM_MICRO":
      return { ...base, orderStatus: ingramOrderStatusTable.translate("F") };
    case "FABRIC":
      return { ...base, status: fabricInvoiceStatusTable.translate("open") };
    case "STULLER":
      return { ...base, status: stullerStatus("Open") };
    case "TD_SYNNEX":
      return base;
  }
}

/** The current value of a counter for the given labels (0 when never incremented). */
export async function counterValue(name: string, labels: Record<string, string>): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric(name)?.get();
  const entry = metric?.values.find((v) => Object.entries(labels).every(([key, value]) => v.labels[key] === value));
  return entry?.value ?? 0;
}

export const INVOICE_BY_NUMBER = /* GraphQL */ `
  query ($provider: Provider!, $number: String!) { invoice(provider: $provider, number: $number) { id number status total { amount } } }
`;

export const INVOICES_BY_ID = /* GraphQL */ `
  query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Invoice { id number } } }
`;

export const INVOICES_BY_PO = /* GraphQL */ `
  query ($pos: [String!]!) { invoicesByPurchaseOrder(purchaseOrderNumbers: $pos) { invoices { id number } failures { provider code } } }
`;
