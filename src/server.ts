// Apollo Server and the HTTP front it runs behind. Exported for tests; main.ts is the only
// place that listens on a real port from configuration.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { LookupCaches } from "./cache/lookup-caches.js";
import { createContext, type Context } from "./context.js";
import { cacheControlPlugin } from "./graphql/cache-control.js";
import { buildSchema } from "./graphql/schema.js";
import { routerAuthorizer } from "./front/router-auth.js";
import { DEFAULT_QUERY_LIMITS, limitParseOptions, limitValidationRules, listLimitsPlugin, type QueryLimits } from "./graphql/limits.js";
import type { Logger } from "./observability/logger.js";
import { metricsRegistry } from "./observability/metrics.js";
import { requestTracingPlugin, traceGraphQLRequest } from "./observability/request-tracing.js";
import { tracingEnabled } from "./observability/tracing.js";
import type { ProviderRegistry } from "./providers/registry.js";

export interface SubgraphOptions {
  readonly registry: ProviderRegistry;
  readonly logger: Logger;
  readonly requestDeadlineMs: number;
  /** Introspection and Apollo Sandbox landing page; on for the sandbox and local runs. */
  readonly introspection: boolean;
  readonly limits?: QueryLimits;
  /** Accepted `Router-Authorization` values; empty or absent: no router check. */
  readonly routerSecrets?: readonly string[];
  /** The process's lookup caches (created once, in main.ts); absent: nothing is reused across requests. */
  readonly lookups?: LookupCaches;
  /** Aborted when the shutdown grace period ends: every upstream call still running is cut. */
  readonly shutdownSignal?: AbortSignal;
}

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Appends the provider failures fields reported next to their data, ends the deadline, and
 * writes one log line per GraphQL request.
 */
const contextErrorsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    const started = performance.now();
    return {
      async willSendResponse({ response, contextValue, operationName, operation }) {
        contextValue.dispose();
        const errors = response.body.kind === "single" ? (response.body.singleResult.errors?.length ?? 0) + contextValue.extraErrors.length : 0;
        contextValue.logger.info(
          { operationName: operationName ?? null, operation: operation?.operation ?? null, errors, durationMs: Math.round(performance.now() - started) },
          "graphql request",
        );
        if (response.body.kind !== "single" || contextValue.extraErrors.length === 0) return;
        const result = response.body.singleResult;
        result.errors = [...(result.errors ?? []), ...contextValue.extraErrors.map((error) => error.toJSON())];
      },
    };
  },
};

/**
 * Every error that is not a GraphQLError raised on purpose is a bug or an unexpected
 * failure: the client gets a generic message (a thrown message may carry a secret or an
 * upstream body), the log gets the detail.
 */
export function maskingFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof GraphQLError) return formatted;
    logger.error({ err: original, path: formatted.path }, "unexpected error in a resolver");
    return { message: "Internal server error", path: formatted.path, locations: formatted.locations, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  };
}

export function createApollo(options: SubgraphOptions): ApolloServer<Context> {
  const limits = options.limits ?? DEFAULT_QUERY_LIMITS;
  return new ApolloServer<Context>({
    schema: buildSchema(),
    introspection: options.introspection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: !options.introspection,
    allowBatchedHttpRequests: false,
    // main.ts drains in-flight requests on SIGTERM itself; Apollo's own handler would race it.
    stopOnTerminationSignals: false,
    validationRules: limitValidationRules(limits),
    parseOptions: limitParseOptions(limits),
    formatError: maskingFormatError(options.logger),
    // Cache-Control comes from what the request recorded (graphql/cache-control.ts), not from
    // Apollo's per-field cacheControl hook, which is turned off.
    // The tracing plugin comes after contextErrorsPlugin, so its error count includes provider failures.
    plugins: [listLimitsPlugin<Context>(limits), contextErrorsPlugin, cacheControlPlugin, ApolloServerPluginCacheControlDisabled(), requestTracingPlugin],
  });
}

export interface RunningSubgraph {
  readonly url: string;
  readonly apollo: ApolloServer<Context>;
  readonly http: Server;
  /** Readiness answers 503 from now on, so load balancers stop routing here; requests are still served. */
  drain(): void;
  /**
   * Stops accepting connections and lets requests in flight finish. At `cutAt` (epoch ms;
   * default 25 s from now) `cut` runs (it aborts the upstream calls still running, so their
   * requests are answered with TIMEOUT failures), and connections still open `flushMs` later
   * are closed. Resolves once every connection is closed and Apollo has stopped.
   */
  stop(options?: { readonly cutAt?: number; readonly cut?: () => void; readonly flushMs?: number }): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}

