// Invoice search across providers (contract.md §1 "Search across providers"): every provider
// that can search is read for one window of invoice dates (search/windows.ts), the page is
// merged in search order from what those reads prove (search/page.ts), and the cursor keeps
// each provider's position (search/cursor.ts). Partial failure as in the lookups: a provider
// that fails is listed in `failures`, keeps its position, and never hides the others.
//
// Cost: a page reads each provider once, one vendor page, through the request's loaders and
// the lookup cache (a page read again is a cache hit while fresh). Only a day holding more
// invoices than a vendor page costs more calls (windows.ts says why).
import { GraphQLError } from "graphql";
import type { InvoiceFilter, Provider } from "../__generated__/resolvers-types.js";
import type { Context } from "../context.js";
import { asProviderError, notConfigured, ProviderError, providerLabel, toProviderFailure } from "../domain/errors.js";
import type { ProviderFailureModel } from "../domain/models.js";
import type { SearchCapability, SearchPage } from "../providers/types.js";
import { decodeSearchCursor, encodeSearchCursor, InvalidSearchCursorError } from "../search/cursor.js";
import { needsDueDates, normalizeFilter, searchIdentity, type SearchFilter } from "../search/filter.js";
import type { InvoiceSearchResultModel, SearchNoticeModel } from "../search/models.js";
import { mergePage, type ProviderPart } from "../search/page.js";
import { notSupported, searchQueryKey } from "../search/query-key.js";
import { DONE, interpretPage, interpretWhole, startPosition, windowQuery, type Position, type ReadContext, type WindowRead } from "../search/windows.js";

/** Vendor pages one whole-window read may take (a day of more invoices than this × page size fails). */
const MAX_WHOLE_PAGES = 20;

interface Searching {
  readonly provider: Provider;
  readonly capability: SearchCapability;
}

/** The providers to search, and the failures of those named that cannot. */
function selectProviders(context: Context, filter: SearchFilter, named: readonly Provider[] | null): { searching: Searching[]; failures: ProviderFailureModel[] } {
  const searching: Searching[] = [];
  const failures: ProviderFailureModel[] = [];
  for (const provider of named ?? context.registry.configured()) {
    const instance = context.registry.get(provider);
    let refusal: ProviderError | null = null;
    if (instance === undefined) refusal = notConfigured(provider);
    else if (instance.search === undefined) refusal = notSupported(provider);
    else if (needsDueDates(filter) && !instance.search.dueDates) refusal = notSupported(provider, "states no due dates, so it cannot search by due date");
    else searching.push({ provider, capability: instance.search });
    // Left out of `providers`, a provider that cannot search this way is skipped silently.
    if (refusal !== null && named !== null) failures.push(toProviderFailure(refusal, []));
  }
  return { searching, failures };
}

function badInput(message: string, argumentName: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", argumentName } });
}

type StaleMark = NonNullable<SearchPage["stale"]>;
type ProviderOutcome = { readonly read: WindowRead; readonly stale: StaleMark | null } | ProviderError;

/** One provider's part of the page: its window read once (or, for a crowded day, whole). */
async function readProvider(context: Context, { provider, capability }: Searching, filter: SearchFilter, position: Position): Promise<ProviderOutcome> {
  if (position.done) return { read: { candidates: [], horizon: null, then: DONE }, stale: null };
  const loaders = context.loadersFor(provider);
  if (loaders instanceof Error) return loaders;
  const load = (lo: string | null, hi: string | null, page: number) => loaders.searchPage.load(searchQueryKey(windowQuery(filter, lo, hi, page)));
  const readContext: ReadContext = { provider, filter, position, pageSize: capability.pageSize };
  try {
    const first = await load(position.lo, position.hi, 1);
    const outcome = interpretPage(readContext, first);
    if (outcome.kind === "read") return { read: outcome.read, stale: first.stale ?? null };
    const pages: SearchPage[] = [];
    for (let page = 1; ; page++) {
      if (page > MAX_WHOLE_PAGES) {
        throw new ProviderError(provider, "BAD_RESPONSE", `${providerLabel(provider)} listed more than ${MAX_WHOLE_PAGES} pages of invoices for one day of this search`);
      }
      const read = await load(outcome.lo, outcome.hi, page);
      pages.push(read);
      if (!read.hasMore) break;
    }
    context.logger.info({ provider, pages: pages.length }, "a search read one crowded window whole (more invoices than one vendor page)");
    return { read: interpretWhole(readContext, outcome.lo, pages), stale: pages.find((page) => page.stale !== undefined)?.stale ?? null };
  } catch (error) {
    return asProviderError(provider, error);
  }
}

export interface SearchArguments {
  readonly filter: InvoiceFilter;
  readonly first: number;
  readonly after: string | null;
}

export async function searchInvoices(context: Context, args: SearchArguments): Promise<InvoiceSearchResultModel> {
  const { filter, providers: named } = normalizeFilter(args.filter);
  const { searching, failures } = selectProviders(context, filter, named);
  const identity = searchIdentity(filter, searching.map((s) => s.provider));
  let positions: Map<Provider, Position>;
  try {
    positions = args.after === null ? new Map(searching.map((s) => [s.provider, startPosition(filter)])) : decodeSearchCursor(args.after, identity, searching.map((s) => s.provider));
  } catch (error) {
    if (error instanceof InvalidSearchCursorError) throw badInput(error.message, "after");
    throw error;
  }

  const outcomes = await Promise.all(searching.map(async (s) => [s.provider, await readProvider(context, s, filter, positions.get(s.provider) ?? DONE)] as const));
  const parts: ProviderPart[] = [];
  const notices: SearchNoticeModel[] = [];
  const kept = new Map<Provider, Position>();
  for (const [provider, outcome] of outcomes) {
    const position = positions.get(provider) ?? DONE;
    if (outcome instanceof ProviderError) {
      // The failed provider keeps its place: a later page reads from there again.
      failures.push(toProviderFailure(outcome, []));
      kept.set(provider, position);
      continue;
    }
    parts.push({ provider, position, read: outcome.read });
    const stale = outcome.stale;
    if (stale !== null) {
      notices.push({
        provider,
        code: "STALE",
        message: `${providerLabel(provider)} could not answer now (${stale.code}: ${stale.message}); its invoices on this page are its answer as of ${new Date(stale.retrievedAt).toISOString()}`,
      });
    }
  }
  if (failures.length > 0) context.cachePolicy.uncacheable();

  const merged = mergePage(parts, args.first);
  const cursorOf = (page: ReadonlyMap<Provider, Position>) => encodeSearchCursor(identity, new Map([...page, ...kept]));
  const edges = merged.edges.map((edge) => ({ cursor: cursorOf(edge.positions), node: edge.invoice }));
  const last = edges.at(-1);
  // An empty page that goes on still needs a place to go on from.
  const endCursor = last !== undefined ? last.cursor : merged.hasNextPage ? cursorOf(merged.end) : null;
  return { edges, pageInfo: { hasNextPage: merged.hasNextPage, endCursor }, failures, notices };
}
