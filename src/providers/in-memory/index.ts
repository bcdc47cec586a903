// A provider whose invoices live in memory. Tests use it to exercise resolvers, loaders and
// partial failure without HTTP; it records every call so batches can be asserted, and can
// be told to fail. It implements the same seam as the real providers.
import type { Provider } from "../../__generated__/resolvers-types.js";
import { ProviderError } from "../../domain/errors.js";
import type { InvoiceModel, LookupNoticeModel } from "../../domain/models.js";
import type {
  AcknowledgementCapability,
  AcknowledgeOutcome,
  CallContext,
  InvoiceProvider,
  KeyedResults,
  PurchaseOrderResult,
} from "../types.js";

export type InMemoryMethod = "findByNumbers" | "findByRefs" | "findByPurchaseOrders" | "listUnacknowledged" | "acknowledge";

export interface RecordedCall {
  readonly method: InMemoryMethod;
  readonly keys: readonly string[];
}

export interface InMemoryProviderOptions {
  readonly id: Provider;
  readonly invoices: readonly InvoiceModel[];
  readonly notices?: readonly LookupNoticeModel[];
  readonly maxBatchSize?: number;
  /** Gives the provider fabric's acknowledge workflow. */
  readonly acknowledgement?: boolean;
  /** Simulated latency per call, in milliseconds. */
  readonly latencyMs?: number;
  /** The upstream account it stands for; none: nothing of it is cached across requests. */
  readonly account?: string;
  /** Numbers and refs are one lookup, as for Ingram Micro, TD SYNNEX and Stuller. */
  readonly numbersAreRefs?: boolean;
}

export class InMemoryProvider implements InvoiceProvider {
  readonly id: Provider;
  readonly maxBatchSize: number;
  readonly account?: string;
  readonly numbersAreRefs?: boolean;
  readonly calls: RecordedCall[] = [];
  readonly acknowledgement?: AcknowledgementCapability;
  private invoices: InvoiceModel[];
  private readonly notices: readonly LookupNoticeModel[];
  private failure: ProviderError | null = null;
  private readonly failingKeys = new Map<string, ProviderError>();
  private readonly acknowledged = new Set<string>();
  private readonly latencyMs: number;

  constructor(options: InMemoryProviderOptions) {
    this.id = options.id;
    this.maxBatchSize = options.maxBatchSize ?? 50;
    if (options.account !== undefined) this.account = options.account;
    if (options.numbersAreRefs !== undefined) this.numbersAreRefs = options.numbersAreRefs;
    this.invoices = [...options.invoices];
    this.notices = options.notices ?? [];
    this.latencyMs = options.latencyMs ?? 0;
    for (const invoice of this.invoices) if (invoice.acknowledgedAt !== null) this.acknowledged.add(invoice.ref);
    if (options.acknowledgement) {
      this.acknowledgement = {
        listUnacknowledged: (first, afterRef, call) => this.listUnacknowledged(first, afterRef, call),
        acknowledge: (refs, call) => this.acknowledge(refs, call),
      };
    }
  }

  /** Every later call fails whole with this error (null to heal). */
  failWith(error: ProviderError | null): void {
    this.failure = error;
  }

  /** Only lookups of this key fail, with this error. */
  failKey(key: string, error: ProviderError): void {
    this.failingKeys.set(key, error);
  }

  add(invoice: InvoiceModel): void {
    this.invoices.push(invoice);
  }

  callsOf(method: InMemoryMethod): Array<readonly string[]> {
    return this.calls.filter((call) => call.method === method).map((call) => call.keys);
  }

  private async enter(method: InMemoryMethod, keys: readonly string[], call: CallContext): Promise<void> {
    this.calls.push({ method, keys: [...keys] });
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    if (call.signal.aborted) throw new ProviderError(this.id, "TIMEOUT", "request deadline exceeded");
    if (this.failure) throw this.failure;
  }

  private keyed<T>(keys: readonly string[], value: (key: string) => T | undefined): KeyedResults<T> {
    const results = new Map<string, T | ProviderError>();
    for (const key of keys) {
      const failure = this.failingKeys.get(key);
      if (failure) results.set(key, failure);
      else {
        const found = value(key);
        if (found !== undefined) results.set(key, found);
      }
    }
    return results;
  }

  async findByNumbers(numbers: readonly string[], call: CallContext): Promise<KeyedResults<InvoiceModel | null>> {
    await this.enter("findByNumbers", numbers, call);
    return this.keyed(numbers, (n) => this.invoices.find((i) => i.number === n));
  }

  async findByRefs(refs: readonly string[], call: CallContext): Promise<KeyedResults<InvoiceModel | null>> {
    await this.enter("findByRefs", refs, call);
    return this.keyed(refs, (r) => this.withAck(this.invoices.find((i) => i.ref === r)));
  }

  async findByPurchaseOrders(numbers: readonly string[], call: CallContext): Promise<KeyedResults<PurchaseOrderResult>> {
    await this.enter("findByPurchaseOrders", numbers, call);
    return this.keyed(numbers, (po) => ({
      invoices: this.invoices.filter((i) => i.purchaseOrderNumber === po).map((i) => this.withAck(i) as InvoiceModel),
      notices: this.notices.filter((n) => n.purchaseOrderNumber === po),
    }));
  }

  private withAck(invoice: InvoiceModel | undefined): InvoiceModel | undefined {
    if (!invoice || invoice.acknowledgedAt !== null || !this.acknowledged.has(invoice.ref)) return invoice;
    return { ...invoice, acknowledgedAt: "2026-01-01T00:00:00Z" };
  }

  private async listUnacknowledged(first: number, afterRef: string | null, call: CallContext) {
    await this.enter("listUnacknowledged", afterRef === null ? [] : [afterRef], call);
    const pending = this.invoices.filter((i) => !this.acknowledged.has(i.ref));
    // Oldest first is insertion order here; "after" is by position in the full list, so
    // acknowledging earlier invoices never moves the position.
    const start = afterRef === null ? 0 : this.invoices.findIndex((i) => i.ref === afterRef) + 1;
    const rest = pending.filter((i) => this.invoices.indexOf(i) >= start);
    return { invoices: rest.slice(0, first), hasNextPage: rest.length > first };
  }

  private async acknowledge(refs: readonly string[], call: CallContext): Promise<ReadonlyMap<string, AcknowledgeOutcome>> {
    await this.enter("acknowledge", refs, call);
    const outcomes = new Map<string, AcknowledgeOutcome>();
    for (const ref of refs) {
      const failure = this.failingKeys.get(ref);
      if (failure) outcomes.set(ref, { acknowledged: false, error: failure.message });
      else if (!this.invoices.some((i) => i.ref === ref)) outcomes.set(ref, { acknowledged: false, error: "invoice not found" });
      else {
        this.acknowledged.add(ref);
        outcomes.set(ref, { acknowledged: true });
      }
    }
    return outcomes;
  }
}
