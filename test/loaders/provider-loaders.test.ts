import { describe, expect, it } from "vitest";
import { ProviderError } from "../../src/domain/errors.js";
import { passThroughLookups } from "../../src/cache/lookup-caches.js";
import { ResponseCachePolicy } from "../../src/cache/response-policy.js";
import { createProviderLoaders } from "../../src/loaders/provider-loaders.js";
import type { CallContext, InvoiceProvider, PurchaseOrderResult } from "../../src/providers/types.js";
import { sampleInvoice } from "../helpers/invoices.js";
import { silentLogger } from "../helpers/subgraph.js";

const call: CallContext = { signal: new AbortController().signal, deadline: Date.now() + 10_000, requestId: "test", logger: silentLogger };

/** One request's loaders, with nothing reused across requests. */
const loadersOf = (provider: InvoiceProvider) => createProviderLoaders(provider, call, passThroughLookups().of(provider), new ResponseCachePolicy());

/** A provider that answers purchase orders in reverse order, as a Map, recording batches. */
function reversingProvider(maxBatchSize: number, behaviour: (keys: readonly string[]) => Map<string, PurchaseOrderResult | ProviderError> = defaultAnswer) {
  const batches: string[][] = [];
  const provider: InvoiceProvider = {
    id: "STULLER",
    maxBatchSize,
    findByNumbers: async () => new Map(),
    findByRefs: async () => new Map(),
    async findByPurchaseOrders(keys) {
      batches.push([...keys]);
      return behaviour(keys);
    },
  };
  return { provider, batches };
}

function defaultAnswer(keys: readonly string[]): Map<string, PurchaseOrderResult | ProviderError> {
  const answer = new Map<string, PurchaseOrderResult | ProviderError>();
  for (const k of [...keys].reverse()) if (k !== "NONE") answer.set(k, { invoices: [sampleInvoice("STULLER", `INV-${k}`, k)], notices: [] });
  return answer;
}

describe("per-provider DataLoaders", () => {
  it("de-duplicates keys and re-aligns the provider's answer to the keys' order", async () => {
    const { provider, batches } = reversingProvider(10);
    const loaders = loadersOf(provider);
    const results = await Promise.all(["A", "B", "A", "C"].map((k) => loaders.byPurchaseOrder.load(k)));
    expect(batches).toEqual([["A", "B", "C"]]);
    expect(results.map((r) => r.invoices[0]?.number)).toEqual(["INV-A", "INV-B", "INV-A", "INV-C"]);
  });

  it("gives a purchase order the provider did not mention no invoices", async () => {
    const { provider } = reversingProvider(10);
    const loaders = loadersOf(provider);
    expect(await loaders.byPurchaseOrder.load("NONE")).toEqual({ invoices: [], notices: [] });
  });

  it("chunks at maxBatchSize", async () => {
    const { provider, batches } = reversingProvider(2);
    const loaders = loadersOf(provider);
    await loaders.byPurchaseOrder.loadMany(["A", "B", "C", "D", "E"]);
    expect(batches).toEqual([["A", "B"], ["C", "D"], ["E"]]);
  });

  it("fails only the key the provider failed", async () => {
    const failure = new ProviderError("STULLER", "BAD_RESPONSE", "bad invoice");
    const { provider } = reversingProvider(10, (keys) => {
      const answer = defaultAnswer(keys);
      answer.set("B", failure);
      return answer;
    });
    const loaders = loadersOf(provider);
    const results = await loaders.byPurchaseOrder.loadMany(["A", "B"]);
    expect(results[0]).not.toBeInstanceOf(Error);
    expect(results[1]).toBe(failure);
  });

  it("turns a whole-batch failure into the same typed error for every key and does not call again for those keys", async () => {
    const { provider, batches } = reversingProvider(10, () => {
      throw new Error("socket hang up with token=SECRET");
    });
    const loaders = loadersOf(provider);
    const results = await loaders.byPurchaseOrder.loadMany(["A", "B"]);
    for (const result of results) {
      expect(result).toBeInstanceOf(ProviderError);
      expect((result as ProviderError).code).toBe("BAD_RESPONSE");
      expect((result as ProviderError).message).not.toContain("SECRET");
    }
    await loaders.byPurchaseOrder.loadMany(["A", "B"]);
    expect(batches).toEqual([["A", "B"]]);
  });

  it("creates independent loaders per request, so nothing is cached across requests", async () => {
    const { provider, batches } = reversingProvider(10);
    await loadersOf(provider).byPurchaseOrder.load("A");
    await loadersOf(provider).byPurchaseOrder.load("A");
    expect(batches).toEqual([["A"], ["A"]]);
  });
});
