// A minimal HTTP front for Apollo variants that src/server.ts cannot build (extra plugins
// added with addPlugin before start). It does what handleGraphQL in src/server.ts does for a
// POST /graphql: headers into a HeaderMap, body read and JSON-parsed, a fresh context per
// request. The variants child also serves the unmodified startSubgraph front, so the
// replica's own cost is visible next to it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import type { LookupCaches } from "../../src/cache/lookup-caches.js";
import { createContext, type Context } from "../../src/context.js";
import type { Logger } from "../../src/observability/logger.js";
import type { ProviderRegistry } from "../../src/providers/registry.js";

export interface FrontOptions {
  readonly registry: ProviderRegistry;
  readonly logger: Logger;
  readonly deadlineMs: number;
  readonly lookups: LookupCaches | undefined;
}

export async function serveApollo(apollo: ApolloServer<Context>, options: FrontOptions): Promise<{ url: string; server: Server }> {
  const { registry, logger, deadlineMs, lookups } = options;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      const text = Buffer.concat(chunks).toString("utf8");
      const body: unknown = (headers.get("content-type") ?? "").startsWith("application/json") && text !== "" ? JSON.parse(text) : text;
      const url = new URL(request.url ?? "/", "http://localhost");
      apollo
        .executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: (request.method ?? "GET").toUpperCase(), headers, search: url.search, body },
          context: async () => createContext({ registry, logger, deadlineMs, requestId: headers.get("x-request-id")?.slice(0, 128), lookups }),
        })
        .then(async (result) => {
          for (const [name, value] of result.headers) response.setHeader(name, value);
          response.statusCode = result.status ?? 200;
          if (result.body.kind === "complete") return void response.end(result.body.string);
          for await (const chunk of result.body.asyncIterator) response.write(chunk);
          response.end();
        })
        .catch(() => {
          if (!response.headersSent) response.writeHead(500);
          response.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}
