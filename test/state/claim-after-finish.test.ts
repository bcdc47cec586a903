// Two replicas' lookup caches on one real Redis, with the timing a busy replica has: its
// store read answers "miss", and by the time it claims the key, the other replica's call
// for that key has already ended, stored its answer and released its claim. The late
// replica wins the claim, and must then find the stored answer instead of calling again.
// (Found by `npm run bench`, figure b-replicas: one call too many per few hundred orders
// when the replicas' event loops lagged.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProviderLookups } from "../../src/cache/lookup-cache.js";
import type { EntryStore } from "../../src/state/entry-store.js";
import type { CallContext, InvoiceProvider, KeyedResults, PurchaseOrderResult } from "../../src/providers/types.js";
import { redisState, type SharedState } from "../../src/state/shared-state.js";
import { sampleInvoice } from "../helpers/invoices.js";
import { startRedis, type RedisServer } from "../helpers/redis-server.js";
import { silentLogger } from "../helpers/subgraph.js";

let redis: RedisServer;
const opened: SharedState[] = [];

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await Promise.allSettled(opened.map((state) => state.close()));
  await redis.stop();
});

async function replica(prefix: string): Promise<ReturnType<typeof redisState>> {
  const state = redisState({ url: redis.url, logger: silentLogger, keyPrefix: prefix, pollMs: 25 });
  opened.push(state);
  if (state.link.client.status !== "ready") await new Promise((resolve) => state.link.client.once("ready", resolve));
  return state;
}

/** One provider account's purchase-order lookups, counted; each call waits for `release` when one is set. */
function countingProvider() {
  const calls: string[][] = [];
  let gate: Promise<void> | null = null;
  let open: () => void = () => {};
  const provider: InvoiceProvider = {
    id: "STULLER",
    maxBatchSize: 25,
    account: "acct-1",
    async findByPurchaseOrders(numbers: readonly string[]): Promise<KeyedResults<PurchaseOrderResult>> {
      calls.push([...numbers]);
      if (gate) await gate;
      return new Map(numbers.map((po) => [po, { invoices: [sampleInvoice("STULLER", `S-${po}`, po)], notices: [] }]));
    },
    findByNumbers: async () => new Map(),
    findByRefs: async () => new Map(),
  };
  return {
    provider,
    calls,
    hold() {
      gate = new Promise<void>((resolve) => (open = resolve));
    },
    release() {
      gate = null;
      open();
    },
  };
}

/** A store whose reads, once answered by Redis, are handed back only when the test says so. */
function lateReads(store: EntryStore) {
  let gate: Promise<void> | null = null;
  let open: () => void = () => {};
  let read: () => void = () => {};
  const readDone = new Promise<void>((resolve) => (read = resolve));
  const wrapped: EntryStore = {
    async get(keys) {
      const values = await store.get(keys);
      read();
      if (gate) await gate;
      return values;
    },
    set: (writes) => store.set(writes),
    delete: (key, onlyIf) => store.delete(key, onlyIf),
  };
  return {
    store: wrapped,
    /** Resolves once a read has been answered by Redis (and is being held). */
    readDone,
    hold() {
      gate = new Promise<void>((resolve) => (open = resolve));
    },
    release() {
      gate = null;
      open();
    },
  };
}

function call(): CallContext {
  return { signal: new AbortController().signal, deadline: Date.now() + 5_000, requestId: "test", logger: silentLogger };
}

const settings = { lookupTtlSeconds: 60, invoiceTtlSeconds: 300, staleIfErrorSeconds: 3_600 };
const noRefresh = (): CallContext => {
  throw new Error("no background refresh in this test");
};

describe("a replica that claims a key after another replica's call for it ended", () => {
  it("answers from what that call stored, without calling the provider again", async () => {
    const prefix = `claim-after-finish-${process.pid}:`;
    const [a, b] = [await replica(prefix), await replica(prefix)];
    const upstream = countingProvider();
    const slowB = lateReads(b.store);
    const lookupsA = createProviderLookups(upstream.provider, { store: a.store, coordination: a.coordination, settings, backgroundCall: noRefresh });
    const lookupsB = createProviderLookups(upstream.provider, { store: slowB.store, coordination: b.coordination, settings, backgroundCall: noRefresh });

    // A leads PO-1 and its call is under way.
    upstream.hold();
    const answerA = lookupsA.load("po", ["PO-1"], call());
    await expect.poll(() => upstream.calls.length).toBe(1);
    // B reads the store while A's call runs: a miss, which B only acts on later (its event loop is busy).
    slowB.hold();
    const answerB = lookupsB.load("po", ["PO-1"], call());
    await slowB.readDone;
    // A's call ends: its answer is stored and its claim released before B goes on.
    upstream.release();
    const [fromA] = await answerA;
    expect(fromA?.kind).toBe("fetched");
    slowB.release();
    const [fromB] = await answerB;

    expect(upstream.calls).toEqual([["PO-1"]]);
    expect(fromB?.kind).toBe("fetched");
    expect(fromB && "value" in fromB ? fromB.value : null).toEqual(fromA && "value" in fromA ? fromA.value : undefined);
  });
});
