// Child process: one subgraph under test, pinned to its own core. Modes:
//   real      the real subgraph (src/server.ts startSubgraph) over the real clients and the simulators;
//   prepared  the same startSubgraph over providers that return results captured from the real clients;
//   variants  Apollo variants over the prepared providers (plugins switched off), for the known costs,
//             and the HTTP client comparison.
// A real server may keep answers fresh (lookupTtlSeconds, the warm-cache figures) and share its
// state on Redis with other servers given the same URL and key prefix (replicas of one deployment).
// Commands from the parent: start, memory (after forced GC), profile, sizes, clients, cacheMetrics, stop.
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { Server } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createLookupCaches, type LookupCaches } from "../src/cache/lookup-caches.js";
import { loadConfig } from "../src/config.js";
import { processState, redisState, type SharedState } from "../src/state/shared-state.js";
import { rootLogger } from "../src/observability/logger.js";
import { metricsRegistry } from "../src/observability/metrics.js";
import { ProviderRegistry } from "../src/providers/registry.js";
import type { Context } from "../src/context.js";
import { createApollo, startSubgraph, type RunningSubgraph } from "../src/server.js";
import { compareClients } from "./lib/client-bench.js";
import { serveApollo } from "./lib/front.js";
import { profileFor } from "./lib/profile.js";
import { PARKED_MS, prepareProviders, realProviders, type ClosableProvider, type PreparedProvider } from "./lib/providers.js";
import { serveCommands } from "./lib/rpc.js";
import type { CacheMetrics, MemorySample, ServerStart, ServerStarted } from "./lib/types.js";

/**
 * What main.ts gives the subgraph for `LOOKUP_CACHE_TTL_SECONDS` (everything else as when
 * nothing is set: the default deadline, stale-if-error, one lookup cache per process) over
 * `shared`. The bench's servers default to 0 (answers are not reused): figures a to d measure
 * what a query costs when its answers come from the providers.
 */
function lookupCachesFor(lookupTtlSeconds: number, shared: SharedState): { lookups: LookupCaches; deadlineMs: number } {
  const config = loadConfig({ LOOKUP_CACHE_TTL_SECONDS: String(lookupTtlSeconds) });
  const lookups = createLookupCaches({
    store: shared.store,
    coordination: shared.coordination,
    settings: { lookupTtlSeconds: config.lookupCacheTtlSeconds, invoiceTtlSeconds: config.invoiceCacheTtlSeconds, staleIfErrorSeconds: config.staleIfErrorSeconds },
    logger: rootLogger,
    refreshDeadlineMs: config.requestDeadlineMs,
  });
  return { lookups, deadlineMs: config.requestDeadlineMs };
}

