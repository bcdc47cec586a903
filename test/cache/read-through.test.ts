// The lookup cache inside one process: fresh answers reused for their window, stale ones
// revalidated in the background, last answers standing in for failures, identical lookups
// sharing one provider call. In-memory providers record every call; the clock is the test's.
import { describe, expect, it, vi } from "vitest";
import type { Provider } from "../../src/__generated__/resolvers-types.js";
import { ProviderError } from "../../src/domain/errors.js";
import { encodeInvoiceId } from "../../src/domain/ids.js";
import { InMemoryProvider } from "../../src/providers/in-memory/index.js";
import type { EntryStore } from "../../src/state/entry-store.js";
import {
  type CachedRun,
  counterValue,
  immutableInvoice,
  INVOICE_BY_NUMBER,
  INVOICES_BY_ID,
  INVOICES_BY_PO,
  lookupCaching,
  openInvoice,
  subgraphWithCache,
  testClock,
} from "./support.js";

const ALL: Provider[] = ["INGRAM_MICRO", "TD_SYNNEX", "FABRIC", "STULLER"];

const entity = (provider: Provider, ref: string) => ({ __typename: "Invoice", id: encodeInvoiceId(provider, ref) });
const numberOf = (run: CachedRun) => (run.result.data?.["invoice"] as { number: string } | null)?.number ?? null;
const poNumbers = (run: CachedRun) => ((run.result.data?.["invoicesByPurchaseOrder"] as { invoices: Array<{ number: string }> }).invoices ?? []).map((i) => i.number);

const LOOKUP_WITH_NOTICES = /* GraphQL */ `
  query ($pos: [String!]!) {
    invoicesByPurchaseOrder(purchaseOrderNumbers: $pos) {
      invoices { number retrievedAt }
      failures { provider code retryAfterSeconds }
      notices { provider purchaseOrderNumber code message }
    }
  }
`;

