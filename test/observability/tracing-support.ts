// A provider whose purchase-order lookups wait until the test opens a gate, and the lookup
// cache of one provider account over an in-process store: what the tests of coalescing and
// background refreshes need, without HTTP.
import { createProviderLookups, type ProviderLookups } from "../../src/cache/lookup-cache.js";
import { MemoryEntryStore } from "../../src/cache/memory-store.js";
import type { CallContext, InvoiceProvider, KeyedResults, PurchaseOrderResult } from "../../src/providers/types.js";
import { LOCAL_COORDINATION } from "../../src/state/coordination.js";
import { silentLogger } from "../helpers/subgraph.js";

export interface GatedProvider extends InvoiceProvider {
  /** Calls made so far (one per batch). */
  readonly calls: number;
  /** Lets every call waiting, and every later one, answer "no invoices". */
  open(): void;
}

export function gatedProvider(): GatedProvider {
  let calls = 0;
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  const none = async (): Promise<KeyedResults<null>> => new Map();
  return {
    id: "FABRIC",
    maxBatchSize: 50,
    account: "tracing-test-account",
    get calls() {
      return calls;
    },
    open: () => open(),
    async findByPurchaseOrders(keys: readonly string[]): Promise<KeyedResults<PurchaseOrderResult>> {
      calls += 1;
      await gate;
      return new Map(keys.map((key) => [key, { invoices: [], notices: [] }]));
    },
    findByNumbers: none,
    findByRefs: none,
  };
}

export function lookupsOver(provider: InvoiceProvider, now: () => number = Date.now): ProviderLookups {
  const backgroundCall = (): CallContext => ({ signal: new AbortController().signal, deadline: now() + 5_000, requestId: "refresh", logger: silentLogger });
  return createProviderLookups(provider, {
    store: new MemoryEntryStore({ now }),
    coordination: LOCAL_COORDINATION,
    settings: { lookupTtlSeconds: 60, invoiceTtlSeconds: 60, staleIfErrorSeconds: 0 },
    backgroundCall,
    now,
  });
}
