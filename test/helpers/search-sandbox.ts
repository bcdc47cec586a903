// The four simulators with the sandbox's search invoices as of a fixed day, the real provider
// clients (production transport) pointed at them, and the simulators' own request logs, so a
// test counts upstream calls where they arrive.
import { PROVIDER_FACTORIES, type ProviderDeps } from "../../src/providers/index.js";
import type { InvoiceProvider } from "../../src/providers/types.js";
import { startFabricSimulator, type FabricSimulator } from "../../src/sandbox/fabric/index.js";
import { startIngramMicroSimulator, type IngramSimulator } from "../../src/sandbox/ingram-micro/index.js";
import { startStullerSimulator, type StullerSimulator } from "../../src/sandbox/stuller/index.js";
import { startTdSynnexSimulator, type TdSynnexSimulator } from "../../src/sandbox/td-synnex/index.js";
import { processState } from "../../src/state/shared-state.js";
import { silentLogger } from "./subgraph.js";

export interface SearchSandbox {
  readonly ingram: IngramSimulator;
  readonly td: TdSynnexSimulator;
  readonly fabric: FabricSimulator;
  readonly stuller: StullerSimulator;
  /** In enum order: Ingram Micro, TD SYNNEX, fabric, Stuller. */
  readonly providers: readonly InvoiceProvider[];
  /** Search calls so far at each simulator (Ingram: v6 searches; fabric: list pages; Stuller: date searches). */
  searchCalls(): { INGRAM_MICRO: number; FABRIC: number; STULLER: number };
  /** Ingram v5 detail calls so far. */
  ingramDetails(): number;
  close(): Promise<void>;
}

export async function startSearchSandbox(asOf: string, deps: Partial<ProviderDeps> = {}): Promise<SearchSandbox> {
  const full: ProviderDeps = { logger: silentLogger, shared: processState(), ...deps };
  const [ingram, td, fabric, stuller] = await Promise.all([
    startIngramMicroSimulator({ searchInvoicesAsOf: asOf }),
    startTdSynnexSimulator(),
    startFabricSimulator({ searchInvoicesAsOf: asOf }),
    startStullerSimulator({ searchInvoicesAsOf: asOf }),
  ]);
  const providers = [
    PROVIDER_FACTORIES.INGRAM_MICRO(ingram.credentials, full),
    PROVIDER_FACTORIES.TD_SYNNEX(td.credentials, full),
    PROVIDER_FACTORIES.FABRIC(fabric.credentials, full),
    PROVIDER_FACTORIES.STULLER(stuller.credentials, full),
  ];
  return {
    ingram,
    td,
    fabric,
    stuller,
    providers,
    searchCalls: () => ({
      INGRAM_MICRO: ingram.requests.filter((r) => r.kind === "search").length,
      FABRIC: fabric.requests.filter((r) => r.route === "list").length,
      STULLER: stuller.requests.filter((r) => r.dateRange !== null).length,
    }),
    ingramDetails: () => ingram.requests.filter((r) => r.kind === "detail").length,
    async close() {
      await Promise.allSettled(providers.map((p) => p.close?.()));
      await Promise.allSettled([ingram.close(), td.close(), fabric.close(), stuller.close()]);
    },
  };
}