/** Shared state as main.ts builds it: on Redis (REDIS_URL), else in this process. Ready before it is used. */
async function sharedStateFor(redis: ServerStart["redis"]): Promise<SharedState> {
  if (redis === undefined) return processState();
  const state = redisState({ url: redis.url, logger: rootLogger, keyPrefix: redis.keyPrefix, ...(redis.commandTimeoutMs === undefined ? {} : { commandTimeoutMs: redis.commandTimeoutMs }) });
  if (state.link.client.status !== "ready") {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Redis at ${redis.url} not ready within 10 s`)), 10_000);
      state.link.client.once("ready", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  return state;
}

const subgraphs: RunningSubgraph[] = [];
const extraServers: Server[] = [];
let closables: ClosableProvider[] = [];
let prepared: PreparedProvider[] = [];
let shared: SharedState | null = null;
/** How late this process's event loop ran (a Redis command's 250 ms bound is measured on it). */
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

/** A plugin with a per-field hook that does nothing: the dispatch cost Apollo's cacheControl plugin had. */
const perFieldHook: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async executionDidStart() {
        return { willResolveField: () => undefined };
      },
    };
  },
};

async function start(options: ServerStart): Promise<ServerStarted> {
  shared = await sharedStateFor(options.redis);
  const { lookups, deadlineMs } = lookupCachesFor(options.lookupTtlSeconds ?? 0, shared);
  const base = { logger: rootLogger, requestDeadlineMs: deadlineMs, introspection: true, lookups, port: 0, host: "127.0.0.1" };
  if (options.mode === "real") {
    // With Redis the providers share the Ingram budget and the OAuth tokens, as main.ts gives them `shared`.
    closables = realProviders(options.sims, options.budgets ?? "production", options.holdStuller ?? false, options.redis ? shared : undefined);
    const requestDeadlineMs = options.holdStuller ? PARKED_MS : deadlineMs;
    const subgraph = await startSubgraph({ ...base, requestDeadlineMs, registry: new ProviderRegistry(closables) });
    subgraphs.push(subgraph);
    return { urls: { subgraph: subgraph.url }, pid: process.pid };
  }
  prepared = await prepareProviders(options.sims, options.preparedOrders ?? []);
  const registry = new ProviderRegistry(prepared);
  const subgraph = await startSubgraph({ ...base, registry });
  subgraphs.push(subgraph);
  if (options.mode === "prepared") return { urls: { subgraph: subgraph.url }, pid: process.pid };

  const urls: Record<string, string> = { "startSubgraph front": subgraph.url };
  // createApollo turns Apollo's cacheControl plugin off (since ddcd2c5) and it cannot be added
  // back next to its Disabled twin; what it cost per field is the willResolveField dispatch
  // every such hook installs, measured here with a hook that does nothing.
  const variants: Record<string, (apollo: ReturnType<typeof createApollo>) => void> = {
    shipped: () => undefined,
    "with a no-op per-field hook (willResolveField)": (apollo) => apollo.addPlugin(perFieldHook),
    "inline trace plugin off": (apollo) => apollo.addPlugin(ApolloServerPluginInlineTraceDisabled()),
    // Its own instance: a traced request instruments the schema's resolvers for good.
    "shipped, traced (ftv1)": () => undefined,
  };
  for (const [name, adjust] of Object.entries(variants)) {
    const apollo = createApollo({ registry, logger: rootLogger, requestDeadlineMs: deadlineMs, introspection: true });
    adjust(apollo);
    await apollo.start();
    const served = await serveApollo(apollo, { registry, logger: rootLogger, deadlineMs, lookups });
    extraServers.push(served.server);
    urls[name] = served.url;
  }
  return { urls, pid: process.pid };
}

async function memory(): Promise<MemorySample> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    // Several rounds: weak references and finalizers free more on the next collection.
    for (let i = 0; i < 4; i++) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const { heapUsed, heapTotal, rss, external, arrayBuffers } = process.memoryUsage();
  return { heapUsed, heapTotal, rss, external, arrayBuffers };
}

/** JSON size of the captured provider answers for `orders`, per provider (the data-floor estimate). */
function sizes(orders: readonly string[]): Record<string, { bytes: number; invoices: number }> {
  const out: Record<string, { bytes: number; invoices: number }> = {};
  for (const provider of prepared) {
    const answers = orders.map((order) => provider.results().get(order)).filter((a) => a !== undefined);
    out[provider.id] = { bytes: Buffer.byteLength(JSON.stringify(answers)), invoices: answers.reduce((n, a) => n + a.invoices.length, 0) };
  }
  return out;
}

/**
 * Heap taken by `copies` fresh copies of the answers of `providers` for `orders`, per copy:
 * what the held data costs as ordinary JS objects (JSON.parse of their JSON), next to its
 * JSON size. Splits figure (d) into data and per-request overhead.
 */
async function dataHeap(args: { orders: string[]; providers: string[]; copies: number }): Promise<{ jsonBytes: number; heapBytesPerCopy: number }> {
  const held = prepared.filter((p) => args.providers.includes(p.id)).map((p) => args.orders.map((order) => p.results().get(order)));
  const json = JSON.stringify(held);
  const before = await memory();
  const copies = Array.from({ length: args.copies }, () => JSON.parse(json) as unknown);
  const after = await memory();
  const heapBytesPerCopy = Math.round((after.heapUsed - before.heapUsed) / copies.length);
  return { jsonBytes: Buffer.byteLength(json), heapBytesPerCopy };
}

async function stop(): Promise<void> {
  await Promise.allSettled(subgraphs.map((s) => s.stop({ cutAt: Date.now() + 1_000 })));
  await Promise.allSettled(
    extraServers.map((server) => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    }),
  );
  await Promise.allSettled(closables.map((p) => p.close()));
  await shared?.close();
}

/** The lookup cache's and Redis's counters of this process (/metrics as JSON), summed per provider and label. */
async function cacheMetrics(): Promise<CacheMetrics> {
  const out: Record<string, Record<string, number>> = {};
  for (const metric of await metricsRegistry.getMetricsAsJSON()) {
    if (!metric.name.startsWith("invoices_cache_") && !metric.name.startsWith("invoices_redis_errors")) continue;
    const sums: Record<string, number> = {};
    for (const value of metric.values) {
      const label = Object.values(value.labels).join("/") || "all";
      sums[label] = (sums[label] ?? 0) + value.value;
    }
    out[metric.name] = sums;
  }
  out["event_loop_delay_ms"] = { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
  loopDelay.reset();
  return out;
}

serveCommands({
  start: (args) => start(args as ServerStart),
  memory: () => memory(),
  profile: (ms) => profileFor(Number(ms)),
  sizes: (orders) => sizes(orders as string[]),
  dataHeap: (args) => dataHeap(args as { orders: string[]; providers: string[]; copies: number }),
  clients: (args) => compareClients((args as { url: string }).url, args as { requests: number; concurrency: number; rounds: number }),
  cacheMetrics: () => cacheMetrics(),
  stop: async () => {
    await stop();
    setImmediate(() => process.exit(0));
  },
});
