// One upstream account's call budget (Ingram Micro: 60 calls per 60 s for the whole company)
// kept in Redis for every replica together. The budget is a sliding window over calls, as in
// the in-process limiter: a call takes a slot when it is granted (its entry scored at the end
// of its lease) and frees it `windowMs` after it finished (the release rescores it). Grants,
// the upstream's X-RateLimit-* view and pauses after a 429 live in Redis and change only
// inside Lua scripts, so replicas never race each other past the limit, and one replica's
// 429 pauses all of them until the reset.
//
// Waiters queue in this process (first in, first out); the script grants what it can and says
// when the others could start at the earliest. A waiter whose call would not fit before its
// deadline fails at once with RATE_LIMITED. Redis down or slow: the replica falls back to an
// in-process limiter at its share of the budget (the budget divided by the replicas seen
// lately) and, when Redis answers again, writes the calls it made meanwhile back into the
// shared window.
import { randomUUID } from "node:crypto";
import type { Provider } from "../__generated__/resolvers-types.js";
import type { ProviderError } from "../domain/errors.js";
import { recordBudgetRemaining } from "../observability/budget-metrics.js";
import type { RedisLink } from "../state/redis-link.js";
import { cancelledError } from "./failures.js";
import {
  DEFAULT_CALL_ROOM_MS,
  headerInt,
  InProcessRateLimiter,
  parseRateLimitReset,
  pauseAfter429,
  rateLimitedError,
  WakeTimer,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimitPermit,
  type RateLimitWaiter,
} from "./rate-limiter.js";

/** KEYS: calls (zset), state (hash). ARGV: now, limit, window, lease, id prefix, wanted. */
const ACQUIRE = `
local now = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local lease = tonumber(ARGV[4])
local want = tonumber(ARGV[6])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local s = redis.call('HMGET', KEYS[2], 'paused', 'remaining', 'reset', 'limit')
local paused = tonumber(s[1]) or 0
local remaining = tonumber(s[2])
local reset = tonumber(s[3]) or 0
local upLimit = tonumber(s[4])
if upLimit and upLimit > 0 and upLimit < limit then limit = upLimit end
if reset <= now then remaining = nil end
if paused <= now then paused = 0 end
local count = redis.call('ZCARD', KEYS[1])
local granted = 0
while granted < want and paused == 0 and count < limit and (remaining == nil or remaining > 0) do
  granted = granted + 1
  count = count + 1
  redis.call('ZADD', KEYS[1], now + lease, ARGV[5] .. ':' .. granted)
  if remaining ~= nil then remaining = remaining - 1 end
end
if granted > 0 then
  redis.call('PEXPIRE', KEYS[1], lease + window)
  if remaining ~= nil then redis.call('HSET', KEYS[2], 'remaining', remaining) end
end
local free = limit - count
if remaining ~= nil and remaining < free then free = remaining end
if paused > 0 then free = 0 end
if free < 0 then free = 0 end
local out = {granted, free}
local left = want - granted
if left > 0 then
  local entries = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
  local frees = {}
  for i = 2, #entries, 2 do
    local at = tonumber(entries[i])
    if at > now then at = now end
    frees[#frees + 1] = at + window
  end
  local starts = {}
  for k = 0, left - 1 do
    local mustFree = count - limit + 1 + k
    local at = now
    if mustFree > count then at = (starts[k - limit + 1] or now) + window
    elseif mustFree > 0 then at = frees[mustFree] or now end
    if at < paused then at = paused end
    if remaining ~= nil and k >= remaining and at < reset then at = reset end
    starts[k + 1] = at
    out[#out + 1] = at
  end
end
return out`;

/** KEYS: calls, state. ARGV: now, id, calls made, extra member prefix. */
const RELEASE = `
redis.call('ZADD', KEYS[1], 'XX', ARGV[1], ARGV[2])
for i = 2, tonumber(ARGV[3]) do redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2] .. '#' .. i) end
return 1`;

/** KEYS: calls, state. ARGV: now, window, status, upstream limit, remaining, reset at, pause until (-1: absent). */
const OBSERVE = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local status = tonumber(ARGV[3])
local upLimit = tonumber(ARGV[4])
local remaining = tonumber(ARGV[5])
local resetAt = tonumber(ARGV[6])
local pauseUntil = tonumber(ARGV[7])
if upLimit > 0 then redis.call('HSET', KEYS[2], 'limit', upLimit) end
local paused = tonumber(redis.call('HGET', KEYS[2], 'paused')) or 0
if status == 429 then
  if pauseUntil > paused then paused = pauseUntil; redis.call('HSET', KEYS[2], 'paused', paused) end
