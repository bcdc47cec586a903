// Builds the real provider clients from configuration. Each provider issue adds its
// factory here; a provider configured without a factory stops start-up rather than being
// silently ignored.
import type { Provider } from "../__generated__/resolvers-types.js";
import { ConfigError, type Config, type ProvidersConfig } from "../config.js";
import type { Logger } from "../observability/logger.js";
import type { SharedState } from "../state/shared-state.js";
import { createFabricProvider } from "./fabric/index.js";
import { createIngramMicroProvider } from "./ingram-micro/index.js";
import { PRODUCTION_TRANSPORT } from "./production.js";
import { createStullerProvider } from "./stuller/index.js";
import { createTdSynnexProvider } from "./td-synnex/index.js";
import type { InvoiceProvider } from "./types.js";

/** What every provider is built with besides its own configuration. */
export interface ProviderDeps {
  readonly logger: Logger;
  /** Rate budgets and OAuth tokens shared by every replica (or this process's own). */
  readonly shared: SharedState;
  /** The Ingram account's call budget for all replicas together; the vendor's 60 per 60 s when absent. */
  readonly ingramRateLimit?: { readonly limit: number; readonly windowMs: number };
}

type Factories = {
  readonly [P in Provider]: (config: NonNullable<ProvidersConfig[P]>, deps: ProviderDeps) => InvoiceProvider;
};

/** The one table of provider factories, used by production and by the sandbox. */
export const PROVIDER_FACTORIES: Factories = {
  INGRAM_MICRO: (config, { logger, shared, ingramRateLimit }) =>
    createIngramMicroProvider(config, { logger, shared, transport: PRODUCTION_TRANSPORT, ...(ingramRateLimit ? { rateLimit: ingramRateLimit } : {}) }),
  TD_SYNNEX: (config, { logger }) => createTdSynnexProvider(config, { logger, transport: PRODUCTION_TRANSPORT }),
  FABRIC: (config, { logger, shared }) => createFabricProvider(config, { logger, shared, transport: PRODUCTION_TRANSPORT }),
  STULLER: (config, { logger }) => createStullerProvider(config, { logger, transport: PRODUCTION_TRANSPORT }),
};

export function createConfiguredProviders(config: Config, deps: ProviderDeps): InvoiceProvider[] {
  const providers: InvoiceProvider[] = [];
  const missing: string[] = [];
  const entries = Object.entries(config.providers) as Array<[Provider, unknown]>;
  for (const [id, providerConfig] of entries) {
    // Each factory takes its own provider's configuration; the entry pairs them by id.
    const factory = PROVIDER_FACTORIES[id] as ((c: unknown, d: ProviderDeps) => InvoiceProvider) | undefined;
    if (!factory) missing.push(`${id} is configured but its client is not part of this build yet`);
    else providers.push(factory(providerConfig, deps));
  }
  if (missing.length > 0) throw new ConfigError(missing);
  return providers;
}
