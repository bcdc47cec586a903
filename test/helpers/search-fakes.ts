// Providers with an invoice search in memory, in the three ways the real vendors page: sorted
// newest first (Ingram Micro's `orderby`, ties in an order of its own), unsorted (fabric lists
// in an order it does not document), and not paged at all (Stuller). Each applies the vendor
// filters its vendor has, records every search call, and can be told to fail.
import type { Provider } from "../../src/__generated__/resolvers-types.js";
import { ProviderError } from "../../src/domain/errors.js";
import type { InvoiceModel } from "../../src/domain/models.js";
import type { CallContext, InvoiceProvider, KeyedResults, PurchaseOrderResult, SearchCapability, SearchPage, SearchQuery } from "../../src/providers/types.js";

export type VendorStyle = "sorted" | "unsorted" | "unpaged";

export interface FakeSearchOptions {
  readonly id: Provider;
  readonly invoices: readonly InvoiceModel[];
  readonly style: VendorStyle;
  /** Rows per vendor page (ignored when unpaged). */
  readonly pageSize?: number;
  /** Whether the vendor states due dates to search by; default true. */
  readonly dueDates?: boolean;
  /** The vendor applies an OPEN status filter itself (as Ingram does); default false. */
  readonly appliesStatus?: boolean;
  /** The vendor ignores the invoice-date window (as a lenient Stuller does); default false. */
  readonly ignoresDates?: boolean;
  readonly account?: string;
  /** What `findByRefs` answers (the detail call); default the searched invoices themselves. */
  readonly details?: readonly InvoiceModel[];
}

/** A stable pseudo-random rank of a text, for the vendors' own orders. */
export function scramble(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

export class FakeSearchProvider implements InvoiceProvider {
  readonly id: Provider;
  readonly maxBatchSize = 50;
  readonly account?: string;
  readonly search: SearchCapability;
  readonly searchCalls: SearchQuery[] = [];
  readonly refCalls: string[][] = [];
  private invoices: InvoiceModel[];
  private pageSize: number;
  private failure: ProviderError | null = null;
  private detailFailure: ProviderError | null = null;

  constructor(private readonly options: FakeSearchOptions) {
    this.id = options.id;
    if (options.account !== undefined) this.account = options.account;
    this.invoices = [...options.invoices];
    this.pageSize = options.style === "unpaged" ? Number.MAX_SAFE_INTEGER : (options.pageSize ?? 100);
    const provider = this;
    this.search = {
      get pageSize() {
        return provider.pageSize;
      },
      dueDates: options.dueDates ?? true,
      page: (query, call) => this.page(query, this.pageSize, call),
    };
  }

  /** New data (and page size) for the next search; the recorded calls are cleared. */
  replace(invoices: readonly InvoiceModel[], pageSize?: number): void {
    this.invoices = [...invoices];
    if (pageSize !== undefined && this.options.style !== "unpaged") this.pageSize = pageSize;
    this.searchCalls.length = 0;
    this.refCalls.length = 0;
    this.failure = null;
    this.detailFailure = null;
  }

  failWith(error: ProviderError | null): void {
    this.failure = error;
  }

  /** Only the detail call (`findByRefs`) fails, with this error (null to heal). */
  failDetailsWith(error: ProviderError | null): void {
    this.detailFailure = error;
  }

  add(invoice: InvoiceModel): void {
    this.invoices.push(invoice);
  }

  private async page(query: SearchQuery, pageSize: number, _call: CallContext): Promise<SearchPage> {
    this.searchCalls.push(query);
    if (this.failure !== null) throw this.failure;
    const { options } = this;
    const inRange = (day: string | null, from: string | null, to: string | null) => (from === null || (day !== null && day >= from)) && (to === null || (day !== null && day <= to));
    const matching = this.invoices.filter(
      (invoice) =>
        (options.ignoresDates === true || inRange(invoice.invoiceDate, query.invoiceDateFrom, query.invoiceDateTo)) &&
        inRange(invoice.dueDate, query.dueDateFrom, query.dueDateTo) &&
        (options.appliesStatus !== true || query.status !== "OPEN" || invoice.status?.value === "OPEN"),
    );
    if (options.style === "unpaged") return { invoices: query.page === 1 ? matching : [], hasMore: false, newestFirst: false, total: matching.length };
    const ordered =
      options.style === "sorted"
        ? [...matching].sort((a, b) => ((b.invoiceDate ?? "") < (a.invoiceDate ?? "") ? -1 : (b.invoiceDate ?? "") > (a.invoiceDate ?? "") ? 1 : scramble(a.ref) - scramble(b.ref)))
        : [...matching].sort((a, b) => scramble(a.ref) - scramble(b.ref));
    const rows = ordered.slice((query.page - 1) * pageSize, query.page * pageSize);
    return { invoices: rows, hasMore: query.page * pageSize < ordered.length, newestFirst: options.style === "sorted", total: ordered.length };
  }

  async findByRefs(refs: readonly string[]): Promise<KeyedResults<InvoiceModel | null>> {
    this.refCalls.push([...refs]);
    if (this.failure !== null) throw this.failure;
    if (this.detailFailure !== null) throw this.detailFailure;
    const details = this.options.details ?? this.invoices;
    return new Map(refs.flatMap((ref) => {
      const found = details.find((invoice) => invoice.ref === ref);
      return found === undefined ? [] : [[ref, found] as const];
    }));
  }

  async findByNumbers(numbers: readonly string[]): Promise<KeyedResults<InvoiceModel | null>> {
    return new Map(numbers.flatMap((number) => {
      const found = this.invoices.find((invoice) => invoice.number === number);
      return found === undefined ? [] : [[number, found] as const];
    }));
  }

  async findByPurchaseOrders(numbers: readonly string[]): Promise<KeyedResults<PurchaseOrderResult>> {
    return new Map(numbers.map((po) => [po, { invoices: this.invoices.filter((invoice) => invoice.purchaseOrderNumber === po), notices: [] }] as const));
  }
}
