// The subgraph's connection to Redis, shared by every replica for the lookup cache, the rate
// budgets, OAuth tokens and in-flight coalescing. Redis is an accelerator, never a
// dependency of an answer: every command is bounded (commandTimeout), nothing is queued
// while the connection is down (the call fails at once and its caller goes on without
// Redis), and after a failure Redis is skipped for a short cool-down so a slow or dead server
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
  /** How long Redis is skipped after a failure; default 1 s. */
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
  /** False during a cool-down after a failure or while disconnected: skip Redis. */
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

export function createRedisLink(options: RedisLinkOptions): RedisLink {
  const now = options.now ?? Date.now;
  const coolDownMs = options.coolDownMs ?? 1_000;
  const commandTimeout = options.commandTimeoutMs ?? 250;
  const prefix = options.keyPrefix ?? "invoices:";
  const connection = {
    // Fail at once while disconnected instead of queueing: the caller has a fallback.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout,
    connectTimeout: 2_000,
    // Reconnect forever, backing off to 2 s: Redis coming back ends the outage by itself.
    retryStrategy: (attempt: number) => Math.min(2_000, 50 * attempt),
    lazyConnect: false,
  };
  const client = new Redis(options.url, connection);
  let sub: Redis | null = null;
  let skipUntil = 0;
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
    skipUntil = now() + coolDownMs;
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
        const result = await work(client);
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
