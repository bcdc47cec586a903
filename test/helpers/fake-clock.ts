// A clock the test moves by hand while sockets stay real. Request deadlines, undici's
// connect/headers/body timeouts, breaker pauses and simulator delays all run on
// setTimeout/setInterval and Date, which are faked: none of them can fire while the test
// waits for real I/O, so a busy machine cannot change an outcome, and a test never sleeps
// through a timeout. What keeps real time: socket I/O, setImmediate, process.nextTick,
// performance.now and `node:timers/promises` imported by name (the transport's backoff sleep,
// which tests inject or keep in milliseconds).
//
// Install it before creating what is under test: the transport, the rate limiter and the
// token source keep the Date.now they find when they are created, so a client created
// before the clock is faked stays on real time. End with `useRealClock()` (not
// vi.useRealTimers alone), before stopping servers (the subgraph's drain polls with
// setInterval).
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

interface UndiciTimers {
  setFastTimeout(callback: () => void, delayMs: number): { clear(): void };
  /** Forgets every pending fast timer and the shared tick timer (undici exports it for tests). */
  reset(): void;
}

/**
 * undici checks its connect, headers and body timeouts on one shared tick timer (every
 * 499 ms), created with the global setTimeout when the first such timeout is armed and then
 * only refreshed. Whichever clock is current when it is created, real or fake, drives every
 * undici timeout of the process from then on; workers keep undici loaded from file to file.
 * So switching clocks forgets undici's pending timeouts and creates the tick timer afresh on
 * the new clock.
 */
function undiciTimers(): UndiciTimers {
  return createRequire(import.meta.url)("undici/lib/util/timers.js") as UndiciTimers;
}

function restartUndiciTick(): void {
  const timers = undiciTimers();
  timers.reset();
  timers.setFastTimeout(() => undefined, 1_001).clear();
}

/** undici's timeouts on real time again; test/setup.ts calls it before every file. */
export function keepUndiciFastTimersReal(): void {
  if (vi.isFakeTimers()) throw new Error("keepUndiciFastTimersReal needs real timers");
  restartUndiciTick();
}

/** Fakes timers and Date (see above), undici's timeouts included, starting at the current time or `now`. */
export function useFakeClock(now: number = Date.now()): void {
  if (vi.isFakeTimers()) throw new Error("the fake clock is already installed");
  // Forget the real tick timer while clearTimeout is still the real one.
  undiciTimers().reset();
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"], now });
  restartUndiciTick();
}

/** Real timers and Date again, undici's timeouts included. */
export function useRealClock(): void {
  vi.useRealTimers();
  keepUndiciFastTimersReal();
}

/**
 * How far to move the clock for an undici timeout of `timeoutMs` to fire: undici looks at its
 * timeouts on a 499 ms tick, so one fires up to two ticks after it is due.
 */
export function pastUndiciTimeout(timeoutMs: number): number {
  return timeoutMs + 1_000;
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