elseif remaining >= 0 then
  local untilAt = resetAt
  if untilAt < 0 then untilAt = now + window end
  if remaining == 0 and untilAt > paused then paused = untilAt; redis.call('HSET', KEYS[2], 'paused', paused) end
  local inflight = redis.call('ZCOUNT', KEYS[1], '(' .. now, '+inf')
  local budget = remaining - math.max(0, inflight - 1)
  if budget < 0 then budget = 0 end
  local storedReset = tonumber(redis.call('HGET', KEYS[2], 'reset')) or 0
  local storedRemaining = tonumber(redis.call('HGET', KEYS[2], 'remaining'))
  if storedReset <= now or storedRemaining == nil then
    redis.call('HSET', KEYS[2], 'remaining', budget, 'reset', untilAt)
  elseif budget < storedRemaining then
    redis.call('HSET', KEYS[2], 'remaining', budget)
  end
end
local reset = tonumber(redis.call('HGET', KEYS[2], 'reset')) or 0
local keep = math.max(paused, reset, now) - now + window
redis.call('PEXPIRE', KEYS[2], keep)
return paused`;

/** KEYS: calls. ARGV: window, then pairs of (score, member). */
const RESTORE = `
for i = 2, #ARGV, 2 do redis.call('ZADD', KEYS[1], 'NX', ARGV[i], ARGV[i + 1]) end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]) * 2)
return 1`;

export interface SharedRateLimiterOptions extends RateLimiterOptions {
  readonly link: RedisLink;
  /** Identifies the upstream account (a hash: no secret, no account number). */
  readonly key: string;
  /** Replicas seen lately (at least 1): the fallback's share of the budget is limit / replicas. */
  readonly replicas: () => number;
  /** Longest a granted call may hold its slot if its replica dies mid-call; default 30 s. */
  readonly leaseMs?: number;
}

interface Waiter extends RateLimitWaiter {
  resolve(permit: RateLimitPermit): void;
  reject(error: ProviderError): void;
  onAbort(): void;
}

export class SharedRateLimiter implements RateLimiter {
  private readonly provider: Provider;
  private readonly link: RedisLink;
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly maxResetMs: number;
  private readonly leaseMs: number;
  private readonly callRoomMs: number;
  private readonly now: () => number;
  private readonly replicas: () => number;
  private readonly keys: readonly [string, string];
  private readonly fallback: InProcessRateLimiter;
  private queue: Waiter[] = [];
  private pumping = false;
  private again = false;
  private readonly timer = new WakeTimer(() => this.pump());
  /** Earliest time a call could start, as last seen (for retryAfterSeconds). */
  private blockedUntil = 0;
  private outage = false;
  private readonly member = randomUUID();
  private sequence = 0;

  constructor(options: SharedRateLimiterOptions) {
    this.provider = options.provider;
    this.link = options.link;
    this.limit = Math.max(1, Math.floor(options.limit ?? 60));
    this.windowMs = Math.max(1, options.windowMs ?? 60_000);
    this.maxResetMs = options.maxResetMs ?? 120_000;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.callRoomMs = Math.max(0, options.callRoomMs ?? DEFAULT_CALL_ROOM_MS);
    this.now = options.now ?? Date.now;
    this.replicas = options.replicas;
    const base = `${options.link.prefix}budget:${options.key}`;
    this.keys = [`${base}:calls`, `${base}:state`];
    this.fallback = new InProcessRateLimiter({ ...options, limit: this.limit });
  }

  acquire(waiter: RateLimitWaiter): Promise<RateLimitPermit> {
    if (waiter.signal.aborted) return Promise.reject(cancelledError(this.provider));
    // While Redis is away the pump finds out at once (and counts it) and hands waiters to the fallback.
    return new Promise<RateLimitPermit>((resolve, reject) => {
      const entry: Waiter = {
        deadline: waiter.deadline,
        signal: waiter.signal,
        resolve,
        reject,
        onAbort: () => {
          this.queue = this.queue.filter((w) => w !== entry);
          reject(this.now() >= entry.deadline ? this.limitedError(this.retryAfterSeconds()) : cancelledError(this.provider));
        },
      };
      waiter.signal.addEventListener("abort", entry.onAbort, { once: true });
      this.queue.push(entry);
      this.pump();
    });
  }

  observe(status: number, headers: Readonly<Record<string, string>>): void {
    this.fallback.observe(status, headers);
    const now = this.now();
    const limit = headerInt(headers["x-ratelimit-limit"]);
    const remaining = headerInt(headers["x-ratelimit-remaining"]);
    const resetAt = parseRateLimitReset(headers["x-ratelimit-reset"], now, this.maxResetMs);
    let pauseUntil = -1;
    if (status === 429) {
      pauseUntil = pauseAfter429(headers, now, this.windowMs, this.maxResetMs);
      this.blockedUntil = Math.max(this.blockedUntil, pauseUntil);
    } else if (remaining === 0) this.blockedUntil = Math.max(this.blockedUntil, resetAt ?? now + this.windowMs);
    const args = [now, this.windowMs, status, limit ?? -1, remaining ?? -1, resetAt ?? -1, pauseUntil].map(String);
    this.link
      .run("budget-observe", (redis) => redis.eval(OBSERVE, 2, ...this.keys, ...args))
      .catch(() => {})
      .finally(() => this.pump());
  }

  retryAfterSeconds(): number {
    const now = this.now();
    if (this.outage) return this.fallback.retryAfterSeconds();
    return Math.max(1, Math.ceil((Math.max(this.blockedUntil, now) - now) / 1000));
  }

  /** This replica's share while Redis is away. */
  private viaFallback(waiter: RateLimitWaiter): Promise<RateLimitPermit> {
    if (!this.outage) {
      this.outage = true;
      this.fallback.setLimit(Math.max(1, Math.floor(this.limit / Math.max(1, this.replicas()))));
    }
    recordBudgetRemaining(this.provider, this.fallback.remaining());
    return this.fallback.acquire(waiter);
  }

  /** Asks Redis for as many slots as there are waiters; serialized, re-run when asked meanwhile. */
  private pump(): void {
    if (this.pumping) {
      this.again = true;
      return;
    }
    if (this.queue.length === 0) return;
    this.pumping = true;
    this.again = false;
    void this.acquireFromRedis()
      .catch(() => {
        // Redis failed (RedisUnavailable, or a reply of an unexpected shape): everyone queued
        // here goes to the in-process share.
        const waiting = this.queue;
        this.queue = [];
        for (const w of waiting) {
          w.signal.removeEventListener("abort", w.onAbort);
          this.viaFallback(w).then(w.resolve, w.reject);
        }
      })
      .finally(() => {
        this.pumping = false;
        if (this.again) this.pump();
      });
  }

  private async acquireFromRedis(): Promise<void> {
    if (this.outage) await this.endOutage();
    const want = Math.min(this.queue.length, 200);
    const prefix = `${this.member}:${++this.sequence}`;
    const now = this.now();
    const reply = (await this.link.run("budget-acquire", (redis) =>
      redis.eval(ACQUIRE, 2, ...this.keys, String(now), String(this.limit), String(this.windowMs), String(this.leaseMs), prefix, String(want)),
    )) as number[];
    const granted = Number(reply[0] ?? 0);
    recordBudgetRemaining(this.provider, Number(reply[1] ?? 0));
    const served = this.queue.splice(0, granted);
    served.forEach((w, i) => this.grant(w, `${prefix}:${i + 1}`));
    const starts = reply.slice(2).map(Number);
    this.blockedUntil = starts[0] ?? now;
    const kept: Waiter[] = [];
    this.queue.forEach((w, k) => {
      const at = starts[k] ?? starts[starts.length - 1] ?? now;
      // Other replicas compete for the same slots, so `at` is only the earliest possible start.
      if (at + this.callRoomMs < w.deadline) kept.push(w);
      else {
        w.signal.removeEventListener("abort", w.onAbort);
        w.reject(this.limitedError(Math.ceil((at - now) / 1000)));
      }
    });
    this.queue = kept;
    this.timer.set(now, kept.length === 0 ? null : Math.min(starts[0] ?? now, ...kept.map((w) => w.deadline - this.callRoomMs)));
  }

  /** Redis answers again: the calls this replica made meanwhile join the shared window. */
  private async endOutage(): Promise<void> {
    const calls = this.fallback.recentCalls();
    const args = calls.flatMap((at, i) => [String(at), `${this.member}:outage:${this.sequence}:${i}`]);
    if (args.length > 0) await this.link.run("budget-restore", (redis) => redis.eval(RESTORE, 1, this.keys[0], String(this.windowMs), ...args));
    this.outage = false;
  }

  private grant(waiter: Waiter, id: string): void {
    waiter.signal.removeEventListener("abort", waiter.onAbort);
    let released = false;
    waiter.resolve({
      release: (calls = 1) => {
        if (released) return;
        released = true;
        const args = [String(this.now()), id, String(Math.max(1, calls))];
        // Not released in Redis: the slot stays taken until its lease ends (never too few counted).
        this.link.run("budget-release", (redis) => redis.eval(RELEASE, 2, ...this.keys, ...args)).catch(() => {});
      },
    });
  }

  private limitedError(retryAfterSeconds: number): ProviderError {
    return rateLimitedError(this.provider, `${this.limit} calls per ${this.windowMs / 1000} s for every replica together`, retryAfterSeconds);
  }
}
