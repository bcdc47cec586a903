// One replica of the subgraph as main.ts builds it (shared state, the production provider
// factories, the process's lookup caches, the real Apollo server), pointed at simulators.
// Several replicas built on one Redis URL and key prefix are one deployment.
import type { Provider } from "../../src/__generated__/resolvers-types.js";
import { createLookupCaches, type LookupCaches } from "../../src/cache/lookup-caches.js";
import type { LookupSettings } from "../../src/cache/lookup-cache.js";
import type { FabricConfig, IngramConfig, StullerConfig, TdSynnexConfig } from "../../src/config.js";
import { createContext } from "../../src/context.js";
import { PROVIDER_FACTORIES, type ProviderDeps } from "../../src/providers/index.js";
import { ProviderRegistry } from "../../src/providers/registry.js";
import type { InvoiceProvider } from "../../src/providers/types.js";
import { createApollo } from "../../src/server.js";
import { processState, redisState, type SharedState } from "../../src/state/shared-state.js";
import { silentLogger, type GraphQLResult } from "./subgraph.js";

export interface SimulatedAccounts {
  readonly INGRAM_MICRO?: IngramConfig;
  readonly TD_SYNNEX?: TdSynnexConfig;
  readonly FABRIC?: FabricConfig;
  readonly STULLER?: StullerConfig;
}

export interface Replica {
  readonly shared: SharedState;
  /** With Redis: whether it answers now (after an outage, ioredis reconnects by itself). */
  redisAvailable(): boolean;
  readonly lookups: LookupCaches;
  run(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult>;
  close(): Promise<void>;
}

export interface ReplicaOptions {
  /** Redis of the deployment; absent: this replica's own in-process state. */
  readonly redisUrl?: string;
  readonly keyPrefix?: string;
  readonly settings?: Partial<LookupSettings>;
  readonly ingramRateLimit?: { readonly limit: number; readonly windowMs: number };
  readonly deadlineMs?: number;
}

export async function startReplica(accounts: SimulatedAccounts, options: ReplicaOptions = {}): Promise<Replica> {
  let shared: SharedState;
  let redisAvailable = () => false;
  if (options.redisUrl === undefined) shared = processState();
  else {
    const state = redisState({ url: options.redisUrl, logger: silentLogger, keyPrefix: options.keyPrefix, pollMs: 25 });
    if (state.link.client.status !== "ready") await new Promise((resolve) => state.link.client.once("ready", resolve));
    redisAvailable = () => state.link.available();
    shared = state;
  }
  const deps: ProviderDeps = { logger: silentLogger, shared, ...(options.ingramRateLimit ? { ingramRateLimit: options.ingramRateLimit } : {}) };
  const providers: InvoiceProvider[] = [];
  const build = <P extends Provider>(id: P, config: Parameters<(typeof PROVIDER_FACTORIES)[P]>[0] | undefined) => {
    if (config !== undefined) providers.push(PROVIDER_FACTORIES[id](config, deps));
  };
  build("INGRAM_MICRO", accounts.INGRAM_MICRO);
  build("TD_SYNNEX", accounts.TD_SYNNEX);
  build("FABRIC", accounts.FABRIC);
  build("STULLER", accounts.STULLER);
  const deadlineMs = options.deadlineMs ?? 5_000;
  const lookups = createLookupCaches({
    store: shared.store,
    coordination: shared.coordination,
    settings: { lookupTtlSeconds: 60, invoiceTtlSeconds: 300, staleIfErrorSeconds: 3_600, ...options.settings },
    logger: silentLogger,
    refreshDeadlineMs: deadlineMs,
  });
  const registry = new ProviderRegistry(providers);
  const apollo = createApollo({ registry, logger: silentLogger, requestDeadlineMs: deadlineMs, introspection: true, lookups });
  await apollo.start();
  return {
    shared,
    redisAvailable,
    lookups,
    async run(query, variables) {
      const contextValue = createContext({ registry, logger: silentLogger, deadlineMs, lookups });
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== "single") throw new Error("incremental delivery is not used by this subgraph");
      return response.body.singleResult as GraphQLResult;
    },
    async close() {
      await apollo.stop();
      await Promise.allSettled(providers.map((provider) => provider.close?.()));
      await shared.close();
    },
  };
}