describe("fresh answers are reused for their freshness window", () => {
  it.each(ALL)("answers a %s purchase order again from the cache, then asks the provider once the window has passed", async (id) => {
    const clock = testClock();
    const provider = new InMemoryProvider({ id, account: "acct-1", invoices: [openInvoice(id, "OPEN-1", "PO-1")] });
    const sg = await subgraphWithCache([provider], lookupCaching({ now: clock.now }), { now: clock.now });
    expect(poNumbers(await sg.run(INVOICES_BY_PO, { pos: ["PO-1"] }))).toEqual(["OPEN-1"]);
    clock.advance(59_999);
    expect(poNumbers(await sg.run(INVOICES_BY_PO, { pos: ["PO-1"] }))).toEqual(["OPEN-1"]);
    expect(provider.callsOf("findByPurchaseOrders")).toEqual([["PO-1"]]);
    // Twice the window: too old even to serve while revalidating.
    clock.advance(60_001);
    await sg.run(INVOICES_BY_PO, { pos: ["PO-1"] });
    expect(provider.callsOf("findByPurchaseOrders")).toEqual([["PO-1"], ["PO-1"]]);
  });

  it("caches 'no invoices for this PO' and 'no such invoice' like any answer", async () => {
    const provider = new InMemoryProvider({ id: "STULLER", account: "acct-1", invoices: [] });
    const sg = await subgraphWithCache([provider], lookupCaching());
    for (let i = 0; i < 3; i++) {
      expect(poNumbers(await sg.run(INVOICES_BY_PO, { pos: ["PO-NONE"] }))).toEqual([]);
      expect(numberOf(await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "NOPE" }))).toBeNull();
    }
    expect(provider.calls.map((c) => [c.method, c.keys])).toEqual([
      ["findByPurchaseOrders", ["PO-NONE"]],
      ["findByNumbers", ["NOPE"]],
    ]);
  });

  it("answers the invoices a purchase-order lookup listed by id from the cache, and asks only for the rest", async () => {
    const provider = new InMemoryProvider({ id: "FABRIC", account: "acct-1", invoices: [openInvoice("FABRIC", "1", "PO-1"), openInvoice("FABRIC", "2", "PO-1"), openInvoice("FABRIC", "3")] });
    const sg = await subgraphWithCache([provider], lookupCaching());
    await sg.run(INVOICES_BY_PO, { pos: ["PO-1"] });
    const run = await sg.run(INVOICES_BY_ID, { representations: ["3", "1", "2", "1"].map((ref) => entity("FABRIC", ref)) });
    expect((run.result.data?.["_entities"] as Array<{ number: string }>).map((i) => i.number)).toEqual(["3", "1", "2", "1"]);
    expect(provider.callsOf("findByRefs")).toEqual([["3"]]);
  });

  it("keeps an invoice that can no longer change for INVOICE_CACHE_TTL_SECONDS, longer than other answers", async () => {
    const clock = testClock();
    const provider = new InMemoryProvider({ id: "STULLER", account: "acct-1", invoices: [immutableInvoice("STULLER", "S-1"), openInvoice("STULLER", "S-2")] });
    const sg = await subgraphWithCache([provider], lookupCaching({ now: clock.now, lookupTtlSeconds: 60, invoiceTtlSeconds: 300 }), { now: clock.now });
    for (const number of ["S-1", "S-2"]) await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number });
    clock.advance(200_000);
    for (const number of ["S-1", "S-2"]) await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number });
    expect(provider.callsOf("findByNumbers")).toEqual([["S-1"], ["S-2"], ["S-2"]]);
  });

  it("uses one entry for a number and an id where they are the same lookup, and two where they are not", async () => {
    const ingram = new InMemoryProvider({ id: "INGRAM_MICRO", account: "acct-1", numbersAreRefs: true, invoices: [openInvoice("INGRAM_MICRO", "20-1-11")] });
    const fabric = new InMemoryProvider({ id: "FABRIC", account: "acct-1", invoices: [openInvoice("FABRIC", "7")] });
    const sg = await subgraphWithCache([ingram, fabric], lookupCaching());
    await sg.run(INVOICE_BY_NUMBER, { provider: "INGRAM_MICRO", number: "20-1-11" });
    await sg.run(INVOICES_BY_ID, { representations: [entity("INGRAM_MICRO", "20-1-11")] });
    expect(ingram.calls.map((c) => c.method)).toEqual(["findByNumbers"]);
    // fabric finds numbers by search: a number answer is its own entry, though it also files the invoice under its id.
    await sg.run(INVOICES_BY_ID, { representations: [entity("FABRIC", "7")] });
    await sg.run(INVOICE_BY_NUMBER, { provider: "FABRIC", number: "7" });
    await sg.run(INVOICES_BY_ID, { representations: [entity("FABRIC", "7")] });
    expect(fabric.calls.map((c) => c.method)).toEqual(["findByRefs", "findByNumbers"]);
  });

  it("never lets one provider account see another account's answers, even through one shared store", async () => {
    const { store } = lookupCaching();
    const accountA = new InMemoryProvider({ id: "STULLER", account: "account-a", invoices: [openInvoice("STULLER", "S-1")] });
    const accountB = new InMemoryProvider({ id: "STULLER", account: "account-b", invoices: [immutableInvoice("STULLER", "S-1", null, "222.00")] });
    const sameAsA = new InMemoryProvider({ id: "STULLER", account: "account-a", invoices: [] });
    const total = (run: CachedRun) => (run.result.data?.["invoice"] as { total: { amount: string } } | null)?.total.amount;
    const a = await subgraphWithCache([accountA], lookupCaching({ store }));
    const b = await subgraphWithCache([accountB], lookupCaching({ store }));
    const a2 = await subgraphWithCache([sameAsA], lookupCaching({ store }));
    expect(total(await a.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" }))).toBe("100.00");
    expect(total(await b.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" }))).toBe("222.00");
    expect(accountB.callsOf("findByNumbers")).toEqual([["S-1"]]);
    // The same account (another replica on the same store) shares the entry without asking.
    expect(total(await a2.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" }))).toBe("100.00");
    expect(sameAsA.calls).toEqual([]);
  });

  it("shares nothing of a provider that names no account", async () => {
    const provider = new InMemoryProvider({ id: "STULLER", invoices: [openInvoice("STULLER", "S-1")] });
    const caching = lookupCaching();
    const sg = await subgraphWithCache([provider], caching);
    await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" });
    await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" });
    expect(provider.callsOf("findByNumbers")).toHaveLength(2);
    expect(caching.memory?.size).toBe(0);
  });

  it("reuses nothing with LOOKUP_CACHE_TTL_SECONDS=0 and INVOICE_CACHE_TTL_SECONDS=0", async () => {
    const provider = new InMemoryProvider({ id: "STULLER", account: "acct-1", invoices: [immutableInvoice("STULLER", "S-1", "PO-1")] });
    const sg = await subgraphWithCache([provider], lookupCaching({ lookupTtlSeconds: 0, invoiceTtlSeconds: 0, staleIfErrorSeconds: 0 }));
    for (let i = 0; i < 2; i++) {
      await sg.run(INVOICES_BY_PO, { pos: ["PO-1"] });
      await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" });
    }
    expect(provider.calls).toHaveLength(4);
  });

  it("stamps each invoice with the time its provider's answer arrived, and keeps it on every cached answer", async () => {
    const clock = testClock(Date.parse("2026-12-02T10:00:00.000Z"));
    const provider = new InMemoryProvider({ id: "FABRIC", account: "acct-1", invoices: [openInvoice("FABRIC", "1", "PO-1")] });
    const sg = await subgraphWithCache([provider], lookupCaching({ now: clock.now }), { now: clock.now });
    const first = await sg.run(LOOKUP_WITH_NOTICES, { pos: ["PO-1"] });
    clock.advance(30_000);
    const second = await sg.run(LOOKUP_WITH_NOTICES, { pos: ["PO-1"] });
    for (const run of [first, second]) expect(run.result.data?.["invoicesByPurchaseOrder"]).toMatchObject({ invoices: [{ number: "1", retrievedAt: "2026-12-02T10:00:00.000Z" }] });
  });

  it("evicts at the in-process store's bound, so an evicted answer is fetched again", async () => {
    const provider = new InMemoryProvider({ id: "FABRIC", account: "acct-1", invoices: ["1", "2"].map((n) => openInvoice("FABRIC", n)) });
    const sg = await subgraphWithCache([provider], lookupCaching({ memory: { maxEntries: 1 } }));
    for (const ref of ["1", "2", "1", "1"]) await sg.run(INVOICES_BY_ID, { representations: [entity("FABRIC", ref)] });
    expect(provider.callsOf("findByRefs")).toEqual([["1"], ["2"], ["1"]]);
  });

  it("keeps each request's one-call-per-batch DataLoader semantics when hits and misses mix", async () => {
    const provider = new InMemoryProvider({ id: "FABRIC", account: "acct-1", invoices: ["1", "2", "3"].map((n) => openInvoice("FABRIC", n)) });
    const sg = await subgraphWithCache([provider], lookupCaching());
    await sg.run(INVOICES_BY_ID, { representations: [entity("FABRIC", "1")] });
    const run = await sg.run(INVOICES_BY_ID, { representations: ["2", "1", "2", "3", "1"].map((ref) => entity("FABRIC", ref)) });
    expect((run.result.data?.["_entities"] as Array<{ number: string }>).map((i) => i.number)).toEqual(["2", "1", "2", "3", "1"]);
    expect(provider.callsOf("findByRefs")).toEqual([["1"], ["2", "3"]]);
  });
});

describe("answers this subgraph changes", () => {
  it("forgets an invoice's answers when it is acknowledged, so the next read shows the acknowledgement", async () => {
    const provider = new InMemoryProvider({ id: "FABRIC", account: "acct-1", acknowledgement: true, invoices: [openInvoice("FABRIC", "7", "PO-7")] });
    const sg = await subgraphWithCache([provider], lookupCaching());
    const ACK_STATE = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Invoice { number acknowledgedAt } } invoicesByPurchaseOrder(purchaseOrderNumbers: ["PO-7"]) { invoices { acknowledgedAt } } }`;
    const before = await sg.run(ACK_STATE, { r: [entity("FABRIC", "7")] });
    expect(before.result.data).toEqual({ _entities: [{ number: "7", acknowledgedAt: null }], invoicesByPurchaseOrder: { invoices: [{ acknowledgedAt: null }] } });
    const ack = await sg.run(`mutation ($ids: [ID!]!) { acknowledgeInvoices(ids: $ids) { acknowledged } }`, { ids: [encodeInvoiceId("FABRIC", "7")] });
    expect(ack.result.data).toEqual({ acknowledgeInvoices: [{ acknowledged: true }] });
    const after = await sg.run(ACK_STATE, { r: [entity("FABRIC", "7")] });
    expect(after.result.data).toEqual({ _entities: [{ number: "7", acknowledgedAt: "2026-01-01T00:00:00Z" }], invoicesByPurchaseOrder: { invoices: [{ acknowledgedAt: "2026-01-01T00:00:00Z" }] } });
  });
});

describe("stale-while-revalidate", () => {
  it("serves an answer past its window at once while one refresh runs, and the refreshed answer replaces it", async () => {
    const clock = testClock();
    const provider = new InMemoryProvider({ id: "STULLER", account: "acct-1", invoices: [openInvoice("STULLER", "S-1", "PO-1")] });
    const sg = await subgraphWithCache([provider], lookupCaching({ now: clock.now }), { now: clock.now });
    await sg.run(INVOICES_BY_PO, { pos: ["PO-1"] });
    provider.add(openInvoice("STULLER", "S-2", "PO-1"));
    clock.advance(90_000);
    // Three requests while the answer is stale: all served the old answer at once, one refresh.
    const stale = await Promise.all([1, 2, 3].map(() => sg.run(INVOICES_BY_PO, { pos: ["PO-1"] })));
    for (const run of stale) {
      expect(poNumbers(run)).toEqual(["S-1"]);
      expect(run.cacheControl).toBe("no-store");
    }
    await vi.waitFor(() => expect(provider.callsOf("findByPurchaseOrders")).toHaveLength(2));
    const refreshed = await sg.run(INVOICES_BY_PO, { pos: ["PO-1"] });
    expect(poNumbers(refreshed)).toEqual(["S-1", "S-2"]);
    expect(refreshed.cacheControl).toBe("private, max-age=60");
    expect(provider.callsOf("findByPurchaseOrders")).toHaveLength(2);
  });
});

describe("stale-if-error", () => {
  const down = () => new ProviderError("STULLER", "UNAVAILABLE", "Stuller answered HTTP 503 three times");

  it("serves a failing provider's last answer for a purchase order with a STALE notice naming the failure", async () => {
    const clock = testClock(Date.parse("2026-12-02T10:00:00.000Z"));
    const provider = new InMemoryProvider({ id: "STULLER", account: "acct-1", invoices: [openInvoice("STULLER", "S-1", "PO-1")] });
    const sg = await subgraphWithCache([provider], lookupCaching({ now: clock.now }), { now: clock.now });
    await sg.run(LOOKUP_WITH_NOTICES, { pos: ["PO-1"] });
    provider.failWith(down());
    clock.advance(600_000);
    const run = await sg.run(LOOKUP_WITH_NOTICES, { pos: ["PO-1"] });
    expect(run.result.errors).toBeUndefined();
    expect(run.cacheControl).toBe("no-store");
    const lookup = run.result.data?.["invoicesByPurchaseOrder"] as { invoices: unknown[]; failures: unknown[]; notices: Array<{ code: string; message: string }> };
    expect(lookup.invoices).toEqual([{ number: "S-1", retrievedAt: "2026-12-02T10:00:00.000Z" }]);
    expect(lookup.failures).toEqual([]);
    expect(lookup.notices).toEqual([
      {
        provider: "STULLER",
        purchaseOrderNumber: "PO-1",
        code: "STALE",
        message: "Stuller could not answer now (UNAVAILABLE: Stuller answered HTTP 503 three times); these are its invoices as of 2026-12-02T10:00:00.000Z",
      },
    ]);
  });

  it("shows the age through retrievedAt, without an error, in PurchaseOrder.invoices", async () => {
    const clock = testClock(Date.parse("2026-12-02T10:00:00.000Z"));
    const provider = new InMemoryProvider({ id: "STULLER", account: "acct-1", invoices: [openInvoice("STULLER", "S-1", "PO-1")] });
    const sg = await subgraphWithCache([provider], lookupCaching({ now: clock.now }), { now: clock.now });
    const query = `{ _entities(representations: [{ __typename: "PurchaseOrder", number: "PO-1" }]) { ... on PurchaseOrder { invoices { number retrievedAt } } } }`;
    await sg.run(query);
    provider.failWith(down());
    clock.advance(600_000);
    const run = await sg.run(query);
    expect(run.result.errors).toBeUndefined();
    expect(run.result.data).toEqual({ _entities: [{ invoices: [{ number: "S-1", retrievedAt: "2026-12-02T10:00:00.000Z" }] }] });
  });

  it("reports the failure as before when the last answer is older than STALE_IF_ERROR_SECONDS, or there is none", async () => {
    const clock = testClock();
    const provider = new InMemoryProvider({ id: "STULLER", account: "acct-1", invoices: [openInvoice("STULLER", "S-1", "PO-1")] });
    const sg = await subgraphWithCache([provider], lookupCaching({ now: clock.now, staleIfErrorSeconds: 900 }), { now: clock.now });
    await sg.run(LOOKUP_WITH_NOTICES, { pos: ["PO-1"] });
    provider.failWith(down());
    clock.advance(900_001);
    for (const pos of [["PO-1"], ["PO-NEVER-SEEN"]]) {
      const lookup = (await sg.run(LOOKUP_WITH_NOTICES, { pos })).result.data?.["invoicesByPurchaseOrder"];
      expect(lookup).toEqual({ invoices: [], failures: [{ provider: "STULLER", code: "UNAVAILABLE", retryAfterSeconds: null }], notices: [] });
    }
  });

  it("serves the last answer for an invoice by number while its provider fails, with its retrievedAt", async () => {
    const clock = testClock(Date.parse("2026-12-02T10:00:00.000Z"));
    const provider = new InMemoryProvider({ id: "STULLER", account: "acct-1", invoices: [openInvoice("STULLER", "S-1")] });
    const sg = await subgraphWithCache([provider], lookupCaching({ now: clock.now }), { now: clock.now });
    const query = `{ invoice(provider: STULLER, number: "S-1") { number retrievedAt } }`;
    await sg.run(query);
    provider.failWith(down());
    clock.advance(300_000);
    const run = await sg.run(query);
    expect(run.result).toEqual({ data: { invoice: { number: "S-1", retrievedAt: "2026-12-02T10:00:00.000Z" } } });
    expect(run.cacheControl).toBe("no-store");
  });

  it("never stores a failure: once the provider heals, its answer is fetched and cached", async () => {
    const clock = testClock();
    const provider = new InMemoryProvider({ id: "STULLER", account: "acct-1", invoices: [openInvoice("STULLER", "S-1")] });
    const caching = lookupCaching({ now: clock.now });
    const sg = await subgraphWithCache([provider], caching, { now: clock.now });
    provider.failWith(down());
    const failed = await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" });
    expect(failed.result.errors?.[0]?.extensions?.["code"]).toBe("PROVIDER_UNAVAILABLE");
    expect(caching.memory?.size).toBe(0);
    provider.failWith(null);
    expect(numberOf(await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" }))).toBe("S-1");
    expect(numberOf(await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" }))).toBe("S-1");
    expect(provider.callsOf("findByNumbers")).toEqual([["S-1"], ["S-1"]]);
  });

  it("fails only the key the provider failed, and keeps the others of the batch", async () => {
    const provider = new InMemoryProvider({ id: "FABRIC", account: "acct-1", invoices: ["1", "2"].map((n) => openInvoice("FABRIC", n)) });
    const sg = await subgraphWithCache([provider], lookupCaching());
    provider.failKey("2", new ProviderError("FABRIC", "BAD_RESPONSE", "fabric invoice 2 could not be read"));
    await sg.run(INVOICES_BY_ID, { representations: [entity("FABRIC", "1"), entity("FABRIC", "2")] });
    await sg.run(INVOICES_BY_ID, { representations: [entity("FABRIC", "1"), entity("FABRIC", "2")] });
    expect(provider.callsOf("findByRefs")).toEqual([["1", "2"], ["2"]]);
  });
});

describe("coalescing in one process", () => {
  it("lets 20 concurrent identical purchase-order lookups share one provider call", async () => {
    const provider = new InMemoryProvider({ id: "STULLER", account: "acct-1", invoices: [openInvoice("STULLER", "S-1", "PO-1")], latencyMs: 20 });
    const sg = await subgraphWithCache([provider], lookupCaching());
    const runs = await Promise.all(Array.from({ length: 20 }, () => sg.run(INVOICES_BY_PO, { pos: ["PO-1"] })));
    for (const run of runs) expect(poNumbers(run)).toEqual(["S-1"]);
    expect(provider.callsOf("findByPurchaseOrders")).toEqual([["PO-1"]]);
  });

  it("shares calls under way even when answers are not reused (TTL 0), and counts them", async () => {
    const before = await counterValue("invoices_cache_coalesced_total", { provider: "FABRIC", scope: "process" });
    const provider = new InMemoryProvider({ id: "FABRIC", account: "acct-1", invoices: [openInvoice("FABRIC", "1")], latencyMs: 20 });
    const sg = await subgraphWithCache([provider], lookupCaching({ lookupTtlSeconds: 0, invoiceTtlSeconds: 0, staleIfErrorSeconds: 0 }));
    await Promise.all(Array.from({ length: 5 }, () => sg.run(INVOICES_BY_ID, { representations: [entity("FABRIC", "1")] })));
    expect(provider.callsOf("findByRefs")).toEqual([["1"]]);
    expect(await counterValue("invoices_cache_coalesced_total", { provider: "FABRIC", scope: "process" })).toBe(before + 4);
    await sg.run(INVOICES_BY_ID, { representations: [entity("FABRIC", "1")] });
    expect(provider.callsOf("findByRefs")).toHaveLength(2);
  });

  it("asks the provider for a batch's keys once, joining the keys already under way", async () => {
    const provider = new InMemoryProvider({ id: "STULLER", account: "acct-1", invoices: [openInvoice("STULLER", "A", "PO-A"), openInvoice("STULLER", "B", "PO-B")], latencyMs: 20 });
    const sg = await subgraphWithCache([provider], lookupCaching());
    await Promise.all([sg.run(INVOICES_BY_PO, { pos: ["PO-A"] }), sg.run(INVOICES_BY_PO, { pos: ["PO-A", "PO-B"] })]);
    expect(provider.callsOf("findByPurchaseOrders")).toEqual([["PO-A"], ["PO-B"]]);
  });
});

describe("metrics and a failing store", () => {
  it("counts each lookup as a hit, a miss, a stale answer served while revalidating, or one served for an error", async () => {
    const labels = (result: string) => ({ provider: "INGRAM_MICRO", result });
    const results = ["hit", "miss", "stale_revalidate", "stale_error"];
    const before = await Promise.all(results.map((r) => counterValue("invoices_cache_requests_total", labels(r))));
    const clock = testClock();
    const provider = new InMemoryProvider({ id: "INGRAM_MICRO", account: "acct-1", invoices: [openInvoice("INGRAM_MICRO", "A")] });
    const sg = await subgraphWithCache([provider], lookupCaching({ now: clock.now }), { now: clock.now });
    await sg.run(INVOICES_BY_ID, { representations: [entity("INGRAM_MICRO", "A")] }); // miss
    await sg.run(INVOICES_BY_ID, { representations: [entity("INGRAM_MICRO", "A")] }); // hit
    clock.advance(90_000);
    await sg.run(INVOICES_BY_ID, { representations: [entity("INGRAM_MICRO", "A")] }); // stale, revalidated
    await vi.waitFor(() => expect(provider.calls).toHaveLength(2));
    clock.advance(200_000);
    provider.failWith(new ProviderError("INGRAM_MICRO", "UNAVAILABLE", "down"));
    await sg.run(INVOICES_BY_ID, { representations: [entity("INGRAM_MICRO", "A")] }); // miss, then stale for the error
    const after = await Promise.all(results.map((r) => counterValue("invoices_cache_requests_total", labels(r))));
    expect(after.map((value, i) => value - (before[i] ?? 0))).toEqual([1, 2, 1, 1]);
  });

  it("answers every lookup from the provider when the store itself fails", async () => {
    const broken: EntryStore = {
      get: async () => {
        throw new Error("connection refused");
      },
      set: async () => {
        throw new Error("connection refused");
      },
      delete: async () => {},
    };
    const provider = new InMemoryProvider({ id: "STULLER", account: "acct-1", invoices: [openInvoice("STULLER", "S-1")] });
    const sg = await subgraphWithCache([provider], lookupCaching({ store: broken }));
    for (let i = 0; i < 2; i++) {
      const run = await sg.run(INVOICE_BY_NUMBER, { provider: "STULLER", number: "S-1" });
      expect(run.result.errors).toBeUndefined();
      expect(numberOf(run)).toBe("S-1");
    }
    expect(provider.callsOf("findByNumbers")).toHaveLength(2);
  });
});
