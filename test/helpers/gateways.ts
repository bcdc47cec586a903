// The two gateways the federation suite runs through, each started the way its vendor
// documents it, as a real HTTP server on loopback: @apollo/gateway (in Apollo Server, over a
// supergraph composed by @apollo/composition) and The Guild's Hive Gateway (over a supergraph
// composed by @theguild/federation-composition; its runtime is imported from
// @graphql-hive/gateway-runtime, which @graphql-hive/gateway re-exports, to skip loading the
// CLI's plugins in every test run). Both insert the router secret into requests
// to the invoices subgraph only, in their own configuration idiom, and record every subgraph
// fetch they make.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { composeServices as apolloCompose } from "@apollo/composition";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { printSubgraphSchema } from "@apollo/subgraph";
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import { composeServices as guildCompose } from "@theguild/federation-composition";
import { parse, type DocumentNode } from "graphql";
import { request } from "undici";
import { buildSchema } from "../../src/graphql/schema.js";

export type GatewayName = "@apollo/gateway" | "Hive Gateway";

export interface SubgraphDefinition {
  readonly name: string;
  readonly typeDefs: DocumentNode;
  readonly url: string;
}

/** What a composer says about a set of subgraphs: the supergraph, or its error codes. */
export type Composition = { readonly supergraphSdl: string; readonly errorCodes?: undefined } | { readonly supergraphSdl?: undefined; readonly errorCodes: readonly string[] };

/** One request a gateway sent to a subgraph. */
export interface SubgraphFetch {
  readonly subgraph: string;
  readonly query: string;
}

