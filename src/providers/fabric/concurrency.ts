// Per-key fan-out with bounded concurrency, for the provider's batch calls.
import { asProviderError, type ProviderError } from "../../domain/errors.js";
import { mapConcurrent } from "../../util/concurrency.js";

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
