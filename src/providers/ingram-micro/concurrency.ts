// A small concurrency gate: a batch's upstream calls run a few at a time, so one GraphQL
// request with many keys does not open a socket per key.

/** Runs at most `limit` tasks at a time, first come first served. */
export function concurrencyGate(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next task, or give it back.
      const next = waiting.shift();
      if (next === undefined) running -= 1;
      else next();
    }
  };
}
