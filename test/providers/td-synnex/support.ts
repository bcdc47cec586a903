// The real TD SYNNEX provider against the simulator on loopback, with millisecond-scale
// retries so fault scenarios stay fast.
import type { TdSynnexConfig } from "../../../src/config.js";
import { ProviderError } from "../../../src/domain/errors.js";
import { createLogger } from "../../../src/observability/logger.js";
import { createTdSynnexProvider, type TdSynnexProvider } from "../../../src/providers/td-synnex/index.js";
import type { CallContext, PurchaseOrderResult } from "../../../src/providers/types.js";
import { startTdSynnexSimulator, type TdSynnexSimulator, type TdSynnexSimulatorOptions } from "../../../src/sandbox/td-synnex/index.js";

export const silentLogger = createLogger({ level: "silent" });

import { FAST_TRANSPORT } from "../../http/support.js";

export { FAST_TRANSPORT };

export interface TdHarness {
  readonly simulator: TdSynnexSimulator;
  readonly provider: TdSynnexProvider;
  /** Another provider on the same simulator (other credentials, the CA URL ...). */
  providerWith(config: Partial<TdSynnexConfig>, options?: { currency?: string; concurrency?: number }): TdSynnexProvider;
  close(): Promise<void>;
}

export async function startTdHarness(options: { simulator?: TdSynnexSimulatorOptions; concurrency?: number } = {}): Promise<TdHarness> {
  const simulator = await startTdSynnexSimulator(options.simulator);
  const extra: TdSynnexProvider[] = [];
  const make = (config: TdSynnexConfig, more: { currency?: string; concurrency?: number } = {}): TdSynnexProvider =>
    createTdSynnexProvider(config, { logger: silentLogger, transport: FAST_TRANSPORT, concurrency: more.concurrency ?? options.concurrency, currency: more.currency });
  const provider = make(simulator.credentials);
  return {
    simulator,
    provider,
    providerWith(config, more) {
      const created = make({ ...simulator.credentials, ...config }, more);
      extra.push(created);
      return created;
    },
    async close() {
      await Promise.all([provider, ...extra].map((p) => p.close()));
      await simulator.close();
    },
  };
}

/** A request's call context; its deadline runs on setTimeout and Date, so on the fake clock when one is installed. */
export function callContext(deadlineInMs = 5_000): CallContext {
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error("request deadline exceeded")), deadlineInMs).unref();
  return { signal: controller.signal, deadline: Date.now() + deadlineInMs, requestId: "td-test", logger: silentLogger };
}

/** The one result of a single-PO lookup, rejection or per-key error alike, as a value. */
export async function lookupPo(provider: TdSynnexProvider, po: string, call = callContext()): Promise<PurchaseOrderResult | ProviderError> {
  try {
    const results = await provider.findByPurchaseOrders([po], call);
    const result = results.get(po);
    if (result === undefined) throw new Error(`no result for ${po}`);
    return result;
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
}

export function expectFailure(result: PurchaseOrderResult | ProviderError): ProviderError {
  if (!(result instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${result.invoices.length} invoices`);
  return result;
}

export function expectResult(result: PurchaseOrderResult | ProviderError): PurchaseOrderResult {
  if (result instanceof ProviderError) throw new Error(`expected invoices, got ${result.code}: ${result.message}`);
  return result;
}
