// Child process: one subgraph under test, pinned to its own core. Modes:
//   real      the real subgraph (src/server.ts startSubgraph) over the real clients and the simulators;
//   prepared  the same startSubgraph over providers that return results captured from the real clients;
//   variants  Apollo variants over the prepared providers (plugins switched off), for the known costs,
//             and the HTTP client comparison.
// Commands from the parent: start, memory (after forced GC), profile, sizes, clients, stop.
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { Server } from "node:http";
import { createLookupCaches } from "../src/cache/lookup-caches.js";
import { loadConfig } from "../src/config.js";
import { LOCAL_COORDINATION } from "../src/state/coordination.js";
import { processState } from "../src/state/shared-state.js";
import { rootLogger } from "../src/observability/logger.js";
import { ProviderRegistry } from "../src/providers/registry.js";
import type { Context } from "../src/context.js";
import { createApollo, startSubgraph, type RunningSubgraph } from "../src/server.js";
import { compareClients } from "./lib/client-bench.js";
import { serveApollo } from "./lib/front.js";
import { profileFor } from "./lib/profile.js";
import { PARKED_MS, prepareProviders, realProviders, type ClosableProvider, type PreparedProvider } from "./lib/providers.js";
import { serveCommands } from "./lib/rpc.js";
import type { MemorySample, ServerStart, ServerStarted } from "./lib/types.js";

// What main.ts gives the subgraph when nothing is set (the default deadline and one lookup
// cache per process), except that answers are not reused (LOOKUP_CACHE_TTL_SECONDS=0): these
// figures measure what a query costs when its answers come from the providers.
const config = loadConfig({ LOOKUP_CACHE_TTL_SECONDS: "0" });
const deadlineMs = config.requestDeadlineMs;
const lookups = createLookupCaches({
  store: processState().store,
  coordination: LOCAL_COORDINATION,
  settings: { lookupTtlSeconds: config.lookupCacheTtlSeconds, invoiceTtlSeconds: config.invoiceCacheTtlSeconds, staleIfErrorSeconds: config.staleIfErrorSeconds },
  logger: rootLogger,
  refreshDeadlineMs: deadlineMs,
});
const subgraphs: RunningSubgraph[] = [];
const extraServers: Server[] = [];
let closables: ClosableProvider[] = [];
let prepared: PreparedProvider[] = [];

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
  const base = { logger: rootLogger, requestDeadlineMs: deadlineMs, introspection: true, lookups, port: 0, host: "127.0.0.1" };
  if (options.mode === "real") {
    closables = realProviders(options.sims, options.budgets ?? "production", options.holdStuller ?? false);
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
}

serveCommands({
  start: (args) => start(args as ServerStart),
  memory: () => memory(),
  profile: (ms) => profileFor(Number(ms)),
  sizes: (orders) => sizes(orders as string[]),
  dataHeap: (args) => dataHeap(args as { orders: string[]; providers: string[]; copies: number }),
  clients: (args) => compareClients((args as { url: string }).url, args as { requests: number; concurrency: number; rounds: number }),
  stop: async () => {
    await stop();
    setImmediate(() => process.exit(0));
  },
});
