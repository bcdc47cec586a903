import { describe, expect, it } from "vitest";
import { MemoryInvoiceCache } from "../../src/cache/memory-cache.js";
import { lineModel } from "../../src/domain/factories.js";
import { sampleInvoice } from "../helpers/invoices.js";
import { counterValue, testClock } from "./support.js";

const invoice = (number: string) => sampleInvoice("STULLER", number, null);
const withLines = (number: string, lines: number) => ({ ...invoice(number), lines: Array.from({ length: lines }, () => lineModel()) });

describe("the in-process invoice cache", () => {
  it("answers a stored invoice with the time it has left until its TTL ends, then forgets it", () => {
    const clock = testClock();
    const cache = new MemoryInvoiceCache({ now: clock.now });
    cache.set("k", invoice("A"), 300_000);
    clock.advance(60_000);
    expect(cache.get("k")).toEqual({ invoice: invoice("A"), remainingMs: 240_000 });
    clock.advance(240_000);
    expect(cache.get("k")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it.each([0, -1])("stores nothing for a TTL of %i ms", (ttlMs) => {
    const cache = new MemoryInvoiceCache();
    cache.set("k", invoice("A"), ttlMs);
    expect(cache.get("k")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("evicts the least recently used invoice when the entry bound is reached, and counts the eviction", async () => {
    const before = await counterValue("invoices_cache_evictions_total", { reason: "capacity" });
    const cache = new MemoryInvoiceCache({ maxEntries: 2 });
    cache.set("a", invoice("A"), 60_000);
    cache.set("b", invoice("B"), 60_000);
    cache.get("a"); // a is now more recent than b
    cache.set("c", invoice("C"), 60_000);
    expect([cache.get("a")?.invoice.number, cache.get("b"), cache.get("c")?.invoice.number]).toEqual(["A", undefined, "C"]);
    expect(cache.size).toBe(2);
    expect(await counterValue("invoices_cache_evictions_total", { reason: "capacity" })).toBe(before + 1);
  });

  it("bounds the weight (1 per invoice + 1 per line) and never keeps one invoice heavier than the whole bound", () => {
    const cache = new MemoryInvoiceCache({ maxWeight: 10 });
    cache.set("a", withLines("A", 4), 60_000); // 5
    cache.set("b", withLines("B", 3), 60_000); // 4 → 9
    cache.set("c", withLines("C", 1), 60_000); // 2 → a must go
    expect([cache.get("a"), cache.get("b")?.invoice.number, cache.get("c")?.invoice.number]).toEqual([undefined, "B", "C"]);
    expect(cache.weight).toBe(6);
    cache.set("huge", withLines("H", 10), 60_000);
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.weight).toBe(6);
  });

  it("replaces an entry stored again under the same key without counting its weight twice", () => {
    const clock = testClock();
    const cache = new MemoryInvoiceCache({ now: clock.now });
    cache.set("k", withLines("A", 2), 10_000);
    cache.set("k", withLines("A2", 2), 20_000);
    expect(cache.size).toBe(1);
    expect(cache.weight).toBe(3);
    expect(cache.get("k")).toMatchObject({ invoice: { number: "A2" }, remainingMs: 20_000 });
  });

  it("forgets a deleted key", () => {
    const cache = new MemoryInvoiceCache();
    cache.set("k", invoice("A"), 60_000);
    cache.delete("k");
    cache.delete("never-stored");
    expect(cache.get("k")).toBeUndefined();
    expect(cache.weight).toBe(0);
  });

  it.each([
    [{ maxEntries: 0 }, "maxEntries must be a positive integer, got 0"],
    [{ maxWeight: 1.5 }, "maxWeight must be a positive integer, got 1.5"],
  ])("refuses a bound that is not a positive integer: %j", (options, message) => {
    expect(() => new MemoryInvoiceCache(options)).toThrow(message);
  });
});
