// Client-side rate limiting for upstreams with a hard call budget (Ingram Micro: 60 calls per
// 60 s per API app, and no call at all until the reset after a 429). The interface is what a
// provider sees, so a shared multi-replica store (Redis) can replace the in-process limiter.
//
// The in-process limiter is a sliding window over *completions*: a call occupies a slot from
// the moment it is granted until `windowMs` after it finished. The upstream counts a call
// when it arrives, which is after we granted it and before it finished, so "at most `limit`
// completions in any window" implies "at most `limit` arrivals in any window" whatever the
// network jitter. On top of that it follows the upstream's own view: X-RateLimit-Limit can
// lower the limit, X-RateLimit-Remaining caps the calls until X-RateLimit-Reset, and a 429 or
// Remaining 0 pauses every caller until the reset. Waiters are served first in, first out by
// one unref'd timer; a waiter whose earliest possible start is at or past its deadline fails
// at once with RATE_LIMITED and retryAfterSeconds instead of hanging.
import type { Provider } from "../__generated__/resolvers-types.js";
import { ProviderError, providerLabel } from "../domain/errors.js";
import { recordBudgetRemaining } from "../observability/budget-metrics.js";
import { cancelledError } from "./failures.js";
import { parseRetryAfter } from "./retry-policy.js";

/** What a waiting call brings: the request deadline and its abort signal. */
export interface RateLimitWaiter {
  readonly deadline: number;
  readonly signal: AbortSignal;
}

export interface RateLimitPermit {
  /** The call is over; `calls` upstream calls (transport retries included; default 1) start their window now. */
  release(calls?: number): void;
}

export interface RateLimiter {
  /** A slot for one call, in FIFO order; rejects with RATE_LIMITED when none frees before the deadline. */
  acquire(waiter: RateLimitWaiter): Promise<RateLimitPermit>;
  /** Every upstream response (429 and 5xx included): status and lower-cased headers. */
  observe(status: number, headers: Readonly<Record<string, string>>): void;
  /** Whole seconds (at least 1) before a call asked for now could start. */
  retryAfterSeconds(): number;
}

export interface RateLimiterOptions {
  readonly provider: Provider;
  /** Calls per window; default 60. */
  readonly limit?: number;
  /** Window length; default 60 s. */
  readonly windowMs?: number;
  /** Longest pause a Reset header may impose; default 120 s. */
  readonly maxResetMs?: number;
  /**
   * Time a call needs once it may start: a waiter whose start would leave less than this
   * before its deadline fails at once rather than waiting; default 2 s.
   */
  readonly callRoomMs?: number;
  readonly now?: () => number;
}

export const DEFAULT_CALL_ROOM_MS = 2_000;

/**
 * X-RateLimit-Reset as an epoch-ms instant: epoch milliseconds (> 1e12), epoch seconds
 * (> 1e9) or seconds to wait, clamped to [now, now + maxMs]. Null when absent or unreadable.
 */
export function parseRateLimitReset(value: string | undefined, now: number, maxMs: number): number | null {
  const text = value?.trim();
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text)) return null;
  const n = Number(text);
  const at = n > 1e12 ? n : n > 1e9 ? n * 1000 : now + n * 1000;
  return Math.min(Math.max(at, now), now + maxMs);
}

/** A whole-number header (X-RateLimit-Limit, X-RateLimit-Remaining), or null. */
export function headerInt(value: string | undefined): number | null {
  const text = value?.trim();
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
}

/** RATE_LIMITED for a caller whose call cannot start before its deadline, with when it could. */
export function rateLimitedError(provider: Provider, budget: string, retryAfterSeconds: number): ProviderError {
  const message = `${providerLabel(provider)}'s rate limit (${budget}) leaves no call before this request's deadline`;
  return new ProviderError(provider, "RATE_LIMITED", message, { retryAfterSeconds: Math.max(1, retryAfterSeconds) });
}

/** One unref'd timer that wakes a limiter at the time it asks for last (or never, for null). */
export class WakeTimer {
  private timer: NodeJS.Timeout | null = null;
  private timerAt = 0;

  constructor(private readonly wake: () => void) {}

  set(now: number, at: number | null): void {
    if (at !== null && this.timer !== null && this.timerAt === at) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (at === null) return;
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.wake();
    }, Math.max(1, at - now));
    this.timer.unref();
  }
}

interface Waiter extends RateLimitWaiter {
  resolve(permit: RateLimitPermit): void;
  reject(error: ProviderError): void;
  onAbort(): void;
}

