// The federation proof: this subgraph composed with a small orders subgraph that owns
// PurchaseOrder, a real @apollo/gateway over both on loopback, and the call counts that
// show the router's `_entities` fetch reaching each provider as one batch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApolloServer } from "@apollo/server";
import { ProviderError } from "../../src/domain/errors.js";
import { loadTypeDefs } from "../../src/graphql/schema.js";
import { InMemoryProvider } from "../../src/providers/in-memory/index.js";
import { ProviderRegistry } from "../../src/providers/registry.js";
import { startSubgraph, type RunningSubgraph } from "../../src/server.js";
import { startGateway, startOrdersSubgraph } from "../helpers/federation.js";
import { sampleInvoice } from "../helpers/invoices.js";
import { silentLogger } from "../helpers/subgraph.js";

const PURCHASE_ORDERS = ["PO-1", "PO-2", "PO-3", "PO-4"];
let orders: Awaited<ReturnType<typeof startOrdersSubgraph>>;
let invoices: RunningSubgraph;
let gateway: ApolloServer;
let providers: InMemoryProvider[];
const invoicesSubgraphQueries: string[] = [];

beforeAll(async () => {
  providers = [
    new InMemoryProvider({ id: "INGRAM_MICRO", invoices: [sampleInvoice("INGRAM_MICRO", "IM-1", "PO-1"), sampleInvoice("INGRAM_MICRO", "IM-3", "PO-3")] }),
    new InMemoryProvider({ id: "TD_SYNNEX", invoices: [sampleInvoice("TD_SYNNEX", "TD-1", "PO-1"), sampleInvoice("TD_SYNNEX", "TD-2", "PO-2")] }),
    new InMemoryProvider({ id: "FABRIC", invoices: [sampleInvoice("FABRIC", "FB-4", "PO-4")] }),
    new InMemoryProvider({ id: "STULLER", invoices: [sampleInvoice("STULLER", "ST-2", "PO-2", "19.99")] }),
  ];
  orders = await startOrdersSubgraph();
  invoices = await startSubgraph({ registry: new ProviderRegistry(providers), logger: silentLogger, requestDeadlineMs: 5_000, introspection: false, port: 0, host: "127.0.0.1" });
  gateway = await startGateway(orders.url, invoices.url, (query) => invoicesSubgraphQueries.push(query));
});

afterAll(async () => {
  await gateway?.stop();
  await invoices?.stop();
  await orders?.close();
});

function resetCounts() {
  invoicesSubgraphQueries.length = 0;
  for (const p of providers) {
    p.calls.length = 0;
    p.failWith(null);
  }
}

async function viaGateway(query: string) {
  const response = await gateway.executeOperation({ query });
  if (response.body.kind !== "single") throw new Error("unexpected incremental response");
  return response.body.singleResult;
}

describe("federation through a real gateway", () => {
  it("composes this subgraph with an orders subgraph that owns PurchaseOrder", () => {
    expect(loadTypeDefs().definitions.length).toBeGreaterThan(10);
  });

  it("resolves the invoices of several purchase orders with one _entities request and one batch per provider", async () => {
    resetCounts();
    const result = await viaGateway(`{
      purchaseOrders(numbers: ${JSON.stringify(PURCHASE_ORDERS)}) {
        number status
        invoices { provider number total { amount currency } lines { serialNumbers { value } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const pos = (result.data?.["purchaseOrders"] ?? []) as Array<{ number: string; status: string; invoices: Array<{ provider: string; number: string; total: { amount: string } }> }>;
    expect(pos.map((po) => [po.number, po.status, po.invoices.map((i) => i.number)])).toEqual([
      ["PO-1", "OPEN", ["IM-1", "TD-1"]],
      ["PO-2", "OPEN", ["TD-2", "ST-2"]],
      ["PO-3", "OPEN", ["IM-3"]],
      ["PO-4", "OPEN", ["FB-4"]],
    ]);
    expect(pos[1]?.invoices[1]?.total.amount).toBe("19.99");

    expect(invoicesSubgraphQueries).toHaveLength(1);
    expect(invoicesSubgraphQueries[0]).toContain("_entities");
    for (const provider of providers) expect(provider.callsOf("findByPurchaseOrders")).toEqual([PURCHASE_ORDERS]);
  });

  it("passes a failed provider's typed error through the gateway while the others' invoices arrive", async () => {
    resetCounts();
    providers[3]?.failWith(new ProviderError("STULLER", "UNAVAILABLE", "Stuller answered HTTP 503 three times"));
    const result = await viaGateway(`{ purchaseOrders(numbers: ["PO-2"]) { number invoices { provider number } } }`);
    expect(result.data?.["purchaseOrders"]).toEqual([{ number: "PO-2", invoices: [{ provider: "TD_SYNNEX", number: "TD-2" }] }]);
    expect(result.errors).toMatchObject([{ message: "Stuller answered HTTP 503 three times", extensions: { code: "PROVIDER_UNAVAILABLE", provider: "STULLER" } }]);
  });

  it("links an invoice back to its purchase order's fields in the orders subgraph", async () => {
    resetCounts();
    const result = await viaGateway(`{ invoice(provider: FABRIC, number: "FB-4") { number purchaseOrder { number status } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.["invoice"]).toEqual({ number: "FB-4", purchaseOrder: { number: "PO-4", status: "OPEN" } });
  });
});
