import { describe, expect, it } from "vitest";
import type { Provider } from "../../src/__generated__/resolvers-types.js";
import type { InvoiceCache } from "../../src/cache/invoice-cache.js";
import { ProviderError } from "../../src/domain/errors.js";
import { encodeInvoiceId } from "../../src/domain/ids.js";
import { InMemoryProvider } from "../../src/providers/in-memory/index.js";
import {
  type CachedRun,
  counterValue,
  immutableInvoice,
  INVOICE_BY_NUMBER,
  INVOICES_BY_ID,
  INVOICES_BY_PO,
  memoryCaching,
  openInvoice,
  subgraphWithCache,
  testClock,
} from "./support.js";

type Cacheable = Exclude<Provider, "TD_SYNNEX">;
const CACHEABLE: Cacheable[] = ["INGRAM_MICRO", "FABRIC", "STULLER"];
const ALL: Provider[] = ["INGRAM_MICRO", "TD_SYNNEX", "FABRIC", "STULLER"];

const entity = (provider: Provider, ref: string) => ({ __typename: "Invoice", id: encodeInvoiceId(provider, ref) });
const numberOf = (run: CachedRun) => (run.result.data?.["invoice"] as { number: string } | null)?.number ?? null;

describe("the invoice cache across requests", () => {
  it.each(CACHEABLE)("answers a second lookup of an immutable %s invoice by number without calling the provider", async (id) => {
    const provider = new InMemoryProvider({ id, account: "acct-1", invoices: [immutableInvoice(id, "INV-1")] });
    const sg = await subgraphWithCache([provider], memoryCaching(300));
    for (let i = 0; i < 3; i++) expect(numberOf(await sg.run(INVOICE_BY_NUMBER, { provider: id, number: "INV-1" }))).toBe("INV-1");
    expect(provider.callsOf("findByNumbers")).toEqual([["INV-1"]]);
  });

  it("answers an immutable invoice by id (`_entities`) from the cache in later requests, still in key order", async () => {
    const provider = new InMemoryProvider({ id: "FABRIC", account: "acct-1", invoices: ["1", "2", "3"].map((n) => immutableInvoice("FABRIC", n)) });
    const sg = await subgraphWithCache([provider], memoryCaching(300));
    await sg.run(INVOICES_BY_ID, { representations: [entity("FABRIC", "1"), entity("FABRIC", "2")] });
    const second = await sg.run(INVOICES_BY_ID, { representations: [entity("FABRIC", "3"), entity("FABRIC", "2"), entity("FABRIC", "1"), entity("FABRIC", "3")] });
    expect((second.result.data?.["_entities"] as Array<{ number: string }>).map((i) => i.number)).toEqual(["3", "2", "1", "3"]);
    // One call per request, and the second asks only for the key the cache did not have.
    expect(provider.callsOf("findByRefs")).toEqual([["1", "2"], ["3"]]);
  });

  it("writes the immutable invoices of a purchase-order lookup, but asks the provider for the purchase order every time", async () => {
    const provider = new InMemoryProvider({ id: "STULLER", account: "acct-1", invoices: [immutableInvoice("STULLER", "S-1", "PO-1"), openInvoice("STULLER", "S-2", "PO-1")] });
    const sg = await subgraphWithCache([provider], memoryCaching(300));
    await sg.run(INVOICES_BY_PO, { pos: ["PO-1"] });
    await sg.run(INVOICES_BY_PO, { pos: ["PO-1"] });
    expect(provider.callsOf("findByPurchaseOrders")).toEqual([["PO-1"], ["PO-1"]]);
    await sg.run(INVOICES_BY_ID, { representations: [entity("STULLER", "S-1"), entity("STULLER", "S-2")] });
    expect(provider.callsOf("findByRefs")).toEqual([["S-2"]]);
  });

  it.each(ALL)("always fetches an open %s invoice again", async (id) => {
    const provider = new InMemoryProvider({ id, account: "acct-1", invoices: [openInvoice(id, "OPEN-1", "PO-1")] });
    const sg = await subgraphWithCache([provider], memoryCaching(300));
    await sg.run(INVOICES_BY_PO, { pos: ["PO-1"] });
    await sg.run(INVOICE_BY_NUMBER, { provider: id, number: "OPEN-1" });
    await sg.run(INVOICE_BY_NUMBER, { provider: id, number: "OPEN-1" });
    await sg.run(INVOICES_BY_ID, { representations: [entity(id, "OPEN-1")] });
    await sg.run(INVOICES_BY_ID, { representations: [entity(id, "OPEN-1")] });
    expect(provider.callsOf("findByNumbers")).toEqual([["OPEN-1"], ["OPEN-1"]]);
    expect(provider.callsOf("findByRefs")).toEqual([["OPEN-1"], ["OPEN-1"]]);
  });

  it("asks the provider again once the TTL has passed", async () => {
    const clock = testClock();
    const provider = new InMemoryProvider({ id: "STULLER", account: "acct-1", invoices: [immutableInvoice("STULLER", "S-1")] });
    const sg = await subgraphWithCache([provider], memoryCaching(300, { now: clock.now }));
    await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" });
    clock.advance(299_999);
    await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" });
    expect(provider.callsOf("findByNumbers")).toHaveLength(1);
    clock.advance(1);
    await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" });
    expect(provider.callsOf("findByNumbers")).toHaveLength(2);
  });

  it("never lets one provider account see another account's entries, even through one shared store", async () => {
    const caching = memoryCaching(300);
    const accountA = new InMemoryProvider({ id: "STULLER", account: "account-a", invoices: [immutableInvoice("STULLER", "S-1", null, "111.00")] });
    const accountB = new InMemoryProvider({ id: "STULLER", account: "account-b", invoices: [immutableInvoice("STULLER", "S-1", null, "222.00")] });
    const sameAsA = new InMemoryProvider({ id: "STULLER", account: "account-a", invoices: [] });
    const a = await subgraphWithCache([accountA], caching);
    const b = await subgraphWithCache([accountB], caching);
    const a2 = await subgraphWithCache([sameAsA], caching);
    const total = (run: CachedRun) => (run.result.data?.["invoice"] as { total: { amount: string } } | null)?.total.amount;

    expect(total(await a.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" }))).toBe("111.00");
    expect(total(await b.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" }))).toBe("222.00");
    expect(total(await b.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" }))).toBe("222.00");
    expect(accountB.callsOf("findByNumbers")).toEqual([["S-1"]]);
    // The same account (another replica) shares the entry: it has no invoices of its own and is not asked.
    expect(total(await a2.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" }))).toBe("111.00");
    expect(sameAsA.calls).toEqual([]);
  });

  it("keeps providers apart even when their accounts and invoice numbers are equal", async () => {
    const caching = memoryCaching(300);
    const stuller = new InMemoryProvider({ id: "STULLER", account: "same", invoices: [immutableInvoice("STULLER", "N-1")] });
    const ingram = new InMemoryProvider({ id: "INGRAM_MICRO", account: "same", invoices: [immutableInvoice("INGRAM_MICRO", "N-1")] });
    const sg = await subgraphWithCache([stuller, ingram], caching);
    await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "N-1" });
    await sg.run(INVOICE_BY_NUMBER, { provider: "INGRAM_MICRO", number: "N-1" });
    expect(ingram.callsOf("findByNumbers")).toEqual([["N-1"]]);
    expect(caching.store.size).toBe(4); // per provider: the ref entry and the asked-number entry
  });

  it("caches nothing of a provider that names no account", async () => {
    const provider = new InMemoryProvider({ id: "STULLER", invoices: [immutableInvoice("STULLER", "S-1")] });
    const caching = memoryCaching(300);
    const sg = await subgraphWithCache([provider], caching);
    await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" });
    await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" });
    expect(provider.callsOf("findByNumbers")).toHaveLength(2);
    expect(caching.store.size).toBe(0);
  });

  it("caches nothing with a TTL of 0", async () => {
    const provider = new InMemoryProvider({ id: "STULLER", account: "acct-1", invoices: [immutableInvoice("STULLER", "S-1", "PO-1")] });
    const caching = memoryCaching(0);
    const sg = await subgraphWithCache([provider], caching);
    await sg.run(INVOICES_BY_PO, { pos: ["PO-1"] });
    await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" });
    await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" });
    expect(provider.callsOf("findByNumbers")).toHaveLength(2);
    expect(caching.store.size).toBe(0);
  });

  it("evicts at the size bound, so an evicted invoice is fetched again", async () => {
    const provider = new InMemoryProvider({ id: "FABRIC", account: "acct-1", invoices: ["1", "2"].map((n) => immutableInvoice("FABRIC", n)) });
    const sg = await subgraphWithCache([provider], memoryCaching(300, { maxEntries: 1 }));
    for (const ref of ["1", "2", "1", "1"]) await sg.run(INVOICES_BY_ID, { representations: [entity("FABRIC", ref)] });
    expect(provider.callsOf("findByRefs")).toEqual([["1"], ["2"], ["1"]]);
  });

  it("counts each lookup key as a hit or a miss per provider", async () => {
    const labels = (result: string) => ({ provider: "INGRAM_MICRO", result });
    const [hits, misses] = [await counterValue("invoices_cache_requests_total", labels("hit")), await counterValue("invoices_cache_requests_total", labels("miss"))];
    const stores = await counterValue("invoices_cache_stores_total", { provider: "INGRAM_MICRO" });
    const provider = new InMemoryProvider({ id: "INGRAM_MICRO", account: "acct-1", invoices: [immutableInvoice("INGRAM_MICRO", "A"), openInvoice("INGRAM_MICRO", "B")] });
    const sg = await subgraphWithCache([provider], memoryCaching(300));
    await sg.run(INVOICES_BY_ID, { representations: [entity("INGRAM_MICRO", "A"), entity("INGRAM_MICRO", "B")] }); // 2 misses, A stored
    await sg.run(INVOICES_BY_ID, { representations: [entity("INGRAM_MICRO", "A"), entity("INGRAM_MICRO", "B")] }); // A hit, B miss
    expect(await counterValue("invoices_cache_requests_total", labels("hit"))).toBe(hits + 1);
    expect(await counterValue("invoices_cache_requests_total", labels("miss"))).toBe(misses + 3);
    expect(await counterValue("invoices_cache_stores_total", { provider: "INGRAM_MICRO" })).toBe(stores + 1);
  });

  it("keeps each request's one-call-per-key DataLoader semantics when hits and misses mix", async () => {
    const provider = new InMemoryProvider({ id: "FABRIC", account: "acct-1", invoices: ["1", "2", "3"].map((n) => immutableInvoice("FABRIC", n)) });
    const sg = await subgraphWithCache([provider], memoryCaching(300));
    await sg.run(INVOICES_BY_ID, { representations: [entity("FABRIC", "1")] });
    const run = await sg.run(INVOICES_BY_ID, { representations: ["2", "1", "2", "3", "1"].map((ref) => entity("FABRIC", ref)) });
    expect((run.result.data?.["_entities"] as Array<{ number: string }>).map((i) => i.number)).toEqual(["2", "1", "2", "3", "1"]);
    expect(provider.callsOf("findByRefs")).toEqual([["1"], ["2", "3"]]);
  });
});

describe("a failing provider or store and the invoice cache", () => {
  it("stores no failure: once the provider heals, the invoice is fetched and only then cached", async () => {
    const provider = new InMemoryProvider({ id: "STULLER", account: "acct-1", invoices: [immutableInvoice("STULLER", "S-1")] });
    const caching = memoryCaching(300);
    const sg = await subgraphWithCache([provider], caching);
    provider.failWith(new ProviderError("STULLER", "UNAVAILABLE", "Stuller is unavailable"));
    const failed = await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" });
    expect(failed.result.errors?.[0]?.extensions?.["code"]).toBe("PROVIDER_UNAVAILABLE");
    expect(caching.store.size).toBe(0);
    provider.failWith(null);
    expect(numberOf(await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" }))).toBe("S-1");
    expect(numberOf(await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" }))).toBe("S-1");
    expect(provider.callsOf("findByNumbers")).toEqual([["S-1"], ["S-1"]]);
  });

  it("stores no per-key failure, and keeps the other keys of the batch", async () => {
    const provider = new InMemoryProvider({ id: "FABRIC", account: "acct-1", invoices: ["1", "2"].map((n) => immutableInvoice("FABRIC", n)) });
    const sg = await subgraphWithCache([provider], memoryCaching(300));
    provider.failKey("2", new ProviderError("FABRIC", "BAD_RESPONSE", "fabric invoice 2 could not be read"));
    await sg.run(INVOICES_BY_ID, { representations: [entity("FABRIC", "1"), entity("FABRIC", "2")] });
    await sg.run(INVOICES_BY_ID, { representations: [entity("FABRIC", "1"), entity("FABRIC", "2")] });
    expect(provider.callsOf("findByRefs")).toEqual([["1", "2"], ["2"]]);
  });

  it("keeps serving an invoice it already holds while its provider is down", async () => {
    const provider = new InMemoryProvider({ id: "INGRAM_MICRO", account: "acct-1", invoices: [immutableInvoice("INGRAM_MICRO", "20-1-11")] });
    const sg = await subgraphWithCache([provider], memoryCaching(300));
    await sg.run(INVOICE_BY_NUMBER, { provider: "INGRAM_MICRO", number: "20-1-11" });
    provider.failWith(new ProviderError("INGRAM_MICRO", "UNAVAILABLE", "Ingram Micro is unavailable"));
    const run = await sg.run(INVOICE_BY_NUMBER, { provider: "INGRAM_MICRO", number: "20-1-11" });
    expect(run.result.errors).toBeUndefined();
    expect(numberOf(run)).toBe("20-1-11");
    expect(provider.callsOf("findByNumbers")).toHaveLength(1);
  });

  it("answers every lookup from the provider when the store itself fails, and counts the failures", async () => {
    const before = [await counterValue("invoices_cache_errors_total", { operation: "get" }), await counterValue("invoices_cache_errors_total", { operation: "set" })];
    const broken: InvoiceCache = {
      get: async () => {
        throw new Error("connection refused");
      },
      set: async () => {
        throw new Error("connection refused");
      },
      delete: () => undefined,
    };
    const provider = new InMemoryProvider({ id: "STULLER", account: "acct-1", invoices: [immutableInvoice("STULLER", "S-1")] });
    const sg = await subgraphWithCache([provider], { store: broken, ttlSeconds: 300 });
    const run = await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" });
    expect(run.result.errors).toBeUndefined();
    expect(numberOf(run)).toBe("S-1");
    await new Promise((resolve) => setImmediate(resolve));
    expect(await counterValue("invoices_cache_errors_total", { operation: "get" })).toBe((before[0] ?? 0) + 1);
    // Two writes failed: under the invoice's ref and under the number asked.
    expect(await counterValue("invoices_cache_errors_total", { operation: "set" })).toBe((before[1] ?? 0) + 2);
  });
});
