// Builds the real provider clients from configuration. Each provider issue adds its
// factory here; a provider configured without a factory stops start-up rather than being
// silently ignored.
import type { Provider } from "../__generated__/resolvers-types.js";
import { ConfigError, type Config, type ProvidersConfig } from "../config.js";
import type { Logger } from "../observability/logger.js";
import { createFabricProvider } from "./fabric/index.js";
import { createIngramMicroProvider } from "./ingram-micro/index.js";
import { PRODUCTION_TRANSPORT } from "./production.js";
import { createStullerProvider } from "./stuller/index.js";
import { createTdSynnexProvider } from "./td-synnex/index.js";
import type { InvoiceProvider } from "./types.js";

type Factories = {
  readonly [P in Provider]?: (config: NonNullable<ProvidersConfig[P]>, logger: Logger) => InvoiceProvider;
};

const FACTORIES: Factories = {
  INGRAM_MICRO: (config, logger) => createIngramMicroProvider(config, { logger, transport: PRODUCTION_TRANSPORT }),
  TD_SYNNEX: (config, logger) => createTdSynnexProvider(config, { logger, transport: PRODUCTION_TRANSPORT }),
  FABRIC: (config, logger) => createFabricProvider(config, { logger, transport: PRODUCTION_TRANSPORT }),
  STULLER: (config, logger) => createStullerProvider(config, { logger, transport: PRODUCTION_TRANSPORT }),
};

export function createConfiguredProviders(config: Config, logger: Logger): InvoiceProvider[] {
  const providers: InvoiceProvider[] = [];
  const missing: string[] = [];
  const entries = Object.entries(config.providers) as Array<[Provider, unknown]>;
  for (const [id, providerConfig] of entries) {
    const factory = FACTORIES[id] as ((c: unknown, l: Logger) => InvoiceProvider) | undefined;
    if (!factory) missing.push(`${id} is configured but its client is not part of this build yet`);
    else providers.push(factory(providerConfig, logger));
  }
  if (missing.length > 0) throw new ConfigError(missing);
  return providers;
}
