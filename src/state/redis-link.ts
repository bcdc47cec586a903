// The subgraph's connection to Redis, shared by every replica for the lookup cache, the rate
// budgets, OAuth tokens and in-flight coalescing. Redis is an accelerator, never a
// dependency of an answer: every command is bounded (commandTimeout), nothing is queued
// while the connection is down (the call fails at once and its caller goes on without
// Redis), and after three failures in a row Redis is skipped for a short cool-down so a slow or dead server
// costs one bounded wait, not one per call. ioredis reconnects by itself; the first command
// that succeeds after the cool-down ends the outage. Failures are counted per operation and
// logged at most once a minute.
import { Redis } from "ioredis";
import { Counter, Gauge } from "prom-client";
import type { Logger } from "../observability/logger.js";
import { metricsRegistry } from "../observability/metrics.js";

export interface RedisLinkOptions {
  readonly url: string;
  readonly logger: Logger;
  /** Longest any one command may take; default 250 ms. */
  readonly commandTimeoutMs?: number;
  /** How long Redis is skipped after three failed calls in a row; default 1 s. */
  readonly coolDownMs?: number;
  /** Key prefix of everything this subgraph writes; default "invoices:". */
  readonly keyPrefix?: string;
  readonly now?: () => number;
}

/** Why a Redis call did not give an answer: the caller falls back to its in-process behaviour. */
export class RedisUnavailable extends Error {
  override readonly name = "RedisUnavailable";
}

export interface RedisLink {
  /** The command connection (keys are written with `prefix`). */
  readonly client: Redis;
  readonly prefix: string;
  /** False during a cool-down after failures in a row, or while disconnected: skip Redis. */
  available(): boolean;
  /**
   * Runs `work` against Redis when it is available; a failure (or an unavailable Redis)
   * rejects with RedisUnavailable after being counted and logged (once a minute).
   */
  run<T>(operation: string, work: (client: Redis) => Promise<T>): Promise<T>;
  /** A second connection in subscriber mode (created on first use). */
  subscriber(): Redis;
  close(): Promise<void>;
}

const errors = new Counter({
  name: "invoices_redis_errors_total",
  help: "Redis calls that failed or were skipped while Redis was unavailable; the request went on without Redis. By operation.",
  labelNames: ["operation"] as const,
  registers: [metricsRegistry],
});

const up = new Gauge({
  name: "invoices_redis_available",
  help: "1 while the shared Redis answers, 0 during an outage (the subgraph runs on its in-process fallbacks).",
  registers: [metricsRegistry],
});

const WARN_INTERVAL_MS = 60_000;
/** Failed calls in a row after which Redis is skipped for the cool-down. */
const FAILURES_BEFORE_COOL_DOWN = 3;
/** The bound of every Redis call unless configured otherwise. */
export const DEFAULT_REDIS_COMMAND_TIMEOUT_MS = 250;
/** The least time ioredis itself keeps an unanswered command (a backstop behind `bounded`). */
const BACKSTOP_MS = 10_000;

/**
 * `work`'s result, or a "Command timed out" rejection once Redis has not answered within `ms`.
 * The bound is Redis's, not this process's: when this process's event loop was busy longer
 * than `ms` (a burst of work, a CPU-starved container), the timer and Redis's answer are both
 * due when it comes back, and timers run before socket reads in a turn of the event loop. So
 * the timeout is decided one step later (setImmediate runs after the turn's socket reads): an
 * answer already waiting wins. Without this, every long pause of the event loop looked like a
 * Redis outage (a second without sharing, duplicate upstream calls, claims left to expire).
 */
function bounded<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => {
      setImmediate(() => {
        if (done) return;
        done = true;
        reject(new Error("Command timed out"));
      });
    }, ms);
    work.then(
      (value) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

export function createRedisLink(options: RedisLinkOptions): RedisLink {
  const now = options.now ?? Date.now;
  const coolDownMs = options.coolDownMs ?? 1_000;
  const commandTimeout = options.commandTimeoutMs ?? DEFAULT_REDIS_COMMAND_TIMEOUT_MS;
  const prefix = options.keyPrefix ?? "invoices:";
  const connection = {
    // Fail at once while disconnected instead of queueing: the caller has a fallback.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // `run` keeps the bound (see `bounded`); this only lets ioredis drop a command Redis never answers.
    commandTimeout: Math.max(BACKSTOP_MS, 10 * commandTimeout),
    connectTimeout: 2_000,
    // Reconnect forever, backing off to 2 s: Redis coming back ends the outage by itself.
    retryStrategy: (attempt: number) => Math.min(2_000, 50 * attempt),
    lazyConnect: false,
  };
  const client = new Redis(options.url, connection);
  let sub: Redis | null = null;
  let skipUntil = 0;
  let failuresInARow = 0;
  let lastWarnedAt = Number.NEGATIVE_INFINITY;
  up.set(0);

  // A connection error is reported by the commands that fail; the event only needs a listener
  // (an unhandled 'error' event would crash the process).
  const quiet = (): void => {};
  client.on("error", quiet);
  client.on("ready", () => up.set(1));
  client.on("end", () => up.set(0));

  function failed(operation: string, error: unknown): never {
    errors.inc({ operation });
    up.set(0);
    // One slow answer is a hiccup (each call is bounded anyway); several in a row are an outage,
    // and then Redis is skipped for a while so each request does not pay the bound again.
    failuresInARow += 1;
    if (failuresInARow >= FAILURES_BEFORE_COOL_DOWN) skipUntil = now() + coolDownMs;
    const at = now();
    if (at - lastWarnedAt >= WARN_INTERVAL_MS) {
      lastWarnedAt = at;
      // The URL is never logged: it may carry a password.
      options.logger.warn({ operation, err: error instanceof Error ? { message: error.message, name: error.name } : String(error) }, "Redis call failed; going on without Redis until it answers again (logged at most once a minute)");
    }
    throw new RedisUnavailable(`Redis ${operation} failed`, { cause: error });
  }

  return {
    client,
    prefix,
    available: () => client.status === "ready" && now() >= skipUntil,
    async run(operation, work) {
      if (client.status !== "ready" || now() < skipUntil) {
        errors.inc({ operation });
        throw new RedisUnavailable(`Redis is unavailable (${operation} skipped)`);
      }
      try {
        const result = await bounded(work(client), commandTimeout);
        failuresInARow = 0;
        up.set(1);
        return result;
      } catch (error) {
        return failed(operation, error);
      }
    },
    subscriber() {
      if (sub === null) {
        sub = new Redis(options.url, { ...connection, commandTimeout: undefined, enableOfflineQueue: true });
        sub.on("error", quiet);
      }
      return sub;
    },
    async close() {
      const connections = [client, ...(sub === null ? [] : [sub])];
      await Promise.allSettled(connections.map((c) => c.quit().catch(() => c.disconnect())));
      for (const c of connections) c.disconnect();
    },
  };
}
