// Invoice cache metrics. Labels are bounded: provider (4), result (2), reason (2), operation
// (2); never an invoice, a key or an account.
import { Counter } from "prom-client";
import type { Provider } from "../__generated__/resolvers-types.js";
import { metricsRegistry } from "./metrics.js";

const requests = new Counter({
  name: "invoices_cache_requests_total",
  help: "Invoice lookups (by ref or number) answered from the cross-request cache (hit) or sent to the provider (miss), by provider.",
  labelNames: ["provider", "result"] as const,
  registers: [metricsRegistry],
});

const stores = new Counter({
  name: "invoices_cache_stores_total",
  help: "Immutable invoices written to the cross-request cache, by provider.",
  labelNames: ["provider"] as const,
  registers: [metricsRegistry],
});

const evictions = new Counter({
  name: "invoices_cache_evictions_total",
  help: "Entries the in-process invoice cache dropped: capacity (to make room) or expired.",
  labelNames: ["reason"] as const,
  registers: [metricsRegistry],
});

const errors = new Counter({
  name: "invoices_cache_errors_total",
  help: "Cache store calls that failed (the lookup went on without the cache), by operation.",
  labelNames: ["operation"] as const,
  registers: [metricsRegistry],
});

export function recordCacheLookups(provider: Provider, hits: number, misses: number): void {
  if (hits > 0) requests.inc({ provider, result: "hit" }, hits);
  if (misses > 0) requests.inc({ provider, result: "miss" }, misses);
}

export function recordCacheStores(provider: Provider, count: number): void {
  if (count > 0) stores.inc({ provider }, count);
}

export function recordCacheEviction(reason: "capacity" | "expired"): void {
  evictions.inc({ reason });
}

export function recordCacheError(operation: "get" | "set"): void {
  errors.inc({ operation });
}
