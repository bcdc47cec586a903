// The real fabric client against the fabric simulator, behind the real subgraph. Every
// operation a test runs goes through `run`, which also books the acknowledge PUTs the
// simulator received while a *query* ran: queries must never cause one (G1).
import type { FabricConfig } from "../../../src/config.js";
import type { FabricProviderOptions } from "../../../src/providers/fabric/index.js";
import { createFabricProvider, type FabricProvider } from "../../../src/providers/fabric/index.js";
import { startFabricSimulator, type FabricSimulator, type FabricSimulatorOptions } from "../../../src/sandbox/fabric/index.js";
import { createSubgraphWithProviders, silentLogger, type GraphQLResult, type ProviderSubgraph } from "../../helpers/subgraph.js";

export interface Harness {
  readonly sim: FabricSimulator;
  readonly provider: FabricProvider;
  readonly subgraph: ProviderSubgraph;
  run(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult>;
  /** Requests the simulator received for a route, e.g. count("acknowledge"). */
  count(route: "token" | "list" | "get" | "acknowledge"): number;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly simulator?: FabricSimulatorOptions;
  /** Changes to the configuration the provider gets (wrong secret, another retailer...). */
  readonly config?: Partial<FabricConfig>;
  readonly provider?: Partial<Omit<FabricProviderOptions, "logger">>;
  readonly deadlineMs?: number;
}

/** Acknowledge PUTs seen while queries ran, across every harness of the test file. */
export const queryLedger = { queries: 0, putsDuringQueries: 0 };

/** Millisecond-scale timeouts and backoff, so fault scenarios cost little wall time. */
import { FAST_TRANSPORT as SHARED_FAST_TRANSPORT } from "../../http/support.js";

/** The slow-response faults of these tests are tuned to 1 s timeouts. */
export const FAST_TRANSPORT = { ...SHARED_FAST_TRANSPORT, headersTimeoutMs: 1_000, bodyTimeoutMs: 1_000 };

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const sim = await startFabricSimulator(options.simulator);
  const { transport, ...rest } = options.provider ?? {};
  const provider = createFabricProvider({ ...sim.credentials, ...options.config }, {
    logger: silentLogger,
    pageSize: 100,
    ...rest,
    transport: { ...FAST_TRANSPORT, ...transport, retry: { ...FAST_TRANSPORT.retry, ...transport?.retry } },
  });
  const subgraph = await createSubgraphWithProviders([provider], { deadlineMs: options.deadlineMs ?? 10_000 });
  const puts = () => sim.requests.filter((r) => r.route === "acknowledge").length;
  return {
    sim,
    provider,
    subgraph,
    async run(query, variables) {
      const isMutation = /^\s*mutation\b/.test(query);
      const before = puts();
      const result = await subgraph.run(query, variables);
      if (!isMutation) {
        queryLedger.queries += 1;
        queryLedger.putsDuringQueries += puts() - before;
      }
      return result;
    },
    count: (route) => sim.requests.filter((r) => r.route === route).length,
    async close() {
      await subgraph.apollo.stop();
      // The simulator first: a token fetch still running after its callers gave up (it has a
      // deadline of its own) ends with the connection, instead of holding provider.close()
      // until undici's headers timeout.
      await sim.close();
      await provider.close();
    },
  };
}

export const PAGE = /* GraphQL */ `
  query ($first: Int, $after: String) {
    unacknowledgedInvoices(first: $first, after: $after) {
      edges { cursor node { id number acknowledgedAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const ACK = /* GraphQL */ `
  mutation ($ids: [ID!]!) { acknowledgeInvoices(ids: $ids) { id acknowledged error } }
`;

export interface Page {
  edges: Array<{ cursor: string; node: { id: string; number: string; acknowledgedAt: string | null } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface AckResult {
  id: string;
  acknowledged: boolean;
  error: string | null;
}

export async function page(h: Harness, first: number, after: string | null): Promise<Page> {
  const result = await h.run(PAGE, { first, after });
  if (result.errors) throw new Error(`unacknowledgedInvoices failed: ${JSON.stringify(result.errors)}`);
  return result.data?.["unacknowledgedInvoices"] as Page;
}

export async function acknowledge(h: Harness, ids: readonly string[]): Promise<AckResult[]> {
  const result = await h.run(ACK, { ids });
  if (result.errors) throw new Error(`acknowledgeInvoices failed: ${JSON.stringify(result.errors)}`);
  return result.data?.["acknowledgeInvoices"] as AckResult[];
}

/**
 * One run of a retailer's poll: read a page, "store" it, acknowledge it, continue after the
 * page's end cursor until hasNextPage is false. Returns the invoice numbers in delivery order.
 */
export async function pollRun(h: Harness, first: number, afterEachPage?: (pageNo: number) => void): Promise<string[]> {
  const delivered: string[] = [];
  let after: string | null = null;
  for (let pageNo = 1; pageNo <= 100; pageNo++) {
    const current = await page(h, first, after);
    delivered.push(...current.edges.map((e) => e.node.number));
    if (current.edges.length > 0) {
      const results = await acknowledge(h, current.edges.map((e) => e.node.id));
      const failed = results.filter((r) => !r.acknowledged);
      if (failed.length > 0) throw new Error(`acknowledging failed: ${JSON.stringify(failed)}`);
    }
    afterEachPage?.(pageNo);
    if (!current.pageInfo.hasNextPage) return delivered;
    after = current.pageInfo.endCursor;
  }
  throw new Error("the poll did not finish within 100 pages");
}

export function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}