export interface GatewayError {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** A gateway's answer; `TData` is the shape the test's query selects. */
export interface GatewayResponse<TData = Record<string, unknown>> {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly data?: TData | null;
  readonly errors?: readonly GatewayError[];
}

/** Rewrites the `errors` of an invoices subgraph answer before the gateway reads it. */
export type ErrorsRewrite = (errors: readonly GatewayError[]) => GatewayError[];

export interface RunningGateway {
  readonly url: string;
  /** Every subgraph request since the gateway started, in order. */
  readonly fetches: SubgraphFetch[];
  /**
   * From now on, the gateway reads the invoices subgraph's answers with their errors
   * rewritten (null: as sent). For trying other shapes of the subgraph's answer.
   */
  rewriteInvoicesErrors(rewrite: ErrorsRewrite | null): void;
  post<TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GatewayResponse<TData>>;
  stop(): Promise<void>;
}

export interface GatewayOptions {
  readonly orders: SubgraphDefinition;
  readonly invoices: SubgraphDefinition;
  /** Sent as `Router-Authorization` to the invoices subgraph, and to no other. */
  readonly routerSecret: string;
}

export interface GatewayKind {
  readonly name: GatewayName;
  compose(subgraphs: readonly SubgraphDefinition[]): Composition;
  start(options: GatewayOptions): Promise<RunningGateway>;
}

/** This subgraph's SDL as a router sees it (`_service { sdl }`). */
export function invoicesTypeDefs(): DocumentNode {
  return parse(printSubgraphSchema(buildSchema()));
}

async function postJson<TData>(url: string, query: string, variables?: Record<string, unknown>): Promise<GatewayResponse<TData>> {
  const response = await request(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  // The one place the JSON is given its type: the shape the caller's query selects.
  const body = (await response.body.json()) as { data?: TData | null; errors?: GatewayError[] };
  return { status: response.statusCode, headers: response.headers, data: body.data, errors: body.errors };
}

function supergraphOrThrow(kind: GatewayKind, subgraphs: readonly SubgraphDefinition[]): string {
  const composed = kind.compose(subgraphs);
  if (composed.supergraphSdl === undefined) throw new Error(`${kind.name}: composition failed with ${composed.errorCodes.join(", ")}`);
  return composed.supergraphSdl;
}

/**
 * Stands in for Apollo's usage reporting plugin, which sets `captureTraces` on the requests it
 * samples; the gateway then asks every subgraph for an `ftv1` trace.
 */
const sampleEveryRequestForTraces: ApolloServerPlugin = {
  async requestDidStart({ metrics }) {
    metrics.captureTraces = true;
  },
};

export const APOLLO_GATEWAY: GatewayKind = {
  name: "@apollo/gateway",
  compose(subgraphs) {
    const composed = apolloCompose(subgraphs.map((s) => ({ name: s.name, typeDefs: s.typeDefs, url: s.url })));
    if (composed.errors) return { errorCodes: composed.errors.map((e) => String(e.extensions["code"] ?? e.message)) };
    return { supergraphSdl: composed.supergraphSdl };
  },
  async start(options) {
    const fetches: SubgraphFetch[] = [];
    let rewrite: ErrorsRewrite | null = null;
    const server = new ApolloServer({
      gateway: new ApolloGateway({
        supergraphSdl: supergraphOrThrow(this, [options.orders, options.invoices]),
        buildService: ({ name, url }) =>
          new RemoteGraphQLDataSource({
            url,
            willSendRequest({ request: subgraphRequest }) {
              // The documented way to give one subgraph a header: the data source's hook.
              if (name === options.invoices.name) subgraphRequest.http?.headers.set("router-authorization", options.routerSecret);
              fetches.push({ subgraph: name, query: subgraphRequest.query ?? "" });
            },
            async didReceiveResponse({ response }) {
              if (rewrite && name === options.invoices.name && response.errors) response.errors = rewrite(response.errors);
              return response;
            },
          }),
      }),
      plugins: [sampleEveryRequestForTraces],
    });
    const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
    return {
      url,
      fetches,
      rewriteInvoicesErrors(next) {
        rewrite = next;
      },
      post: (query, variables) => postJson(url, query, variables),
      stop: () => server.stop(),
    };
  },
};

/** The environment variable Hive Gateway reads the invoices router secret from. */
export const HIVE_ROUTER_SECRET_ENV = "INVOICES_ROUTER_SECRET";

export const HIVE_GATEWAY: GatewayKind = {
  name: "Hive Gateway",
  compose(subgraphs) {
    const composed = guildCompose(subgraphs.map((s) => ({ name: s.name, typeDefs: s.typeDefs, url: s.url })));
    if (composed.errors) return { errorCodes: composed.errors.map((e) => String(e.extensions["code"] ?? e.message)) };
    return { supergraphSdl: composed.supergraphSdl };
  },
  async start(options) {
    const fetches: SubgraphFetch[] = [];
    let rewrite: ErrorsRewrite | null = null;
    const subgraphNames = new Map([
      [options.orders.url, options.orders.name],
      [options.invoices.url, options.invoices.name],
    ]);
    // As a gateway.config.ts would: the secret comes from the gateway's environment, interpolated
    // into the transport entry's headers of the invoices subgraph only.
    const previousSecret = process.env[HIVE_ROUTER_SECRET_ENV];
    process.env[HIVE_ROUTER_SECRET_ENV] = options.routerSecret;
    const runtime = createGatewayRuntime({
      supergraph: supergraphOrThrow(this, [options.orders, options.invoices]),
      logging: false,
      transportEntries: { [options.invoices.name]: { headers: [["Router-Authorization", `{env.${HIVE_ROUTER_SECRET_ENV}}`]] } },
      plugins: () => [
        {
          onFetch({ url, options: init }) {
            const subgraph = subgraphNames.get(url) ?? url;
            const body = typeof init.body === "string" ? (JSON.parse(init.body) as { query?: string }) : {};
            fetches.push({ subgraph, query: body.query ?? "" });
            const active = rewrite;
            if (!active || subgraph !== options.invoices.name) return;
            return async ({ response, setResponse }) => {
              const answer = (await response.json()) as { errors?: GatewayError[] };
              if (answer.errors) answer.errors = active(answer.errors);
              setResponse(new Response(JSON.stringify(answer), { status: response.status, headers: { "content-type": "application/json" } }));
            };
          },
        },
      ],
    });
    const http: Server = createServer(runtime);
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
    return {
      url,
      fetches,
      rewriteInvoicesErrors(next) {
        rewrite = next;
      },
      post: (query, variables) => postJson(url, query, variables),
      async stop() {
        http.closeAllConnections();
        await new Promise<void>((resolve) => http.close(() => resolve()));
        await runtime.dispose();
        if (previousSecret === undefined) delete process.env[HIVE_ROUTER_SECRET_ENV];
        else process.env[HIVE_ROUTER_SECRET_ENV] = previousSecret;
      },
    };
  },
};

export const GATEWAYS: readonly GatewayKind[] = [APOLLO_GATEWAY, HIVE_GATEWAY];

/**
 * Whether the gateway runtime the tests import is the one the pinned @graphql-hive/gateway
 * runs (a bump of one without the other would test another version than the README names).
 */
export function hiveRuntimeIsTheGatewaysOwn(): boolean {
  const require = createRequire(import.meta.url);
  const gatewayRequire = createRequire(require.resolve("@graphql-hive/gateway/package.json"));
  return gatewayRequire.resolve("@graphql-hive/gateway-runtime/package.json") === require.resolve("@graphql-hive/gateway-runtime/package.json");
}
