// The real Ingram Micro provider against its simulator on loopback, tuned for tests: short
// timeouts and a millisecond-scale retry backoff. Every simulator and provider started here
// is closed by `closeIngram()` (call it in afterEach).
import type { IngramConfig } from "../../../src/config.js";
import type { Logger } from "../../../src/observability/logger.js";
import { createIngramMicroProvider, type IngramProviderOptions } from "../../../src/providers/ingram-micro/index.js";
import type { CallContext, InvoiceProvider } from "../../../src/providers/types.js";
import { startIngramMicroSimulator, type IngramSimulator, type IngramSimulatorOptions } from "../../../src/sandbox/ingram-micro/index.js";
import { FAST_TRANSPORT, silentLogger } from "../../http/support.js";

export interface IngramHarness {
  readonly sim: IngramSimulator;
  readonly provider: InvoiceProvider & { close(): Promise<void> };
}

const open: Array<{ close(): Promise<void> }> = [];

/** The slow-headers and stalled-body faults of these tests are tuned to 1 s timeouts. */
export const TEST_TRANSPORT = { ...FAST_TRANSPORT, headersTimeoutMs: 1_000, bodyTimeoutMs: 1_000 };

export async function startIngram(
  simOptions: IngramSimulatorOptions = {},
  providerOptions: Partial<IngramProviderOptions> = {},
  /** Overrides of the configuration the provider gets (the simulator keeps its own account). */
  config: Partial<IngramConfig> = {},
): Promise<IngramHarness> {
  const sim = await startIngramMicroSimulator(simOptions);
  open.push(sim);
  const provider = createIngramMicroProvider({ ...sim.credentials, ...config }, { logger: silentLogger, transport: TEST_TRANSPORT, ...providerOptions });
  open.push(provider);
  return { sim, provider };
}

export async function closeIngram(): Promise<void> {
  // Providers first (they were pushed after their simulator), so no socket outlives its server.
  for (const item of open.splice(0).reverse()) await item.close();
}

/** One GraphQL request's call context (the memo of details is keyed by it). */
export function requestContext(options: { deadlineInMs?: number; logger?: Logger; signal?: AbortSignal } = {}): CallContext {
  return {
    signal: options.signal ?? new AbortController().signal,
    deadline: Date.now() + (options.deadlineInMs ?? 5_000),
    requestId: `req-${Math.random().toString(36).slice(2, 10)}`,
    logger: options.logger ?? silentLogger,
  };
}

/** Detail and search paths the simulator saw, in order ("detail 20-12345-11", "search PO-1001 p1", "search invoice 201234511"). */
export function apiCalls(sim: IngramSimulator): string[] {
  return sim.apiRequests().map((r) => {
    if (r.kind === "detail") return `detail ${decodeURIComponent(r.path.slice(r.path.lastIndexOf("/") + 1))}`;
    if (r.query["invoiceNumber"] !== undefined) return `search invoice ${r.query["invoiceNumber"]}`;
    return `search ${r.query["customerOrderNumber"]} p${r.query["pageNumber"]}`;
  });
}
