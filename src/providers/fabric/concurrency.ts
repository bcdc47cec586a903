// Per-key fan-out with bounded concurrency, for the provider's batch calls.
import { asProviderError, type ProviderError } from "../../domain/errors.js";

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

/**
 * One task per distinct key, at most `limit` at a time. A failing key gets its own
 * ProviderError and the others still run, except after AUTH_FAILED: every later key would
 * fail the same way (and fetch a token each), so keys not yet started get that error at once.
 */
export async function settleEach<T>(keys: readonly string[], limit: number, task: (key: string) => Promise<T>): Promise<Map<string, T | ProviderError>> {
  const results = new Map<string, T | ProviderError>();
  let fatal: ProviderError | null = null;
  await mapConcurrent([...new Set(keys)], limit, async (key) => {
    if (fatal) return void results.set(key, fatal);
    try {
      results.set(key, await task(key));
    } catch (error) {
      const failure = asProviderError("FABRIC", error);
      if (failure.code === "AUTH_FAILED") fatal = failure;
      results.set(key, failure);
    }
  });
  return results;
}
