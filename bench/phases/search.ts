// Figure (f): upstream calls per page of an invoice search (issue 15). A 90-day search of the
// sandbox's search invoices, read to the end with `first: 7`, against the real clients and the
// simulators, counted at the simulators: search calls per provider and page, and Ingram detail
// calls. Three readings, each with fresh lookup caches:
// - header fields, with the production cache (60 s): a page re-reads its providers' windows
//   from the cache, so only pages that open a new window call;
// - header fields, cache off (LOOKUP_CACHE_TTL_SECONDS=0): the worst case, every page calls;
// - with lines selected, production cache: one Ingram detail per Ingram invoice of the page.
// It runs in this process, on its own simulators, and takes a second or two: it counts calls,
// it does not time anything.
import { createLookupCaches } from "../../src/cache/lookup-caches.js";
import { createContext } from "../../src/context.js";
import { addDays } from "../../src/domain/dates.js";
import { createLogger } from "../../src/observability/logger.js";
import { PROVIDER_FACTORIES, type ProviderDeps } from "../../src/providers/index.js";
import { ProviderRegistry } from "../../src/providers/registry.js";
import { startFabricSimulator } from "../../src/sandbox/fabric/index.js";
import { startIngramMicroSimulator } from "../../src/sandbox/ingram-micro/index.js";
import { startStullerSimulator } from "../../src/sandbox/stuller/index.js";
import { createApollo } from "../../src/server.js";
import { processState } from "../../src/state/shared-state.js";

/** The sandbox day the search invoices count back from: fixed, so runs compare. */
const AS_OF = "2026-09-15";
const FIRST = 7;
const FILTER = { invoiceDateFrom: addDays(AS_OF, -89), invoiceDateTo: AS_OF };

export interface SearchPageCalls {
  readonly page: number;
  readonly invoices: number;
  readonly ingramInvoices: number;
  readonly ingramSearch: number;
  readonly ingramDetails: number;
  readonly fabricList: number;
  readonly stuller: number;
}

export interface SearchReading {
  readonly name: string;
  readonly cacheTtlSeconds: number;
  readonly lines: boolean;
  readonly pages: readonly SearchPageCalls[];
  readonly invoices: number;
  /** The most search calls one provider took on one page. */
  readonly maxSearchCallsPerProviderPage: number;
  /** Ingram detail calls per Ingram invoice listed (with lines selected: 1 each). */
  readonly detailsPerIngramInvoice: number;
  readonly errors: number;
}

export interface SearchFigure {
  /** When the figure was taken (ISO-8601). */
  readonly measuredAt: string;
  /** Taken on its own (BENCH_ONLY=search) and merged into an earlier full run's results. */
  readonly measuredAlone?: boolean;
  readonly asOf: string;
  readonly first: number;
  readonly filter: typeof FILTER;
  readonly readings: readonly SearchReading[];
}

const QUERY = (lines: boolean) =>
  `query ($f: InvoiceFilter!, $a: String) { invoices(filter: $f, first: ${FIRST}, after: $a) { edges { node { provider number invoiceDate status total { amount }${lines ? " lines { partNumber }" : ""} } } pageInfo { hasNextPage endCursor } failures { provider code } } }`;

