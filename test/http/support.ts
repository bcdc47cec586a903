// Shared set-up for the transport tests: short timeouts and a millisecond-scale retry policy so
// every scenario runs against a real loopback server in well under a second.
import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../src/observability/logger.js";
import type { CallContext } from "../../src/providers/types.js";
import { createTransport, type Transport, type TransportOptions } from "../../src/http/transport.js";

export const silentLogger: Logger = createLogger({ level: "silent" });

/**
 * Millisecond-scale backoff and second-scale timeouts, so the provider tests' fault scenarios
 * cost little wall time; shared by every provider's test support.
 */
export const FAST_TRANSPORT = {
  connectTimeoutMs: 1_000,
  headersTimeoutMs: 2_000,
  bodyTimeoutMs: 2_000,
  retry: { baseDelayMs: 5, maxDelayMs: 20, retryAfterUnitMs: 10 },
} as const satisfies Partial<TransportOptions>;

/** A transport tuned for tests; closed by `closeAll()` in afterEach. */
const open: Transport[] = [];
export function testTransport(overrides: Partial<TransportOptions> = {}): Transport {
  const transport = createTransport({
    provider: "INGRAM_MICRO",
    connectTimeoutMs: 1_000,
    headersTimeoutMs: 2_000,
    bodyTimeoutMs: 2_000,
    ...overrides,
    retry: { baseDelayMs: 5, maxDelayMs: 20, retryAfterUnitMs: 10, ...overrides.retry },
  });
  open.push(transport);
  return transport;
}

export async function closeAll(): Promise<void> {
  await Promise.all(open.splice(0).map((transport) => transport.close()));
}

export function callContext(options: { deadlineInMs?: number; signal?: AbortSignal; logger?: Logger } = {}): CallContext {
  return {
    signal: options.signal ?? new AbortController().signal,
    deadline: Date.now() + (options.deadlineInMs ?? 5_000),
    requestId: "req-test-1",
    logger: options.logger ?? silentLogger,
  };
}

/** A debug-level logger whose JSON lines land in `lines`. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  return { logger: createLogger({ level: "debug", destination }), lines };
}

/** The rejection of `promise`, failing the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}
