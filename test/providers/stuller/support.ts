// Shared set-up for the Stuller tests: the real provider against the real simulator on
// loopback, with millisecond-scale retries so fault scenarios stay fast.
import type { TransportOptions } from "../../../src/http/transport.js";
import type { Logger } from "../../../src/observability/logger.js";
import { createStullerProvider, type StullerProvider } from "../../../src/providers/stuller/index.js";
import { startStullerSimulator, type StullerSimulator, type StullerSimulatorOptions } from "../../../src/sandbox/stuller/index.js";
import { FAST_TRANSPORT, silentLogger } from "../../http/support.js";

export { FAST_TRANSPORT };

export interface StullerHarness {
  readonly simulator: StullerSimulator;
  readonly provider: StullerProvider;
  close(): Promise<void>;
}

export async function startStullerHarness(
  options: { simulator?: StullerSimulatorOptions; k?: number; maxUrlLength?: number; logger?: Logger; transport?: Partial<TransportOptions>; currency?: string } = {},
): Promise<StullerHarness> {
  const simulator = await startStullerSimulator(options.simulator);
  const provider = createStullerProvider(simulator.credentials, {
    logger: options.logger ?? silentLogger,
    transport: { ...FAST_TRANSPORT, ...options.transport },
    ...(options.k === undefined ? {} : { maxPurchaseOrdersPerCall: options.k }),
    ...(options.maxUrlLength === undefined ? {} : { maxUrlLength: options.maxUrlLength }),
    ...(options.currency === undefined ? {} : { currency: options.currency }),
  });
  return {
    simulator,
    provider,
    async close() {
      await provider.close();
      await simulator.close();
    },
  };
}

/** Invoice numbers per key of a findByPurchaseOrders answer (errors as their code). */
export function invoiceNumbersByKey(results: ReadonlyMap<string, unknown>): Record<string, string[] | string> {
  const out: Record<string, string[] | string> = {};
  for (const [key, value] of results) {
    if (value instanceof Error) out[key] = `error:${(value as Error & { code?: string }).code ?? value.name}`;
    else out[key] = (value as { invoices: ReadonlyArray<{ number: string }> }).invoices.map((invoice) => invoice.number);
  }
  return out;
}
