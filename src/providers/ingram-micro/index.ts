// Ingram Micro behind the InvoiceProvider seam. By number or ref: one v5 detail call per
// invoice (and one search by invoice number only when v5 no longer knows it: an archived
// invoice). By purchase order: the v6 search (every page), then the v5 detail of each listed
// invoice, given the search row's header fields (status, due dates, amount due); an invoice
// v5 no longer details is returned from its row, with an ARCHIVED notice. Every detail is
// fetched at most once per GraphQL request, across batches and across loaders (the
// CallContext is created once per request, so it keys the memo).
//
// maxBatchSize is 100, the schema's cap on purchase orders per query: batching saves no
// upstream calls here (each key costs its own calls whatever the batch), so the batch is
// only where the per-request concurrency gate applies, and one batch per request keeps that
// gate the bound on a request's parallel calls. The account-wide rate limiter, not the
// batch size, is what keeps the subgraph under Ingram's 60 calls per 60 s.
import type { IngramConfig } from "../../config.js";
import { asProviderError, isProviderError, ProviderError } from "../../domain/errors.js";
import type { InvoiceModel } from "../../domain/models.js";
import { InProcessRateLimiter, type RateLimiter } from "../../http/rate-limiter.js";
import type { TransportOptions } from "../../http/transport.js";
import type { Logger } from "../../observability/logger.js";
import type { SharedState } from "../../state/shared-state.js";
import type { CallContext, InvoiceProvider, KeyedResults, PurchaseOrderResult } from "../types.js";
import { createIngramClient } from "./client.js";
import { concurrencyGate, type Gate } from "../../util/concurrency.js";
import { normalizeInvoice } from "./normalize.js";
import { canonicalInvoiceNumber, detailNumberOf } from "./numbers.js";
import { readInvoiceDetail, readSearchPage } from "./responses.js";
import { accountIdentity } from "../account.js";
import type { SearchRowDto } from "./schemas.js";
import { archivedInvoice, archivedNotice, withSearchRow } from "./search-rows.js";
import { ingramSearch } from "./search.js";

const PROVIDER = "INGRAM_MICRO";
/** Search pages read for one purchase order before giving up (Ingram's page size is at most 100). */
const MAX_SEARCH_PAGES = 10;

export interface IngramProviderOptions {
  readonly logger: Logger;
  /** Transport settings (timeouts, retry policy); the provider is always INGRAM_MICRO. */
  readonly transport?: Partial<Omit<TransportOptions, "provider">>;
  /**
   * The account's budget (default 60 calls per 60 s): from `shared` (one per account, for
   * every replica with Redis), else a limiter of this instance; or a limiter of your own.
   */
  readonly rateLimit?: { readonly limit?: number; readonly windowMs?: number; readonly limiter?: RateLimiter };
  /** State shared with other replicas (rate budget, OAuth token); absent: this instance only. */
  readonly shared?: SharedState;
  /** Upstream calls one batch runs at a time; default 4. */
  readonly concurrency?: number;
  /** v6 search page size, at most 100 (the default). */
  readonly pageSize?: number;
  /** IM-ApplicationID sent on v6 calls; default "invoices-subgraph". */
  readonly applicationId?: string;
  readonly token?: { readonly refreshMarginMs?: number; readonly fetchTimeoutMs?: number };
}

type Detail = InvoiceModel | null | ProviderError;

/** What one GraphQL request (one CallContext) has asked so far. */
interface RequestState {
  readonly details: Map<string, Promise<Detail>>;
  /** Search-by-number answers for numbers whose detail Ingram no longer serves. */
  readonly archived: Map<string, Promise<Detail>>;
  /** AUTH_FAILED ends the request's calls: the credentials will not work for the next one either. */
  fatal: ProviderError | null;
}

