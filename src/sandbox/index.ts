// Sandbox mode: with nothing configured (or SANDBOX=1) every provider's simulator starts on
// loopback and the real client talks to it over HTTP, exactly as in production: same
// transport, same resilience baseline, same parsing.
import type { Provider } from "../__generated__/resolvers-types.js";
import { rootLogger } from "../observability/logger.js";
import { createFabricProvider } from "../providers/fabric/index.js";
import { createIngramMicroProvider } from "../providers/ingram-micro/index.js";
import { PRODUCTION_TRANSPORT } from "../providers/production.js";
import { ALL_PROVIDERS } from "../providers/registry.js";
import { createStullerProvider } from "../providers/stuller/index.js";
import { createTdSynnexProvider } from "../providers/td-synnex/index.js";
import type { InvoiceProvider } from "../providers/types.js";
import { startFabricSimulator } from "./fabric/index.js";
import { startIngramMicroSimulator } from "./ingram-micro/index.js";
import { startStullerSimulator } from "./stuller/index.js";
import { startTdSynnexSimulator } from "./td-synnex/index.js";

/** Purchase orders every simulator has invoices for; the start-up banner's examples use them. */
export const SANDBOX_PURCHASE_ORDERS = ["PO-1001", "PO-1002", "PO-1003"] as const;

export interface Sandbox {
  readonly providers: readonly InvoiceProvider[];
  readonly purchaseOrders: readonly string[];
  stop(): Promise<void>;
}

interface Simulated {
  readonly provider: InvoiceProvider & { close(): Promise<void> };
  close(): Promise<void>;
}

const SIMULATED: { readonly [P in Provider]: () => Promise<Simulated> } = {
  INGRAM_MICRO: async () => {
    const simulator = await startIngramMicroSimulator();
    return { provider: createIngramMicroProvider(simulator.credentials, { logger: rootLogger, transport: PRODUCTION_TRANSPORT }), close: simulator.close };
  },
  TD_SYNNEX: async () => {
    const simulator = await startTdSynnexSimulator();
    return { provider: createTdSynnexProvider(simulator.credentials, { logger: rootLogger, transport: PRODUCTION_TRANSPORT, currency: "USD" }), close: simulator.close };
  },
  FABRIC: async () => {
    const simulator = await startFabricSimulator();
    return { provider: createFabricProvider(simulator.credentials, { logger: rootLogger, transport: PRODUCTION_TRANSPORT }), close: simulator.close };
  },
  STULLER: async () => {
    const simulator = await startStullerSimulator();
    return { provider: createStullerProvider(simulator.credentials, { logger: rootLogger, transport: PRODUCTION_TRANSPORT }), close: simulator.close };
  },
};

export async function startSandbox(): Promise<Sandbox> {
  const started: Simulated[] = [];
  try {
    for (const id of ALL_PROVIDERS) started.push(await SIMULATED[id]());
  } catch (error) {
    await Promise.allSettled(started.map(stopOne));
    throw error;
  }
  return {
    providers: started.map((s) => s.provider),
    purchaseOrders: SANDBOX_PURCHASE_ORDERS,
    stop: async () => void (await Promise.allSettled(started.map(stopOne))),
  };
}

async function stopOne(simulated: Simulated): Promise<void> {
  await simulated.provider.close();
  await simulated.close();
}
