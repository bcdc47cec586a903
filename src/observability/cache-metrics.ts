// Lookup cache metrics. Labels are bounded: provider (4), result (4), scope (2), reason (2);
// never an invoice, a key or an account.
import { Counter } from "prom-client";
import type { Provider } from "../__generated__/resolvers-types.js";
import { metricsRegistry } from "./metrics.js";

const requests = new Counter({
  name: "invoices_cache_requests_total",
  help:
    "Lookups (purchase orders, invoices by number or id) by how the cache answered them: hit (fresh), stale_revalidate " +
    "(past its window, served while one refresh runs), miss (asked the provider) and stale_error (the provider failed and its last answer was served), by provider.",
  labelNames: ["provider", "result"] as const,
  registers: [metricsRegistry],
});

const stores = new Counter({
  name: "invoices_cache_stores_total",
  help: "Answers written to the lookup cache (a purchase order's list, and each invoice under its id), by provider.",
  labelNames: ["provider"] as const,
  registers: [metricsRegistry],
});

const coalesced = new Counter({
  name: "invoices_cache_coalesced_total",
  help: "Lookups that shared an upstream call already under way instead of making their own: in this process, or on another replica (through Redis), by provider.",
  labelNames: ["provider", "scope"] as const,
  registers: [metricsRegistry],
});

const evictions = new Counter({
  name: "invoices_cache_evictions_total",
  help: "Entries the in-process store dropped: capacity (to make room) or expired.",
  labelNames: ["reason"] as const,
  registers: [metricsRegistry],
});

export type CacheResult = "hit" | "miss" | "stale_revalidate" | "stale_error";

export function recordCacheLookups(provider: Provider, counts: Partial<Record<CacheResult, number>>): void {
  for (const [result, count] of Object.entries(counts)) if (count !== undefined && count > 0) requests.inc({ provider, result }, count);
}

export function recordCacheStores(provider: Provider, count: number): void {
  if (count > 0) stores.inc({ provider }, count);
}

export function recordCoalesced(provider: Provider, scope: "process" | "replicas"): void {
  coalesced.inc({ provider, scope });
}

export function recordCacheEviction(reason: "capacity" | "expired"): void {
  evictions.inc({ reason });
}