export async function searchFigure(): Promise<SearchFigure> {
  const logger = createLogger({ level: "silent" });
  // Ingram's budget raised (as in the rest of the bench): the figure counts calls, the budget is the tests' concern.
  const [ingram, fabric, stuller] = await Promise.all([
    startIngramMicroSimulator({ searchInvoicesAsOf: AS_OF, limit: 1_000_000 }),
    startFabricSimulator({ searchInvoicesAsOf: AS_OF }),
    startStullerSimulator({ searchInvoicesAsOf: AS_OF }),
  ]);
  const deps: ProviderDeps = { logger, shared: processState(), ingramRateLimit: { limit: 1_000_000, windowMs: 60_000 } };
  const providers = [PROVIDER_FACTORIES.INGRAM_MICRO(ingram.credentials, deps), PROVIDER_FACTORIES.FABRIC(fabric.credentials, deps), PROVIDER_FACTORIES.STULLER(stuller.credentials, deps)];
  const registry = new ProviderRegistry(providers);
  const counts = () => ({
    ingramSearch: ingram.requests.filter((r) => r.kind === "search").length,
    ingramDetails: ingram.requests.filter((r) => r.kind === "detail").length,
    fabricList: fabric.requests.filter((r) => r.route === "list").length,
    stuller: stuller.requests.length,
  });

  async function reading(name: string, cacheTtlSeconds: number, lines: boolean): Promise<SearchReading> {
    const state = processState();
    const lookups = createLookupCaches({
      store: state.store,
      coordination: state.coordination,
      settings: { lookupTtlSeconds: cacheTtlSeconds, invoiceTtlSeconds: Math.max(cacheTtlSeconds, 300), staleIfErrorSeconds: 3_600 },
      logger,
      refreshDeadlineMs: 20_000,
    });
    const apollo = createApollo({ registry, logger, requestDeadlineMs: 20_000, introspection: false, lookups });
    await apollo.start();
    const pages: SearchPageCalls[] = [];
    let errors = 0;
    try {
      let after: string | null = null;
      for (let page = 1; page <= 100; page++) {
        const before = counts();
        const response = await apollo.executeOperation({ query: QUERY(lines), variables: { f: FILTER, a: after } }, { contextValue: createContext({ registry, logger, deadlineMs: 20_000, lookups }) });
        if (response.body.kind !== "single") throw new Error("incremental delivery is not used by this subgraph");
        const result = response.body.singleResult as { data?: { invoices?: { edges: Array<{ node: { provider: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null }; failures: unknown[] } }; errors?: unknown[] };
        const body = result.data?.invoices;
        if (body === undefined) throw new Error(`search page ${page} failed: ${JSON.stringify(result.errors)}`);
        errors += (result.errors?.length ?? 0) + body.failures.length;
        const now = counts();
        pages.push({
          page,
          invoices: body.edges.length,
          ingramInvoices: body.edges.filter((e) => e.node.provider === "INGRAM_MICRO").length,
          ingramSearch: now.ingramSearch - before.ingramSearch,
          ingramDetails: now.ingramDetails - before.ingramDetails,
          fabricList: now.fabricList - before.fabricList,
          stuller: now.stuller - before.stuller,
        });
        if (!body.pageInfo.hasNextPage) break;
        after = body.pageInfo.endCursor;
      }
    } finally {
      await apollo.stop();
    }
    const ingramInvoices = pages.reduce((sum, p) => sum + p.ingramInvoices, 0);
    return {
      name,
      cacheTtlSeconds,
      lines,
      pages,
      invoices: pages.reduce((sum, p) => sum + p.invoices, 0),
      maxSearchCallsPerProviderPage: Math.max(...pages.flatMap((p) => [p.ingramSearch, p.fabricList, p.stuller])),
      detailsPerIngramInvoice: ingramInvoices === 0 ? 0 : Math.round((100 * pages.reduce((sum, p) => sum + p.ingramDetails, 0)) / ingramInvoices) / 100,
      errors,
    };
  }

  try {
    const readings = [
      await reading("header fields, production cache (60 s)", 60, false),
      await reading("header fields, cache off", 0, false),
      await reading("with lines, production cache (60 s)", 60, true),
    ];
    process.stderr.write(`  (f) ${readings.map((r) => `${r.name}: ${r.pages.length} pages, max ${r.maxSearchCallsPerProviderPage} search call(s) per provider and page`).join("; ")}\n`);
    return { measuredAt: new Date().toISOString(), asOf: AS_OF, first: FIRST, filter: FILTER, readings };
  } finally {
    await Promise.allSettled(providers.map((p) => p.close?.()));
    await Promise.allSettled([ingram.close(), fabric.close(), stuller.close()]);
  }
}
