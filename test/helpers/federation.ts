// Federation set-up for the gateway tests: a tiny orders subgraph that owns PurchaseOrder,
// served over HTTP on loopback, and a real @apollo/gateway composing it with this subgraph.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { composeServices } from "@apollo/composition";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { buildSubgraphSchema, printSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { buildSchema } from "../../src/graphql/schema.js";

export const ORDERS_SDL = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type PurchaseOrder @key(fields: "number") {
    number: String!
    status: String!
  }
  type Query {
    purchaseOrders(numbers: [String!]!): [PurchaseOrder!]!
  }
`);

export interface OrdersSubgraph {
  readonly url: string;
  /** The headers of every request received, in order. */
  readonly requestHeaders: readonly IncomingHttpHeaders[];
  close(): Promise<void>;
}

export async function startOrdersSubgraph(): Promise<OrdersSubgraph> {
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
  const requestHeaders: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    requestHeaders.push(req.headers);
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { query: string; variables?: Record<string, unknown> };
      void apollo.executeOperation({ query: body.query, variables: body.variables }).then((response) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(response.body.kind === "single" ? response.body.singleResult : {}));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    requestHeaders,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}

/** A started gateway over the orders subgraph and this subgraph; `onInvoicesQuery` sees each fetch to it. */
export async function startGateway(ordersUrl: string, invoicesUrl: string, onInvoicesQuery: (query: string) => void): Promise<ApolloServer> {
  const composed = composeServices([
    { name: "orders", typeDefs: ORDERS_SDL, url: ordersUrl },
    { name: "invoices", typeDefs: parse(printSubgraphSchema(buildSchema())), url: invoicesUrl },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join("\n"));
  const gateway = new ApolloServer({
    gateway: new ApolloGateway({
      supergraphSdl: composed.supergraphSdl,
      buildService: ({ name, url }) =>
        new RemoteGraphQLDataSource({
          url,
          willSendRequest({ request }) {
            if (name === "invoices") onInvoicesQuery(request.query ?? "");
          },
        }),
    }),
  });
  await gateway.start();
  return gateway;
}
