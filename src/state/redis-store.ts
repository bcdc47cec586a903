// The EntryStore on Redis: JSON text under prefixed keys, with PX expiry. One MGET per read
// and one pipeline per batch of writes, whatever the number of keys. A value that is not
// valid JSON (written by something else) reads as a miss.
import type { EntryStore, StoreWrite } from "./entry-store.js";
import { RedisUnavailable, type RedisLink } from "./redis-link.js";

/** Deletes KEYS[1] only while it still holds ARGV[1]: a token another replica replaced stays. */
const DELETE_IF_EQUAL = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export function redisEntryStore(link: RedisLink): EntryStore {
  const full = (key: string) => `${link.prefix}${key}`;
  return {
    async get(keys) {
      if (keys.length === 0) return [];
      try {
        const texts = await link.run("get", (redis) => redis.mget(keys.map(full)));
        return texts.map((text) => (text === null ? undefined : parse(text)));
      } catch (error) {
        if (error instanceof RedisUnavailable) return keys.map(() => undefined);
        throw error;
      }
    },
    async set(writes: readonly StoreWrite[]) {
      const live = writes.filter((w) => w.ttlMs > 0);
      if (live.length === 0) return;
      try {
        await link.run("set", async (redis) => {
          const pipeline = redis.pipeline();
          for (const w of live) pipeline.set(full(w.key), JSON.stringify(w.value), "PX", Math.ceil(w.ttlMs));
          const results = (await pipeline.exec()) ?? [];
          const failure = results.find(([error]) => error !== null);
          if (failure) throw failure[0];
        });
      } catch (error) {
        if (!(error instanceof RedisUnavailable)) throw error;
      }
    },
    async delete(key, onlyIf) {
      try {
        await link.run("delete", (redis) =>
          onlyIf === undefined ? redis.del(full(key)) : redis.eval(DELETE_IF_EQUAL, 1, full(key), JSON.stringify(onlyIf)),
        );
      } catch (error) {
        if (!(error instanceof RedisUnavailable)) throw error;
      }
    },
  };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
