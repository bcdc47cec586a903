// What replicas share: the lookup cache's store, the coordination of calls under way, the
// rate budgets of upstream accounts, and OAuth tokens (kept in the store). Built once by the
// composition root (main.ts, the sandbox, tests) and handed to what needs it; nothing here
// is a module-level singleton. Without REDIS_URL all of it lives in this process (one
// replica); with it, in Redis for every replica, with in-process fallbacks while Redis is away.
import { randomUUID } from "node:crypto";
import { MemoryEntryStore, type MemoryStoreOptions } from "../cache/memory-store.js";
import { InProcessRateLimiter, type RateLimiter, type RateLimiterOptions } from "../http/rate-limiter.js";
import { SharedRateLimiter } from "../http/shared-rate-limiter.js";
import type { Logger } from "../observability/logger.js";
import { LOCAL_COORDINATION, type Coordination } from "./coordination.js";
import type { EntryStore } from "./entry-store.js";
import { redisCoordination } from "./redis-coordination.js";
import { createRedisLink, type RedisLink } from "./redis-link.js";
import { redisEntryStore } from "./redis-store.js";

export interface SharedState {
  /** "process": one replica's own state; "redis": shared by every replica. */
  readonly mode: "process" | "redis";
  readonly store: EntryStore;
  readonly coordination: Coordination;
  /** The call budget of one upstream account; the same key gives the same limiter. */
  rateLimiter(key: string, options: RateLimiterOptions): RateLimiter;
  close(): Promise<void>;
}

export function processState(options: MemoryStoreOptions = {}): SharedState {
  const limiters = new Map<string, RateLimiter>();
  return {
    mode: "process",
    store: new MemoryEntryStore(options),
    coordination: LOCAL_COORDINATION,
    rateLimiter(key, limiterOptions) {
      let limiter = limiters.get(key);
      if (limiter === undefined) {
        limiter = new InProcessRateLimiter({ now: options.now, ...limiterOptions });
        limiters.set(key, limiter);
      }
      return limiter;
    },
    close: async () => {},
  };
}

export interface RedisStateOptions {
  readonly url: string;
  readonly logger: Logger;
  readonly now?: () => number;
  /** Bound of every Redis command; default 250 ms. */
  readonly commandTimeoutMs?: number;
  /** How often a replica announces itself (the fallback share counts replicas); default 10 s. */
  readonly heartbeatMs?: number;
  /** Key prefix; default "invoices:" (tests give each their own). */
  readonly keyPrefix?: string;
  /** How often a waiter for another replica's call looks again; default 200 ms. */
  readonly pollMs?: number;
}

export function redisState(options: RedisStateOptions): SharedState & { readonly link: RedisLink; replicasSeen(): number } {
  const now = options.now ?? Date.now;
  const link = createRedisLink({ url: options.url, logger: options.logger, commandTimeoutMs: options.commandTimeoutMs, keyPrefix: options.keyPrefix, now });
  const coordination = redisCoordination(link, { pollMs: options.pollMs });
  const limiters = new Map<string, RateLimiter>();
  const replicaId = randomUUID();
  const heartbeatMs = options.heartbeatMs ?? 10_000;
  const replicasKey = `${link.prefix}replicas`;
  let replicas = 1;

  async function heartbeat(): Promise<void> {
    const at = now();
    const count = await link.run("heartbeat", async (redis) => {
      const results = (await redis
        .pipeline()
        .zadd(replicasKey, at, replicaId)
        .zremrangebyscore(replicasKey, "-inf", at - 3 * heartbeatMs)
        .zcard(replicasKey)
        .pexpire(replicasKey, 3 * heartbeatMs)
        .exec()) ?? [];
      return Number(results[2]?.[1] ?? 1);
    });
    replicas = Math.max(1, count);
  }
  const beat = () => void heartbeat().catch(() => {});
  link.client.once("ready", beat);
  const timer = setInterval(beat, heartbeatMs);
  timer.unref();

  return {
    mode: "redis",
    link,
    store: redisEntryStore(link),
    coordination,
    replicasSeen: () => replicas,
    rateLimiter(key, limiterOptions) {
      let limiter = limiters.get(key);
      if (limiter === undefined) {
        limiter = new SharedRateLimiter({ now, ...limiterOptions, link, key, replicas: () => replicas });
        limiters.set(key, limiter);
      }
      return limiter;
    },
    async close() {
      clearInterval(timer);
      coordination.close();
      await link.run("leave", (redis) => redis.zrem(replicasKey, replicaId)).catch(() => {});
      await link.close();
    },
  };
}