async function sendMetrics(response: ServerResponse): Promise<void> {
  const text = await metricsRegistry.metrics();
  response.writeHead(200, { "content-type": metricsRegistry.contentType });
  response.end(text);
}

async function handleGraphQL(apollo: ApolloServer<Context>, options: SubgraphOptions, request: IncomingMessage, response: ServerResponse, url: URL) {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const text = await readBody(request);
  if (text === null) return sendJson(response, 413, { errors: [{ message: `request body larger than ${MAX_BODY_BYTES} bytes` }] });
  let body: unknown = text;
  if ((headers.get("content-type") ?? "").toLowerCase().startsWith("application/json") && text !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      return sendJson(response, 400, { errors: [{ message: "request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
    }
  }
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (request.method ?? "GET").toUpperCase(), headers, search: url.search, body },
    context: async () =>
      createContext({
        registry: options.registry,
        logger: options.logger,
        deadlineMs: options.requestDeadlineMs,
        requestId: headers.get("x-request-id")?.slice(0, 128),
        lookups: options.lookups,
        shutdownSignal: options.shutdownSignal,
      }),
  });
  for (const [name, value] of result.headers) response.setHeader(name, value);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === "complete") return response.end(result.body.string);
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

/** Starts Apollo and an HTTP server on `port` (0 picks a free one) bound to `host`. */
export async function startSubgraph(options: SubgraphOptions & { port: number; host?: string }): Promise<RunningSubgraph> {
  const apollo = createApollo(options);
  await apollo.start();
  const authorized = routerAuthorizer(options.routerSecrets ?? []);
  let draining = false;
  const http = createHttpServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    // While draining, answers close their connections so keep-alive clients reconnect elsewhere.
    if (draining) response.setHeader("connection", "close");
    let done: Promise<unknown>;
    if (url.pathname === "/health/live") done = Promise.resolve(sendJson(response, 200, { status: "live" }));
    // Ready: configuration was valid (or the process would not have started) and the server
    // accepts requests; not while draining, so a load balancer stops sending traffic.
    else if (url.pathname === "/health/ready") done = Promise.resolve(sendJson(response, draining ? 503 : 200, { status: draining ? "draining" : "ready" }));
    else if (url.pathname === "/metrics") done = sendMetrics(response);
    else if (url.pathname !== "/graphql") done = Promise.resolve(sendJson(response, 404, { error: "not found" }));
    else if (authorized && !authorized(request.headers)) {
      request.resume();
      done = Promise.resolve(sendJson(response, 401, { errors: [{ message: "Unauthorized", extensions: { code: "UNAUTHENTICATED" } }] }));
    } else if (tracingEnabled()) done = traceGraphQLRequest(request, response, () => handleGraphQL(apollo, options, request, response, url));
    else done = handleGraphQL(apollo, options, request, response, url);
    done.catch((error: unknown) => {
      options.logger.error({ err: error }, "unhandled error serving a request");
      if (!response.headersSent) sendJson(response, 500, { errors: [{ message: "Internal server error" }] });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const host = options.host && options.host !== "0.0.0.0" ? options.host : "localhost";
  return {
    url: `http://${host}:${port}/graphql`,
    apollo,
    http,
    drain() {
      draining = true;
    },
    async stop({ cutAt = Date.now() + 25_000, cut, flushMs = 500 } = {}) {
      draining = true;
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      // Keep-alive sockets become idle as their last request ends; close them as they do.
      http.closeIdleConnections();
      const sweep = setInterval(() => http.closeIdleConnections(), 50);
      let forced: NodeJS.Timeout | undefined;
      const cutoff = setTimeout(() => {
        cut?.();
        // The cut requests answer within moments; whatever is still open after that is cut too.
        forced = setTimeout(() => http.closeAllConnections(), flushMs);
        forced.unref();
      }, Math.max(0, cutAt - Date.now()));
      cutoff.unref();
      await closed;
      clearInterval(sweep);
      clearTimeout(cutoff);
      clearTimeout(forced);
      await apollo.stop();
    },
  };
}
