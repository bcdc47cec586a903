// Builds the real subgraph (schema, resolvers, plugins) around in-memory providers and runs
// operations through Apollo's request pipeline, the same path HTTP requests take.
import type { ApolloServer } from "@apollo/server";
import type { Provider } from "../../src/__generated__/resolvers-types.js";
import { createContext, type Context } from "../../src/context.js";
import type { InvoiceModel, LookupNoticeModel } from "../../src/domain/models.js";
import { createLogger } from "../../src/observability/logger.js";
import { InMemoryProvider, type InMemoryProviderOptions } from "../../src/providers/in-memory/index.js";
import { ProviderRegistry } from "../../src/providers/registry.js";
import type { InvoiceProvider } from "../../src/providers/types.js";
import { createApollo } from "../../src/server.js";

export interface TestSubgraph {
  readonly apollo: ApolloServer<Context>;
  readonly providers: ReadonlyMap<Provider, InMemoryProvider>;
  provider(id: Provider): InMemoryProvider;
  run(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult>;
}

export interface GraphQLResult {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
}

export const silentLogger = createLogger({ level: "silent" });

export interface ProviderSubgraph {
  readonly apollo: ApolloServer<Context>;
  run(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult>;
}

/** The real subgraph over any providers (real clients against simulators, or fakes). */
export async function createSubgraphWithProviders(
  providers: readonly InvoiceProvider[],
  options: { deadlineMs?: number; introspection?: boolean } = {},
): Promise<ProviderSubgraph> {
  const registry = new ProviderRegistry(providers);
  const apollo = createApollo({ registry, logger: silentLogger, requestDeadlineMs: options.deadlineMs ?? 5_000, introspection: options.introspection ?? true });
  await apollo.start();
  return {
    apollo,
    async run(query, variables) {
      const response = await apollo.executeOperation(
        { query, variables },
        { contextValue: createContext({ registry, logger: silentLogger, deadlineMs: options.deadlineMs ?? 5_000 }) },
      );
      if (response.body.kind !== "single") throw new Error("incremental delivery is not used by this subgraph");
      return response.body.singleResult as GraphQLResult;
    },
  };
}

export async function createTestSubgraph(
  providers: ReadonlyArray<Omit<InMemoryProviderOptions, "invoices"> & { invoices?: readonly InvoiceModel[]; notices?: readonly LookupNoticeModel[] }>,
  options: { deadlineMs?: number; introspection?: boolean } = {},
): Promise<TestSubgraph> {
  const instances = new Map<Provider, InMemoryProvider>();
  for (const p of providers) instances.set(p.id, new InMemoryProvider({ ...p, invoices: p.invoices ?? [] }));
  const subgraph = await createSubgraphWithProviders([...instances.values()], options);
  return {
    ...subgraph,
    providers: instances,
    provider(id) {
      const found = instances.get(id);
      if (!found) throw new Error(`no in-memory provider ${id} in this test subgraph`);
      return found;
    },
  };
}