/** Shortest pause after a 429 whose Reset is unreadable or already past (clock skew). */
const MIN_PAUSE_AFTER_429_MS = 1_000;

/**
 * Until when a 429 pauses every call: X-RateLimit-Reset, else Retry-After, else a whole
 * window. A reset that is already past (clock skew between us and the vendor) is not a free
 * pass: it pauses for a second (or the window, if shorter).
 */
export function pauseAfter429(headers: Readonly<Record<string, string>>, now: number, windowMs: number, maxResetMs: number): number {
  const resetAt = parseRateLimitReset(headers["x-ratelimit-reset"], now, maxResetMs);
  const retryAfter = parseRetryAfter(headers["retry-after"], now);
  const until = resetAt ?? (retryAfter === null ? now + windowMs : now + Math.min(retryAfter * 1000, maxResetMs));
  return until > now ? until : now + Math.min(MIN_PAUSE_AFTER_429_MS, windowMs);
}

export class InProcessRateLimiter implements RateLimiter {
  private readonly provider: Provider;
  private configuredLimit: number;
  private readonly windowMs: number;
  private readonly callRoomMs: number;
  private readonly maxResetMs: number;
  private readonly now: () => number;
  private upstreamLimit: number | null = null;
  private inFlight = 0;
  /** Completion times of finished calls still inside the window, ascending. */
  private finished: number[] = [];
  private pausedUntil = 0;
  /** The upstream's Remaining (less our calls since), valid until its Reset. */
  private upstream: { remaining: number; resetAt: number } | null = null;
  private queue: Waiter[] = [];
  private readonly timer = new WakeTimer(() => this.drain());

  constructor(options: RateLimiterOptions) {
    this.provider = options.provider;
    this.configuredLimit = Math.max(1, Math.floor(options.limit ?? 60));
    this.windowMs = Math.max(1, options.windowMs ?? 60_000);
    this.maxResetMs = options.maxResetMs ?? 120_000;
    this.callRoomMs = Math.max(0, options.callRoomMs ?? DEFAULT_CALL_ROOM_MS);
    this.now = options.now ?? Date.now;
  }

  /** Changes the budget (a replica's share of a shared budget when the shared store is down). */
  setLimit(limit: number): void {
    this.configuredLimit = Math.max(1, Math.floor(limit));
    this.drain();
  }

  /** Calls still inside the window (finished ones, by finish time; in flight ones, now). */
  recentCalls(): number[] {
    const now = this.now();
    this.prune(now);
    return [...this.finished, ...Array<number>(this.inFlight).fill(now)];
  }

  /** Slots free now (for metrics). */
  remaining(): number {
    const now = this.now();
    this.prune(now);
    const used = this.finished.length + this.inFlight;
    const upstream = this.upstream?.remaining ?? Number.POSITIVE_INFINITY;
    return Math.max(0, Math.min(this.limit() - used, upstream));
  }

  acquire(waiter: RateLimitWaiter): Promise<RateLimitPermit> {
    if (waiter.signal.aborted) return Promise.reject(this.abortError(waiter));
    return new Promise<RateLimitPermit>((resolve, reject) => {
      const entry: Waiter = {
        deadline: waiter.deadline,
        signal: waiter.signal,
        resolve,
        reject,
        onAbort: () => {
          this.queue = this.queue.filter((w) => w !== entry);
          reject(this.abortError(entry));
          this.drain();
        },
      };
      waiter.signal.addEventListener("abort", entry.onAbort, { once: true });
      this.queue.push(entry);
      this.drain();
    });
  }

  observe(status: number, headers: Readonly<Record<string, string>>): void {
    const now = this.now();
    const limit = headerInt(headers["x-ratelimit-limit"]);
    if (limit !== null && limit > 0) this.upstreamLimit = limit;
    const resetAt = parseRateLimitReset(headers["x-ratelimit-reset"], now, this.maxResetMs);
    const remaining = headerInt(headers["x-ratelimit-remaining"]);
    if (status === 429) {
      // No call at all until the reset: the upstream said so, whatever our own count says.
      this.pausedUntil = Math.max(this.pausedUntil, pauseAfter429(headers, now, this.windowMs, this.maxResetMs));
    } else if (remaining !== null) {
      const until = resetAt ?? now + this.windowMs;
      // Remaining 0: the window is spent even if our own count disagrees.
      if (remaining === 0) this.pausedUntil = Math.max(this.pausedUntil, until);
      // Our other calls in flight may not be counted in this figure yet: assume they are not.
      const budget = Math.max(0, remaining - Math.max(0, this.inFlight - 1));
      // Responses can arrive out of order: within one reset period only ever lower the budget.
      if (this.upstream === null || now >= this.upstream.resetAt) this.upstream = { remaining: budget, resetAt: until };
      else this.upstream.remaining = Math.min(this.upstream.remaining, budget);
    }
    this.drain();
  }

