// Bounded concurrency for the providers' fan-out: at most `concurrency` tasks run at once,
// the rest wait in arrival order. A waiting task whose signal aborts (request deadline,
// client gone) leaves the queue at once.
export interface Limiter {
  run<T>(task: () => Promise<T>, signal?: AbortSignal, abortError?: () => Error): Promise<T>;
  /** Tasks running now and waiting now (for tests and metrics). */
  readonly active: number;
  readonly waiting: number;
}

export function createLimiter(concurrency: number): Limiter {
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) throw new RangeError("concurrency must be a positive integer");
  let active = 0;
  const queue: Array<() => void> = [];

  // A finishing task hands its slot straight to the next waiter, so a task arriving in
  // between cannot take it and push the count over the limit.
  const release = (): void => {
    const next = queue.shift();
    if (next === undefined) active -= 1;
    else next();
  };

  async function run<T>(task: () => Promise<T>, signal?: AbortSignal, abortError: () => Error = () => new Error("aborted while waiting for a slot")): Promise<T> {
    if (signal?.aborted) throw abortError();
    if (active < concurrency) active += 1;
    else {
      await new Promise<void>((resolve, reject) => {
        const start = (): void => {
          signal?.removeEventListener("abort", leave);
          resolve();
        };
        const leave = (): void => {
          const index = queue.indexOf(start);
          if (index !== -1) queue.splice(index, 1);
          reject(abortError());
        };
        queue.push(start);
        signal?.addEventListener("abort", leave, { once: true });
      });
    }
    try {
      return await task();
    } finally {
      release();
    }
  }

  return {
    run,
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}

/** A function that runs each task it is given through one limiter. */
export type Gate = <T>(task: () => Promise<T>) => Promise<T>;

export function concurrencyGate(limit: number): Gate {
  const limiter = createLimiter(limit);
  return (task) => limiter.run(task);
}

/** Runs one task per item with at most `limit` in flight; results come back in item order. */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
