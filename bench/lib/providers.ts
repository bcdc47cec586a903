// The providers a benchmark server runs: the real clients pointed at the simulators (as
// src/sandbox/index.ts builds them, with Ingram's rate limit raised in the client as in the
// simulator), or "prepared" providers that hand back result objects the real clients
// produced earlier, so the baseline server does everything except upstream I/O, decoding,
// validation and normalization.
import { rootLogger } from "../../src/observability/logger.js";
import { DEFAULT_RESILIENCE } from "../../src/http/resilience.js";
import type { TransportOptions } from "../../src/http/transport.js";
import { createFabricProvider } from "../../src/providers/fabric/index.js";
import { createIngramMicroProvider } from "../../src/providers/ingram-micro/index.js";
import { PRODUCTION_TRANSPORT } from "../../src/providers/production.js";
import { createStullerProvider } from "../../src/providers/stuller/index.js";
import { createTdSynnexProvider } from "../../src/providers/td-synnex/index.js";
import type { CallContext, InvoiceProvider, KeyedResults, PurchaseOrderResult } from "../../src/providers/types.js";
import { ProviderError } from "../../src/domain/errors.js";
import type { SharedState } from "../../src/state/shared-state.js";
import { RAISED_BUDGETS } from "./settings.js";
import type { Budgets, SimsInfo } from "./types.js";

export type ClosableProvider = InvoiceProvider & { close(): Promise<void> };

/** Deadline and held-provider timeouts of a server whose queries are parked (figure d). */
export const PARKED_MS = 120_000;


/** `shared`: the deployment's state (Redis), for Ingram's budget and the Ingram and fabric OAuth tokens, as main.ts passes it. */
export function realProviders(sims: SimsInfo, budgets: Budgets, holdStuller: boolean, shared?: SharedState): ClosableProvider[] {
  const transport: Partial<TransportOptions> =
    budgets === "production" ? PRODUCTION_TRANSPORT : { ...PRODUCTION_TRANSPORT, resilience: { ...DEFAULT_RESILIENCE, bulkhead: RAISED_BUDGETS.bulkhead } };
  const logger = rootLogger;
  return [
    createIngramMicroProvider(
      { ...sims.ingram, baseUrl: new URL(sims.ingram.baseUrl), tokenUrl: new URL(sims.ingram.tokenUrl) },
      // Raised so the bench measures the subgraph, not Ingram's 60 calls per 60 s. The window is
      // 1 ms: the in-process limiter keeps every completion of its window and scans them on
      // each grant, so a raised limit over 60 s would make it cost O(calls in the last minute)
      // per call, a cost production (at most 60 entries) never has.
      // With `shared` the budget is the deployment's, kept in Redis (same raised limit and window).
      { logger, transport, rateLimit: { limit: 1_000_000_000, windowMs: 1 }, ...(shared ? { shared } : {}) },
    ),
    createTdSynnexProvider(
      { ...sims.td, url: new URL(sims.td.url) },
      { logger, transport, currency: "USD", ...(budgets === "raised" ? { concurrency: RAISED_BUDGETS.tdConcurrency } : {}) },
    ),
    createFabricProvider({ ...sims.fabric, baseUrl: new URL(sims.fabric.baseUrl), tokenUrl: new URL(sims.fabric.tokenUrl) }, { logger, transport, ...(shared ? { shared } : {}) }),
    createStullerProvider(
      { ...sims.stuller, baseUrl: new URL(holdStuller ? sims.stullerHeldUrl : sims.stuller.baseUrl) },
      { logger, transport: holdStuller ? { ...transport, headersTimeoutMs: PARKED_MS, bodyTimeoutMs: PARKED_MS } : transport },
    ),
  ];
}

export function benchCall(deadlineMs = 20_000): CallContext {
  return { signal: new AbortController().signal, deadline: Date.now() + deadlineMs, requestId: "bench-prepare", logger: rootLogger };
}

/** Answers purchase-order lookups with the captured results; nothing else is asked by the bench. */
export class PreparedProvider implements InvoiceProvider {
  constructor(
    readonly id: InvoiceProvider["id"],
    readonly maxBatchSize: number,
    /** The real provider's account identity, so the invoice cache treats both alike. */
    readonly account: string | undefined,
    private readonly byOrder: ReadonlyMap<string, PurchaseOrderResult>,
  ) {}

  async findByPurchaseOrders(numbers: readonly string[]): Promise<KeyedResults<PurchaseOrderResult>> {
    const results = new Map<string, PurchaseOrderResult>();
    for (const number of numbers) {
      const found = this.byOrder.get(number);
      if (found) results.set(number, found);
    }
    return results;
  }

  async findByNumbers(): Promise<KeyedResults<null>> {
    return new Map();
  }

  async findByRefs(): Promise<KeyedResults<null>> {
    return new Map();
  }

  /** The captured answers, for the data-floor estimate. */
  results(): ReadonlyMap<string, PurchaseOrderResult> {
    return this.byOrder;
  }
}

/** Asks each real provider for `orders` once and keeps the answers. */
export async function prepareProviders(sims: SimsInfo, orders: readonly string[]): Promise<PreparedProvider[]> {
  const real = realProviders(sims, "production", false);
  try {
    return await Promise.all(
      real.map(async (provider) => {
        const answers = await provider.findByPurchaseOrders(orders, benchCall());
        const byOrder = new Map<string, PurchaseOrderResult>();
        for (const [order, answer] of answers) {
          if (answer instanceof ProviderError) throw new Error(`${provider.id} failed for ${order} while preparing: ${answer.message}`);
          byOrder.set(order, answer);
        }
        return new PreparedProvider(provider.id, provider.maxBatchSize, provider.account, byOrder);
      }),
    );
  } finally {
    await Promise.allSettled(real.map((provider) => provider.close()));
  }
}