  retryAfterSeconds(): number {
    const now = this.now();
    this.prune(now);
    const starts = this.startTimes(this.queue.length + 1, now);
    return Math.max(1, Math.ceil(((starts[this.queue.length] ?? now) - now) / 1000));
  }

  private limit(): number {
    return Math.min(this.configuredLimit, this.upstreamLimit ?? Number.POSITIVE_INFINITY);
  }

  private prune(now: number): void {
    const cutoff = now - this.windowMs;
    let drop = 0;
    while (drop < this.finished.length && (this.finished[drop] ?? 0) <= cutoff) drop++;
    if (drop > 0) this.finished = this.finished.slice(drop);
    if (this.upstream !== null && now >= this.upstream.resetAt) this.upstream = null;
  }

  /**
   * Earliest start of the next `count` waiters in queue order, assuming nothing else
   * happens: a lower bound (a call in flight frees its slot no earlier than now + window).
   */
  private startTimes(count: number, now: number): number[] {
    const limit = this.limit();
    const frees = [...this.finished.map((t) => t + this.windowMs), ...Array<number>(this.inFlight).fill(now + this.windowMs)];
    const starts: number[] = [];
    for (let k = 0; k < count; k++) {
      // Slots that must free before waiter k can start (the k waiters ahead keep theirs).
      const mustFree = frees.length - limit + 1 + k;
      let at = now;
      if (mustFree > frees.length) at = (starts[k - limit] ?? now) + this.windowMs;
      else if (mustFree > 0) at = frees[mustFree - 1] ?? now;
      at = Math.max(at, this.pausedUntil);
      if (this.upstream !== null && k >= this.upstream.remaining) at = Math.max(at, this.upstream.resetAt);
      starts.push(at);
    }
    return starts;
  }

  /** Grants what can start now, fails what cannot start before its deadline, re-arms the timer. */
  private drain(): void {
    const now = this.now();
    this.prune(now);
    while (this.queue.length > 0 && (this.startTimes(1, now)[0] ?? now) <= now) {
      const head = this.queue.shift() as Waiter;
      this.grant(head);
    }
    const starts = this.startTimes(this.queue.length, now);
    const kept: Waiter[] = [];
    // A start time depends only on the queue position, so a waiter failed here moves the
    // ones behind it up one position: each is judged at its position among those kept.
    for (const waiter of this.queue) {
      const at = starts[kept.length] ?? now;
      // Waiting is worth it only if the call still fits before the deadline once it may start.
      if (at + this.callRoomMs < waiter.deadline) kept.push(waiter);
      else {
        waiter.signal.removeEventListener("abort", waiter.onAbort);
        waiter.reject(this.limitedError(Math.ceil((at - now) / 1000)));
      }
    }
    this.queue = kept;
    // Wake up when the head may start or a waiter's call stops fitting before its deadline.
    this.timer.set(now, kept.length === 0 ? null : kept.reduce((at, w) => Math.min(at, w.deadline - this.callRoomMs), starts[0] ?? now));
    recordBudgetRemaining(this.provider, this.remaining());
  }

  private grant(waiter: Waiter): void {
    waiter.signal.removeEventListener("abort", waiter.onAbort);
    this.inFlight += 1;
    if (this.upstream !== null) this.upstream.remaining = Math.max(0, this.upstream.remaining - 1);
    let released = false;
    waiter.resolve({
      release: (calls = 1) => {
        if (released) return;
        released = true;
        this.inFlight -= 1;
        const at = this.now();
        for (let i = 0; i < Math.max(1, calls); i++) this.finished.push(at);
        // The clock may step back; keep the list sorted for pruning and start times.
        if (this.finished.length > 1 && (this.finished.at(-2) ?? 0) > at) this.finished.sort((a, b) => a - b);
        this.drain();
      },
    });
  }

  private limitedError(retryAfterSeconds: number): ProviderError {
    return rateLimitedError(this.provider, `${this.limit()} calls per ${this.windowMs / 1000} s`, retryAfterSeconds);
  }

  private abortError(waiter: RateLimitWaiter): ProviderError {
    const now = this.now();
    return now >= waiter.deadline ? this.limitedError(this.retryAfterSeconds()) : cancelledError(this.provider);
  }
}
