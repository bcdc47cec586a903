// A clock the test moves by hand while sockets stay real. Deadlines, timeouts, breaker pauses
// and simulator delays run on setTimeout/setInterval and Date, which are faked: none of them
// can fire while the test waits for real I/O, so a busy machine cannot change an outcome, and
// a test never sleeps through a timeout. What keeps real time: socket I/O, setImmediate,
// process.nextTick, performance.now and `node:timers/promises` imported by name (the
// transport's backoff sleep, which tests inject or keep in milliseconds).
//
// Install it before creating what is under test: the transport, the rate limiter and the
// token source keep the Date.now they find when they are created, so a client created
// before the clock is faked stays on real time. Restore real timers before stopping servers
// (the subgraph's drain polls with setInterval).
//
// The usual shape: start the operation, wait (in real time) until the I/O it needs has
// happened (`until`), check it is still pending, move the clock past the deadline or timeout
// (`vi.advanceTimersByTime`), then take its outcome (`settle`). The real-time limits below are
// safety nets that name what never happened, not measurements.
import { createRequire } from "node:module";
import { vi } from "vitest";

// Captured when the test file is imported, before any test can install fake timers.
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

/** Longest real wait for I/O on loopback before a helper gives up; generous for a loaded machine. */
export const REAL_WAIT_LIMIT_MS = 15_000;

/**
 * undici runs timeouts above one second on one shared timer, created on first use and then
 * only refreshed. Created under fake timers, it would be a fake that never fires once real
 * timers are back, and every later headers/body timeout of this worker would never fire
 * (workers keep node_modules loaded from file to file). Creating it now, with real timers,
 * keeps it real. Exported for test/setup.ts, which also clears what an earlier file left.
 */
export function keepUndiciFastTimersReal(options: { reset?: boolean } = {}): void {
  if (vi.isFakeTimers()) throw new Error("keepUndiciFastTimersReal needs real timers");
  const require = createRequire(import.meta.url);
  const timers = require("undici/lib/util/timers.js") as {
    setFastTimeout(callback: () => void, delayMs: number): { clear(): void };
    reset(): void;
  };
  if (options.reset) timers.reset();
  timers.setFastTimeout(() => undefined, 1_001).clear();
}

/** Fakes timers and Date (see above), starting at the current time or `now`. */
export function useFakeClock(now: number = Date.now()): void {
  keepUndiciFastTimersReal();
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"], now });
}

/** Resolves after `ms` of real time, fake timers or not. */
export function realDelay(ms: number): Promise<void> {
  return new Promise((resolve) => realSetTimeout(resolve, ms));
}

/** Waits in real time, while the fake clock stands still, until `condition` holds. */
export async function until(condition: () => boolean, what: string, limitMs = REAL_WAIT_LIMIT_MS): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > limitMs) throw new Error(`still waiting after ${limitMs} ms of real time: ${what}`);
    await realDelay(2);
  }
}

/** The outcome of `promise`, waiting in real time (the fake clock does not move). */
export async function settle<T>(promise: Promise<T>, what: string, limitMs = REAL_WAIT_LIMIT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = realSetTimeout(() => reject(new Error(`still waiting after ${limitMs} ms of real time: ${what}`)), limitMs);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    realClearTimeout(timer);
  }
}

/** Tracks whether a promise has settled, without consuming its outcome. */
export function watch<T>(promise: Promise<T>): { readonly promise: Promise<T>; settled(): boolean } {
  let done = false;
  const watched = promise.finally(() => {
    done = true;
  });
  return { promise: watched, settled: () => done };
}
