import { describe, expect, it } from "vitest";
import { MemoryEntryStore } from "../../src/cache/memory-store.js";
import { counterValue, testClock } from "./support.js";

describe("the in-process entry store", () => {
  it("keeps a value until its time to live ends, then forgets it", async () => {
    const clock = testClock();
    const store = new MemoryEntryStore({ now: clock.now });
    await store.set([{ key: "k", value: { a: 1 }, ttlMs: 300_000 }]);
    clock.advance(299_999);
    expect(await store.get(["k", "other"])).toEqual([{ a: 1 }, undefined]);
    clock.advance(1);
    expect(await store.get(["k"])).toEqual([undefined]);
    expect(store.size).toBe(0);
  });

  it.each([0, -1])("stores nothing for a time to live of %i ms", async (ttlMs) => {
    const store = new MemoryEntryStore();
    await store.set([{ key: "k", value: "v", ttlMs }]);
    expect(await store.get(["k"])).toEqual([undefined]);
    expect(store.size).toBe(0);
  });

  it("evicts the least recently used entry when the entry bound is reached, and counts the eviction", async () => {
    const before = await counterValue("invoices_cache_evictions_total", { reason: "capacity" });
    const store = new MemoryEntryStore({ maxEntries: 2 });
    store.write({ key: "a", value: "A", ttlMs: 60_000 });
    store.write({ key: "b", value: "B", ttlMs: 60_000 });
    store.read("a"); // a is now more recent than b
    store.write({ key: "c", value: "C", ttlMs: 60_000 });
    expect([store.read("a"), store.read("b"), store.read("c")]).toEqual(["A", undefined, "C"]);
    expect(store.size).toBe(2);
    expect(await counterValue("invoices_cache_evictions_total", { reason: "capacity" })).toBe(before + 1);
  });

  it("bounds the weight and never keeps one entry heavier than the whole bound", () => {
    const store = new MemoryEntryStore({ maxWeight: 10 });
    store.write({ key: "a", value: "A", ttlMs: 60_000, weight: 5 });
    store.write({ key: "b", value: "B", ttlMs: 60_000, weight: 4 });
    store.write({ key: "c", value: "C", ttlMs: 60_000, weight: 2 }); // 11 > 10: a must go
    expect([store.read("a"), store.read("b"), store.read("c")]).toEqual([undefined, "B", "C"]);
    expect(store.weight).toBe(6);
    store.write({ key: "huge", value: "H", ttlMs: 60_000, weight: 11 });
    expect(store.read("huge")).toBeUndefined();
    expect(store.weight).toBe(6);
  });

  it("replaces a value stored again under the same key without counting its weight twice", () => {
    const store = new MemoryEntryStore();
    store.write({ key: "k", value: "one", ttlMs: 10_000, weight: 3 });
    store.write({ key: "k", value: "two", ttlMs: 20_000, weight: 3 });
    expect([store.size, store.weight, store.read("k")]).toEqual([1, 3, "two"]);
  });

  it("deletes a key, or only while it still holds the given value", async () => {
    const store = new MemoryEntryStore();
    store.write({ key: "k", value: { token: "a" }, ttlMs: 60_000 });
    await store.delete("k", { token: "b" });
    expect(store.read("k")).toEqual({ token: "a" });
    await store.delete("k", { token: "a" });
    expect(store.read("k")).toBeUndefined();
    store.write({ key: "j", value: 1, ttlMs: 60_000 });
    await store.delete("j");
    await store.delete("never-stored");
    expect([store.read("j"), store.weight]).toEqual([undefined, 0]);
  });

  it.each([
    [{ maxEntries: 0 }, "maxEntries must be a positive integer, got 0"],
    [{ maxWeight: 1.5 }, "maxWeight must be a positive integer, got 1.5"],
  ])("refuses a bound that is not a positive integer: %j", (options, message) => {
    expect(() => new MemoryEntryStore(options)).toThrow(message);
  });
});