export function createIngramMicroProvider(config: IngramConfig, options: IngramProviderOptions): InvoiceProvider & { close(): Promise<void> } {
  const logger = options.logger.child({ provider: PROVIDER });
  // Where, which customer account (and country), as which API client.
  const account = accountIdentity(config.baseUrl.href, config.customerNumber, config.countryCode, config.clientId);
  const budget = { provider: PROVIDER, limit: options.rateLimit?.limit ?? 60, windowMs: options.rateLimit?.windowMs ?? 60_000 } as const;
  const limiter = options.rateLimit?.limiter ?? options.shared?.rateLimiter(`${PROVIDER}:${account}`, budget) ?? new InProcessRateLimiter(budget);
  const client = createIngramClient(config, {
    rateLimiter: limiter,
    shared: options.shared,
    applicationId: (options.applicationId ?? "invoices-subgraph").slice(0, 32),
    transport: options.transport,
    token: options.token,
  });
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const pageSize = Math.min(100, Math.max(1, options.pageSize ?? 100));
  const requests = new WeakMap<CallContext, RequestState>();

  function stateOf(call: CallContext): RequestState {
    let state = requests.get(call);
    if (state === undefined) {
      state = { details: new Map(), archived: new Map(), fatal: null };
      requests.set(call, state);
    }
    return state;
  }

  /**
   * One upstream call of the request, through the batch's gate. After AUTH_FAILED every later
   * call of the request fails the same way at once: it would be refused too, and fetch a token first.
   */
  function upstream<T>(call: CallContext, gate: Gate, work: () => Promise<T>): Promise<T> {
    const state = stateOf(call);
    return gate(async () => {
      if (state.fatal !== null) throw state.fatal;
      try {
        return await work();
      } catch (error) {
        if (error instanceof ProviderError && error.code === "AUTH_FAILED") state.fatal ??= error;
        throw error;
      }
    });
  }

  /** The invoice behind a detail number, fetched once per request; failures are values, never rejections. */
  function detail(number: string, call: CallContext, gate: Gate): Promise<Detail> {
    const { details } = stateOf(call);
    let pending = details.get(number);
    if (pending === undefined) {
      pending = upstream(call, gate, async () => {
        const dto = readInvoiceDetail(number, await client.invoiceDetail(number, call));
        return dto === null ? null : normalizeInvoice(number, dto);
      }).catch((error: unknown) => asProviderError(PROVIDER, error));
      details.set(number, pending);
    }
    return pending;
  }

  // --- Lookup logic for issue 14: search rows → header fields, archived invoices. -------------

  /**
   * A number the v5 detail does not know may still be listed by the v6 search (details are kept
   * nine months): one search by invoice number, once per request, for such numbers only.
   */
  function archivedByNumber(number: string, call: CallContext, gate: Gate): Promise<Detail> {
    const { archived } = stateOf(call);
    let pending = archived.get(number);
    if (pending === undefined) {
      pending = upstream(call, gate, async () => {
        const page = readSearchPage(number, await client.searchInvoicesByNumber(number.replaceAll("-", ""), call));
        // The search may match loosely; only the row of exactly this invoice counts.
        const row = page.invoices.find((candidate) => detailNumberOf(candidate) === number);
        return row === undefined ? null : archivedInvoice(number, row);
      }).catch((error: unknown) => asProviderError(PROVIDER, error));
      archived.set(number, pending);
    }
    return pending;
  }

  /** A listed invoice: its detail with the search row's header fields, or the row alone once archived. */
  async function listedInvoice(number: string, row: SearchRowDto, call: CallContext, gate: Gate): Promise<InvoiceModel | ProviderError> {
    const found = await detail(number, call, gate);
    if (found === null) return archivedInvoice(number, row);
    return isProviderError(found) ? found : withSearchRow(found, row);
  }

  // ---------------------------------------------------------------------------------------

  async function findByNumbers(keys: readonly string[], call: CallContext): Promise<KeyedResults<InvoiceModel | null>> {
    const gate = concurrencyGate(concurrency);
    const results = new Map<string, InvoiceModel | ProviderError>();
    await Promise.all(
      keys.map(async (key) => {
        const number = canonicalInvoiceNumber(key);
        // Not an Ingram invoice number at all: not found, without spending a call.
        if (number === null) return;
        const found = (await detail(number, call, gate)) ?? (await archivedByNumber(number, call, gate));
        if (found !== null) results.set(key, found);
      }),
    );
    return results;
  }

  /** Every invoice the v6 search lists for the purchase order, by detail number, with its row. */
  async function searchAll(purchaseOrder: string, call: CallContext, gate: Gate): Promise<Map<string, SearchRowDto>> {
    const numbers = new Map<string, SearchRowDto>();
    const wanted = purchaseOrder.trim().toUpperCase();
    for (let pageNumber = 1; ; pageNumber++) {
      if (pageNumber > MAX_SEARCH_PAGES) {
        throw new ProviderError(PROVIDER, "BAD_RESPONSE", `Ingram Micro listed more than ${MAX_SEARCH_PAGES * pageSize} invoices for purchase order ${purchaseOrder}`);
      }
      const page = readSearchPage(purchaseOrder, await upstream(call, gate, () => client.searchInvoices(purchaseOrder, pageNumber, pageSize, call)));
      // The search matches on the PO; a row naming another PO is not this PO's invoice.
      const rows = page.invoices.filter((row) => row.customerordernumber === null || row.customerordernumber.toUpperCase() === wanted);
      if (rows.length < page.invoices.length) {
        logger.warn({ requestId: call.requestId, skipped: page.invoices.length - rows.length }, "Ingram Micro invoice search listed invoices of other purchase orders; skipped");
      }
      for (const row of rows) {
        const number = detailNumberOf(row);
        if (number !== null && !numbers.has(number)) numbers.set(number, row);
      }
      // Page until pageNumber × pageSize covers recordsFound (nextPage names parameters the endpoint lacks).
      const servedSize = page.pagesize ?? pageSize;
      if (page.invoices.length === 0 || pageNumber * servedSize >= page.recordsfound) return numbers;
    }
  }

  async function invoicesOf(purchaseOrder: string, call: CallContext, gate: Gate): Promise<PurchaseOrderResult> {
    const rows = await searchAll(purchaseOrder, call, gate);
    const found = await Promise.all([...rows].map(([number, row]) => listedInvoice(number, row, call, gate)));
    // The seam has no per-invoice failure inside a PO: one unreadable invoice fails the PO, never silently drops it.
    const failure = found.find(isProviderError);
    if (failure !== undefined) throw failure;
    const invoices = found.filter((invoice): invoice is InvoiceModel => !isProviderError(invoice));
    // Listed by the search but no longer detailed: returned from its row, and said so.
    return { invoices, notices: invoices.filter((invoice) => invoice.archived).map((invoice) => archivedNotice(purchaseOrder, invoice)) };
  }

  return {
    id: PROVIDER,
    maxBatchSize: 100,
    account,
    findByNumbers,
    // The ref an id encodes is the detail number itself.
    findByRefs: findByNumbers,
    numbersAreRefs: true,
    async findByPurchaseOrders(purchaseOrders, call) {
      const gate = concurrencyGate(concurrency);
      const results = new Map<string, PurchaseOrderResult | ProviderError>();
      await Promise.all(
        purchaseOrders.map(async (po) => {
          try {
            results.set(po, await invoicesOf(po, call, gate));
          } catch (error) {
            results.set(po, asProviderError(PROVIDER, error));
          }
        }),
      );
      return results;
    },
    // Invoice search by date (issue 15): one v6 search page per call, rows as header-only invoices.
    search: ingramSearch(client, pageSize),
    close: () => client.close(),
  };
}
