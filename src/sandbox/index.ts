// Sandbox mode: with nothing configured (or SANDBOX=1) every provider is served locally.
// Each provider whose simulator exists runs its real client against that simulator over
// loopback, exactly as in production; the others are served from in-memory sample data.
import type { Provider } from "../__generated__/resolvers-types.js";
import { rootLogger } from "../observability/logger.js";
import { createFabricProvider } from "../providers/fabric/index.js";
import { InMemoryProvider } from "../providers/in-memory/index.js";
import { PRODUCTION_TRANSPORT } from "../providers/production.js";
import { createStullerProvider } from "../providers/stuller/index.js";
import { createTdSynnexProvider } from "../providers/td-synnex/index.js";
import { ALL_PROVIDERS } from "../providers/registry.js";
import type { InvoiceProvider } from "../providers/types.js";
import { startFabricSimulator } from "./fabric/index.js";
import { startStullerSimulator } from "./stuller/index.js";
import { startTdSynnexSimulator } from "./td-synnex/index.js";
import { SAMPLE_INVOICES, SAMPLE_NOTICES, SAMPLE_PURCHASE_ORDERS } from "./sample-data.js";

export interface Sandbox {
  readonly providers: readonly InvoiceProvider[];
  readonly purchaseOrders: readonly string[];
  stop(): Promise<void>;
}

interface Simulated {
  readonly provider: InvoiceProvider & { close(): Promise<void> };
  close(): Promise<void>;
}

type Starters = { readonly [P in Provider]?: () => Promise<Simulated> };

const SIMULATED: Starters = {
  TD_SYNNEX: async () => {
    const simulator = await startTdSynnexSimulator();
    return { provider: createTdSynnexProvider(simulator.credentials, { logger: rootLogger, transport: PRODUCTION_TRANSPORT, currency: "USD" }), close: simulator.close };
  },
  STULLER: async () => {
    const simulator = await startStullerSimulator();
    return { provider: createStullerProvider(simulator.credentials, { logger: rootLogger, transport: PRODUCTION_TRANSPORT }), close: simulator.close };
  },
  FABRIC: async () => {
    const simulator = await startFabricSimulator();
    return { provider: createFabricProvider(simulator.credentials, { logger: rootLogger, transport: PRODUCTION_TRANSPORT }), close: simulator.close };
  },
};

export async function startSandbox(): Promise<Sandbox> {
  const started: Simulated[] = [];
  const providers: InvoiceProvider[] = [];
  try {
    for (const id of ALL_PROVIDERS) {
      const start = SIMULATED[id];
      if (start) {
        const simulated = await start();
        started.push(simulated);
        providers.push(simulated.provider);
      } else {
        providers.push(new InMemoryProvider({ id, invoices: SAMPLE_INVOICES[id], notices: SAMPLE_NOTICES[id] }));
      }
    }
  } catch (error) {
    await Promise.allSettled(started.map(stopOne));
    throw error;
  }
  return { providers, purchaseOrders: SAMPLE_PURCHASE_ORDERS, stop: async () => void (await Promise.allSettled(started.map(stopOne))) };
}

async function stopOne(simulated: Simulated): Promise<void> {
  await simulated.provider.close();
  await simulated.close();
}
