// Sandbox mode: with nothing configured (or SANDBOX=1) every provider's simulator starts on
// loopback and the real client talks to it over HTTP, exactly as in production: same
// transport, same resilience baseline, same parsing.
import type { Provider } from "../__generated__/resolvers-types.js";
import { PROVIDER_FACTORIES, type ProviderDeps } from "../providers/index.js";
import { ALL_PROVIDERS } from "../providers/registry.js";
import type { InvoiceProvider } from "../providers/types.js";
import { startFabricSimulator } from "./fabric/index.js";
import { startIngramMicroSimulator } from "./ingram-micro/index.js";
import { startStullerSimulator } from "./stuller/index.js";
import { startTdSynnexSimulator } from "./td-synnex/index.js";
import { todayUtc } from "./search-data.js";

/** Purchase orders every simulator has invoices for; the start-up banner's examples use them. */
export const SANDBOX_PURCHASE_ORDERS = ["PO-1001", "PO-1002", "PO-1003"] as const;

export interface Sandbox {
  readonly providers: readonly InvoiceProvider[];
  readonly purchaseOrders: readonly string[];
  /** The day the search invoices are dated back from. */
  readonly asOf: string;
  stop(): Promise<void>;
}

interface Simulated {
  readonly provider: InvoiceProvider;
  close(): Promise<void>;
}

export interface SandboxOptions {
  /**
   * The sandbox's "today" (YYYY-MM-DD): the search invoices (search-data.ts) are dated back
   * from it. Default: the current UTC day; tests pass a fixed one.
   */
  readonly asOf?: string;
}

/** Each simulator, and the production factory of its provider pointed at it. */
const SIMULATED: { readonly [P in Provider]: (deps: ProviderDeps, asOf: string) => Promise<Simulated> } = {
  INGRAM_MICRO: async (deps, asOf) => {
    const simulator = await startIngramMicroSimulator({ searchInvoicesAsOf: asOf });
    return { provider: PROVIDER_FACTORIES.INGRAM_MICRO(simulator.credentials, deps), close: simulator.close };
  },
  TD_SYNNEX: async (deps) => {
    const simulator = await startTdSynnexSimulator();
    return { provider: PROVIDER_FACTORIES.TD_SYNNEX(simulator.credentials, deps), close: simulator.close };
  },
  FABRIC: async (deps, asOf) => {
    const simulator = await startFabricSimulator({ searchInvoicesAsOf: asOf });
    return { provider: PROVIDER_FACTORIES.FABRIC(simulator.credentials, deps), close: simulator.close };
  },
  STULLER: async (deps, asOf) => {
    const simulator = await startStullerSimulator({ searchInvoicesAsOf: asOf });
    return { provider: PROVIDER_FACTORIES.STULLER(simulator.credentials, deps), close: simulator.close };
  },
};

export async function startSandbox(deps: ProviderDeps, options: SandboxOptions = {}): Promise<Sandbox> {
  const started: Simulated[] = [];
  const asOf = options.asOf ?? todayUtc();
  try {
    for (const id of ALL_PROVIDERS) started.push(await SIMULATED[id](deps, asOf));
  } catch (error) {
    await Promise.allSettled(started.map(stopOne));
    throw error;
  }
  return {
    providers: started.map((s) => s.provider),
    purchaseOrders: SANDBOX_PURCHASE_ORDERS,
    asOf,
    stop: async () => void (await Promise.allSettled(started.map(stopOne))),
  };
}

async function stopOne(simulated: Simulated): Promise<void> {
  await simulated.provider.close?.();
  await simulated.close();
}
