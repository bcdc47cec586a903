// Isolation per provider, around the transport's attempts: a circuit breaker (cockatiel)
// that stops calling an upstream that keeps failing, a bulkhead that bounds how many
// requests one provider may have in flight (and queued), and a retry budget that keeps
// retries a small share of calls so a struggling upstream is not hit three times harder.
// Only 5xx, network failures and timeouts count against the breaker: a 404, a 429 (the
// rate limiter's business), a bad payload or a rejected credential says nothing about the
// upstream's health.
import {
  BrokenCircuitError,
  BulkheadRejectedError,
  ConsecutiveBreaker,
  CountBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  bulkhead,
  circuitBreaker,
  handleWhenResult,
  noJitterGenerator,
  type CircuitBreakerPolicy,
  type BulkheadPolicy,
} from "cockatiel";
import type { Provider } from "../__generated__/resolvers-types.js";
import { ProviderError, providerLabel } from "../domain/errors.js";

export interface BreakerOptions {
  /** Share of failed calls in the window that opens the breaker. */
  readonly threshold: number;
  /** Calls in the sliding window. */
  readonly size: number;
  /** Fewest calls in the window before the breaker may open. */
  readonly minimumNumberOfCalls: number;
  /** First wait before a probe call is let through; doubles up to the maximum. */
  readonly halfOpenAfterMs: number;
  readonly maxHalfOpenAfterMs: number;
}

export interface BulkheadOptions {
  readonly limit: number;
  readonly queue: number;
}

export interface RetryBudgetOptions {
  /** Retries allowed per first attempt, on average (0.1 = retries stay under ~10% of calls). */
  readonly ratio: number;
  /** Retries always allowed per second, so a quiet provider can still retry. */
  readonly minPerSecond: number;
}

export interface ResilienceOptions {
  readonly breaker?: BreakerOptions | false;
  readonly bulkhead?: BulkheadOptions | false;
  readonly retryBudget?: RetryBudgetOptions | false;
}

/** reliability-notes §7 baseline. */
export const DEFAULT_RESILIENCE: Required<{ [K in keyof ResilienceOptions]: Exclude<ResilienceOptions[K], false | undefined> }> = {
  breaker: { threshold: 0.5, size: 20, minimumNumberOfCalls: 10, halfOpenAfterMs: 5_000, maxHalfOpenAfterMs: 60_000 },
  bulkhead: { limit: 16, queue: 256 },
  retryBudget: { ratio: 0.1, minPerSecond: 1 },
};

/** The attempt's verdict for the breaker: does it speak of the upstream's health? */
export type AttemptHealth = "healthy" | "unhealthy" | "neutral";

export class RetryBudget {
  private tokens: number;
  private last: number;
  private readonly max: number;

  constructor(
    private readonly options: RetryBudgetOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.max = Math.max(10, options.minPerSecond * 10);
    this.tokens = this.max;
    this.last = now();
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.max, this.tokens + ((t - this.last) / 1000) * this.options.minPerSecond);
    this.last = t;
  }

  /** A first attempt earns `ratio` of a retry. */
  onRequest(): void {
    this.refill();
    this.tokens = Math.min(this.max, this.tokens + this.options.ratio);
  }

  /** Spends one retry if the budget has one. */
  tryRetry(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export interface Resilience {
  /** Runs one whole request (all its attempts) inside the bulkhead. */
  isolate<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T>;
  /** Runs one attempt through the breaker; `health` says whether its result counts as a failure. */
  attempt<T>(work: () => Promise<T>, health: (result: T) => AttemptHealth): Promise<T>;
  readonly budget: RetryBudget | null;
  /** "closed", "open", "half-open" or "isolated"; "closed" without a breaker. */
  breakerState(): string;
}

export function createResilience(provider: Provider, options: ResilienceOptions, now: () => number = Date.now): Resilience {
  const label = providerLabel(provider);
  const breakerOptions = options.breaker === false ? null : options.breaker;
  const bulkheadOptions = options.bulkhead === false ? null : options.bulkhead;
  const budgetOptions = options.retryBudget === false ? null : options.retryBudget;

  let breaker: CircuitBreakerPolicy | null = null;
  if (breakerOptions) {
    breaker = circuitBreaker(
      handleWhenResult((result) => (result as { __health?: AttemptHealth }).__health === "unhealthy"),
      {
        // No jitter: cockatiel's default draws the first pause at random below halfOpenAfterMs,
        // which would make retryAfterSeconds (the pause) only an upper bound.
        halfOpenAfter: new ExponentialBackoff({ initialDelay: breakerOptions.halfOpenAfterMs, maxDelay: breakerOptions.maxHalfOpenAfterMs, generator: noJitterGenerator }),
        breaker:
          breakerOptions.size <= 1
            ? new ConsecutiveBreaker(1)
            : new CountBreaker({ threshold: breakerOptions.threshold, size: breakerOptions.size, minimumNumberOfCalls: breakerOptions.minimumNumberOfCalls }),
      },
    );
  }
  const isolation: BulkheadPolicy | null = bulkheadOptions ? bulkhead(bulkheadOptions.limit, bulkheadOptions.queue) : null;

  return {
    budget: budgetOptions ? new RetryBudget(budgetOptions, now) : null,
    breakerState: () => (breaker ? stateName(breaker.state) : "closed"),
    async isolate(signal, work) {
      if (!isolation) return work();
      try {
        return await isolation.execute(() => work(), signal);
      } catch (error) {
        if (error instanceof BulkheadRejectedError) {
          throw new ProviderError(provider, "UNAVAILABLE", `${label} has too many requests in flight on this subgraph; try again shortly`, { retryAfterSeconds: 1 });
        }
        if (error instanceof TaskCancelledError) {
          throw new ProviderError(provider, "TIMEOUT", `${label} did not answer before the request deadline`);
        }
        throw error;
      }
    },
    async attempt(work, health) {
      if (!breaker) return work();
      try {
        // The breaker judges results, not exceptions: the transport's attempts resolve with
        // an outcome, so the verdict rides along on a wrapper.
        const wrapped = await breaker.execute(async () => {
          const result = await work();
          return { result, __health: health(result) };
        });
        return wrapped.result;
      } catch (error) {
        if (error instanceof BrokenCircuitError) {
          throw new ProviderError(provider, "UNAVAILABLE", `${label} is failing; calls are paused for a few seconds (circuit open)`, {
            retryAfterSeconds: Math.ceil((breakerOptions?.halfOpenAfterMs ?? 5_000) / 1000),
          });
        }
        throw error;
      }
    },
  };
}

function stateName(state: number): string {
  // cockatiel's CircuitState: 0 closed, 1 open, 2 half-open, 3 isolated.
  return ["closed", "open", "half-open", "isolated"][state] ?? "unknown";
}
