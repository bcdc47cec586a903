// The federation proof: this subgraph composed with a small orders subgraph that owns
// PurchaseOrder, a real @apollo/gateway over both on loopback, and the call counts that
// show the router's `_entities` fetch reaching each provider as one batch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApolloServer } from "@apollo/server";
import { composeServices } from "@apollo/composition";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { ProviderRegistry } from "../../src/providers/registry.js";
import { InMemoryProvider } from "../../src/providers/in-memory/index.js";
import { ProviderError } from "../../src/domain/errors.js";
import { loadTypeDefs } from "../../src/graphql/schema.js";
import { startSubgraph, type RunningSubgraph } from "../../src/server.js";
import { sampleInvoice } from "../helpers/invoices.js";
import { silentLogger } from "../helpers/subgraph.js";
import { printSubgraphSchema } from "@apollo/subgraph";
import { buildSchema } from "../../src/graphql/schema.js";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

const ORDERS_SDL = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type PurchaseOrder @key(fields: "number") {
    number: String!
    status: String!
  }
  type Query {
    purchaseOrders(numbers: [String!]!): [PurchaseOrder!]!
  }
`);

/** The orders subgraph: a tiny real subgraph served over HTTP on loopback. */
async function startOrders(): Promise<{ url: string; close(): Promise<void> }> {
  const schema = buildSubgraphSchema([
    {
      typeDefs: ORDERS_SDL,
      resolvers: {
        Query: { purchaseOrders: (_: unknown, { numbers }: { numbers: string[] }) => numbers.map((number) => ({ number, status: "OPEN" })) },
        PurchaseOrder: { __resolveReference: (ref: { number: string }) => ({ number: ref.number, status: "OPEN" }) },
      },
    },
  ]);
  const apollo = new ApolloServer({ schema });
  await apollo.start();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { query: string; variables?: Record<string, unknown> };
      const response = await apollo.executeOperation({ query: body.query, variables: body.variables });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(response.body.kind === "single" ? response.body.singleResult : {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}

const PURCHASE_ORDERS = ["PO-1", "PO-2", "PO-3", "PO-4"];
let orders: Awaited<ReturnType<typeof startOrders>>;
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
  orders = await startOrders();
  invoices = await startSubgraph({ registry: new ProviderRegistry(providers), logger: silentLogger, requestDeadlineMs: 5_000, introspection: false, port: 0, host: "127.0.0.1" });

  const composed = composeServices([
    { name: "orders", typeDefs: ORDERS_SDL, url: orders.url },
    { name: "invoices", typeDefs: parse(printSubgraphSchema(buildSchema())), url: invoices.url },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join("\n"));
  gateway = new ApolloServer({
    gateway: new ApolloGateway({
      supergraphSdl: composed.supergraphSdl,
      buildService: ({ name, url }) =>
        new RemoteGraphQLDataSource({
          url,
          willSendRequest({ request }) {
            if (name === "invoices") invoicesSubgraphQueries.push(request.query ?? "");
          },
        }),
    }),
  });
  await gateway.start();
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
