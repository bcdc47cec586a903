// Coordination on Redis. A claim is `SET flight:<key> <token> NX PX <lease>`: the lease ends
// by itself if its holder dies. The holder ends it with one script that deletes the claim
// (only its own), leaves how a failure ended for a few seconds, and publishes the end on one
// channel every replica listens to. Waiters register before they look, so a publish cannot
// slip between the look and the wait, and they also look again every `pollMs` (a replica
// that missed a message, or a holder that vanished, never leaves a waiter hanging). Any Redis
// failure makes the claim won and the wait lapse: the caller then calls the provider itself.
// An end the holder could not say (its Redis calls failing or skipped for a moment) is said
// again every `pollMs` until Redis takes it or the lease has ended anyway.
import { randomUUID } from "node:crypto";
import type { Coordination, FlightEnd, SharedFailure } from "./coordination.js";
import { RedisUnavailable, type RedisLink } from "./redis-link.js";

const FINISH = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
if ARGV[2] ~= '' then redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[4]) end
redis.call('PUBLISH', ARGV[3], ARGV[5])
return 1`;

/** How long a failed flight's outcome stays readable for waiters that missed the message. */
const FAILURE_KEPT_MS = 5_000;

interface Message {
  readonly key: string;
  readonly failure: SharedFailure | null;
}

export interface RedisCoordinationOptions {
  /** How often a waiter looks again without a message; default 200 ms. */
  readonly pollMs?: number;
}

export function redisCoordination(link: RedisLink, options: RedisCoordinationOptions = {}): Coordination & { close(): void } {
  const pollMs = options.pollMs ?? 200;
  const channel = `${link.prefix}flights`;
  const claimKey = (key: string) => `${link.prefix}flight:${key}`;
  const failureKey = (key: string) => `${link.prefix}flight-failed:${key}`;
  // One token per process and claim: only the holder's own claim is ever deleted.
  const owner = randomUUID();
  let sequence = 0;
  /** Claims this process holds: token, and when the lease ends by itself. */
  const held = new Map<string, { readonly token: string; readonly until: number }>();
  /** Ends of flights waiting for Redis to take calls again (see `finish`). */
  const retries = new Set<NodeJS.Timeout>();
  const waiters = new Map<string, Set<(end: FlightEnd) => void>>();
  let subscribed = false;

  function listen(): void {
    if (subscribed) return;
    subscribed = true;
    const subscriber = link.subscriber();
    subscriber.on("message", (from: string, text: string) => {
      if (from !== channel) return;
      const message = parseMessage(text);
      if (message === null) return;
      const end: FlightEnd = message.failure === null ? { kind: "done" } : { kind: "failed", failure: message.failure };
      for (const resolve of waiters.get(message.key) ?? []) resolve(end);
    });
    // A failed subscription leaves the waiters on polling alone.
    subscriber.subscribe(channel).catch(() => {});
  }

  /** Tries `say` every `pollMs` while Redis is unavailable, until it succeeds or the claim's lease has ended anyway. */
  function sayLater(say: () => Promise<unknown>, until: number): void {
    const timer = setTimeout(() => {
      retries.delete(timer);
      if (Date.now() >= until) return;
      if (!link.available()) return sayLater(say, until);
      say().catch(() => sayLater(say, until));
    }, pollMs);
    timer.unref();
    retries.add(timer);
  }

  /** How the claim on `key` stands now: still held (null) or ended (how). */
  async function look(key: string): Promise<FlightEnd | null> {
    const [held, failure] = await link.run("flight-look", async (redis) => {
      const results = (await redis.pipeline().exists(claimKey(key)).get(failureKey(key)).exec()) ?? [];
      return [results[0]?.[1], results[1]?.[1]] as const;
    });
    if (held === 1) return null;
    const parsed = typeof failure === "string" ? parseFailure(failure) : null;
    return parsed === null ? { kind: "done" } : { kind: "failed", failure: parsed };
  }

  return {
    shared: true,
    async claim(keys, leaseMs) {
      if (keys.length === 0) return new Set();
      const tokens = keys.map(() => `${owner}:${++sequence}`);
      const until = Date.now() + leaseMs;
      try {
        const results = await link.run("flight-claim", async (redis) => {
          const pipeline = redis.pipeline();
          keys.forEach((key, i) => pipeline.set(claimKey(key), tokens[i] as string, "PX", Math.max(1, Math.ceil(leaseMs)), "NX"));
          return (await pipeline.exec()) ?? [];
        });
        const won = new Set<string>();
        keys.forEach((key, i) => {
          if (results[i]?.[1] === "OK") {
            won.add(key);
            held.set(key, { token: tokens[i] as string, until });
          }
        });
        return won;
      } catch (error) {
        if (error instanceof RedisUnavailable) return new Set(keys);
        throw error;
      }
    },
    async finish(key, failure) {
      const claim = held.get(key);
      held.delete(key);
      const message = JSON.stringify({ key, failure } satisfies Message);
      const say = () =>
        link.run("flight-finish", (redis) =>
          redis.eval(FINISH, 2, claimKey(key), failureKey(key), claim?.token ?? "", failure === null ? "" : JSON.stringify(failure), channel, String(FAILURE_KEPT_MS), message),
        );
      try {
        await say();
      } catch (error) {
        if (!(error instanceof RedisUnavailable)) throw error;
        // Unsaid, our claim would stand until its lease ends and every replica waiting for the
        // key would wait that long (up to its deadline). Say it once Redis takes calls again.
        if (claim !== undefined) sayLater(say, claim.until);
      }
    },
    async awaitFinish(key, signal) {
      listen();
      let wake: (end: FlightEnd) => void = () => {};
      const ended = new Promise<FlightEnd>((resolve) => (wake = resolve));
      const set = waiters.get(key) ?? new Set();
      set.add(wake);
      waiters.set(key, set);
      const onAbort = () => wake({ kind: "aborted" });
      signal.addEventListener("abort", onAbort, { once: true });
      let timer: NodeJS.Timeout | undefined;
      try {
        if (signal.aborted) return { kind: "aborted" };
        for (;;) {
          const now = await look(key);
          if (now !== null) return now;
          const tick = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), pollMs)));
          const end = await Promise.race([ended, tick]);
          clearTimeout(timer);
          if (end !== null) return end;
        }
      } catch (error) {
        if (error instanceof RedisUnavailable) return { kind: "lapsed" };
        throw error;
      } finally {
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        set.delete(wake);
        if (set.size === 0) waiters.delete(key);
      }
    },
    close() {
      for (const timer of retries) clearTimeout(timer);
      retries.clear();
      for (const set of waiters.values()) for (const resolve of set) resolve({ kind: "lapsed" });
      waiters.clear();
    },
  };
}

function parseMessage(text: string): Message | null {
  try {
    const value = JSON.parse(text) as { key?: unknown; failure?: unknown };
    if (typeof value.key !== "string") return null;
    return { key: value.key, failure: value.failure === null ? null : parseFailure(JSON.stringify(value.failure)) };
  } catch {
    return null;
  }
}

function parseFailure(text: string): SharedFailure | null {
  try {
    const value = JSON.parse(text) as { code?: unknown; message?: unknown; retryAfterSeconds?: unknown };
    if (typeof value.code !== "string" || typeof value.message !== "string") return null;
    const retry = typeof value.retryAfterSeconds === "number" && Number.isFinite(value.retryAfterSeconds) ? value.retryAfterSeconds : null;
    return { code: value.code, message: value.message, retryAfterSeconds: retry };
  } catch {
    return null;
  }
}
