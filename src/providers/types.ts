// The seam every provider implements. Resolvers never call a provider directly: they go
// through the per-request DataLoaders of context.ts, which batch, dedupe and re-align keys.
import type { InvoiceStatus, Provider } from "../__generated__/resolvers-types.js";
import type { ProviderError } from "../domain/errors.js";
import type { DateString, InvoiceModel, LookupNoticeModel } from "../domain/models.js";
import type { Logger } from "../observability/logger.js";

/** What a provider call gets from the GraphQL request that caused it. */
export interface CallContext {
  /** Aborted when the request's deadline passes or the client goes away. */
  readonly signal: AbortSignal;
  /** Epoch milliseconds after which no upstream call may still be running. */
  readonly deadline: number;
  readonly requestId: string;
  readonly logger: Logger;
}

/** Everything a provider knows about one purchase order. */
export interface PurchaseOrderResult {
  readonly invoices: readonly InvoiceModel[];
  /** Business answers that are not invoices ("not invoiced yet", "archived"). */
  readonly notices: readonly LookupNoticeModel[];
}

/**
 * A per-key answer: a value, or a ProviderError that fails only that key. A provider throws
 * (rejects) only when the whole batch failed.
 */
export type KeyedResults<T> = ReadonlyMap<string, T | ProviderError>;

export interface UnacknowledgedPage {
  readonly invoices: readonly InvoiceModel[];
  /** Whether unacknowledged invoices follow the last one of this page. */
  readonly hasNextPage: boolean;
}

export type AcknowledgeOutcome =
  | { readonly acknowledged: true }
  | { readonly acknowledged: false; readonly error: string };

export interface InvoiceProvider {
  readonly id: Provider;
  /** Most keys one batch function call receives (DataLoader maxBatchSize). */
  readonly maxBatchSize: number;
  /**
   * Which upstream account this instance reads (providers/account.ts: never a secret). What
   * is shared across requests (the invoice cache) is keyed by it; without it, nothing of
   * this provider is shared across requests.
   */
  readonly account?: string;

  /**
   * True where an invoice's number *is* the key its id encodes, so `findByNumbers` and
   * `findByRefs` are one lookup (Ingram Micro, TD SYNNEX, Stuller): the lookup cache then
   * keeps one answer for both. fabric finds numbers by search, so its are two.
   */
  readonly numbersAreRefs?: boolean;

  /** Invoices by the number the provider shows. Missing keys mean "not found". */
  findByNumbers(numbers: readonly string[], call: CallContext): Promise<KeyedResults<InvoiceModel | null>>;

  /** Invoices by the provider-native key an invoice id encodes (InvoiceModel.ref). */
  findByRefs(refs: readonly string[], call: CallContext): Promise<KeyedResults<InvoiceModel | null>>;

  /** Invoices of purchase orders. Missing keys mean "no invoices". */
  findByPurchaseOrders(purchaseOrderNumbers: readonly string[], call: CallContext): Promise<KeyedResults<PurchaseOrderResult>>;

  /** Present only on providers with an acknowledge workflow (fabric). */
  readonly acknowledgement?: AcknowledgementCapability;

  /** Present only on providers with an invoice search (Ingram Micro, fabric, Stuller). */
  readonly search?: SearchCapability;

  /** Releases pooled connections at shutdown. */
  close?(): Promise<void>;
}

export interface AcknowledgementCapability {
  /**
   * Up to `first` unacknowledged invoices, oldest first, that come after the invoice whose
   * ref is `afterRef` (from the start when null). The position must stay correct when
   * invoices before it are acknowledged between calls. Reading never acknowledges.
   */
  listUnacknowledged(first: number, afterRef: string | null, call: CallContext): Promise<UnacknowledgedPage>;
  /** Acknowledge by ref, idempotently; one outcome per ref. */
  acknowledge(refs: readonly string[], call: CallContext): Promise<ReadonlyMap<string, AcknowledgeOutcome>>;
}

// --- Invoice search (issue 15) ----------------------------------------------------------

/**
 * One request to a provider's own invoice search: an invoice-date window, the filter parts a
 * vendor may apply itself, and a vendor page. The provider applies what its vendor can and
 * ignores the rest; the subgraph checks every filter again on what comes back
 * (search/filter.ts), so a vendor that applies less, or ignores a filter, stays correct.
 */
export interface SearchQuery {
  /** Invoice-date window, both ends inclusive; null: unbounded on that side. */
  readonly invoiceDateFrom: DateString | null;
  readonly invoiceDateTo: DateString | null;
  readonly dueDateFrom: DateString | null;
  readonly dueDateTo: DateString | null;
  readonly status: InvoiceStatus | null;
  /** 1-based page of the vendor's answer to this query. */
  readonly page: number;
}

/** One vendor page of a search. */
export interface SearchPage {
  /** As the vendor listed them (the subgraph filters, deduplicates and sorts). */
  readonly invoices: readonly InvoiceModel[];
  /** Whether the vendor has more pages for this query. */
  readonly hasMore: boolean;
  /**
   * True when the vendor was asked to sort by invoice date, newest first (Ingram Micro's
   * `orderby`). The subgraph still checks the order of what it received.
   */
  readonly newestFirst: boolean;
  /** The vendor's count of matches for the whole query, when it states one. */
  readonly total: number | null;
  /**
   * Set by the lookup cache's loaders when this page is a provider's last answer standing in
   * for a failure (stale-if-error); never set by a provider.
   */
  readonly stale?: { readonly retrievedAt: number; readonly code: string; readonly message: string };
}

export interface SearchCapability {
  /** Rows of one vendor page; `hasMore` is relative to it. */
  readonly pageSize: number;
  /** Whether the vendor states due dates to search by (Stuller states none). */
  readonly dueDates: boolean;
  /** One upstream call: one vendor page of the query. */
  page(query: SearchQuery, call: CallContext): Promise<SearchPage>;
}
