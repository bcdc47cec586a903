// The simulator's invoices: filtering as fabric's list documents it, a stable order, and the
// acknowledge state. Ids grow with creation, like a database sequence.
import { bulkInvoice } from "./data.js";
import { wireInstant, type WireInvoice } from "./wire.js";

/** Order of list results: by id ascending (the default) or descending. fabric does not document its own. */
export type FabricOrdering = "id" | "-id";

export type ListFilter =
  | { readonly ok: true; readonly invoices: WireInvoice[] }
  | { readonly ok: false; readonly errors: Record<string, string[]> };

// fabric's epoch-second filters (wire notes §3.2), on the invoice's instant or due date.
const EPOCH_FILTERS = (["invoiced_at", "terms_date_due"] as const).flatMap((field) => (["lt", "lte", "gt", "gte"] as const).map((op) => [`${field}_${op}`, field] as const));
const COMPARE = {
  lt: (value: number, bound: number) => value < bound,
  lte: (value: number, bound: number) => value <= bound,
  gt: (value: number, bound: number) => value > bound,
  gte: (value: number, bound: number) => value >= bound,
} as const;

/** Epoch ms of an instant, or of a date's UTC midnight; null when absent. */
function epochMs(text: string | null): number | null {
  if (text === null) return null;
  const value = Date.parse(text.length <= 10 ? `${text}T00:00:00Z` : text);
  return Number.isNaN(value) ? null : value;
}

const TRUE = new Set(["1", "true", "True"]);
const FALSE = new Set(["0", "false", "False"]);

export class FabricStore {
  private readonly invoices = new Map<number, WireInvoice>();
  private readonly ackOrder: number[] = [];
  private nextId = 1;

  constructor(
    initial: readonly WireInvoice[],
    private readonly ordering: FabricOrdering,
    private readonly purchaseOrderMatch: "exact" | "contains",
    private readonly now: () => Date,
  ) {
    for (const invoice of initial) this.put(structuredClone(invoice));
  }

  put(invoice: WireInvoice): void {
    this.invoices.set(invoice.id, invoice);
    if (invoice.acknowledged_at !== null) this.ackOrder.push(invoice.id);
    this.nextId = Math.max(this.nextId, invoice.id + 1);
  }

  /** `n` new unacknowledged invoices with fresh ids, as if brands had just sent them. */
  addBulk(n: number): WireInvoice[] {
    const created = Array.from({ length: n }, () => bulkInvoice(this.nextId++));
    for (const invoice of created) this.put(invoice);
    return created.map((invoice) => structuredClone(invoice));
  }

  get(id: number): WireInvoice | undefined {
    return this.invoices.get(id);
  }

  /** Idempotent: the first acknowledgement's time is kept. Null when there is no such invoice. */
  acknowledge(id: number): WireInvoice | null {
    const invoice = this.invoices.get(id);
    if (!invoice) return null;
    if (invoice.acknowledged_at === null) {
      invoice.acknowledged_at = wireInstant(this.now());
      this.ackOrder.push(id);
    }
    return invoice;
  }

  acknowledgedIds(): number[] {
    return [...this.ackOrder];
  }

  unacknowledgedIds(): number[] {
    return this.sorted([...this.invoices.values()].filter((i) => i.acknowledged_at === null)).map((i) => i.id);
  }

  /** fabric's documented filters; unknown parameters are ignored, as DRF does. */
  list(params: URLSearchParams): ListFilter {
    let result = [...this.invoices.values()];
    const ack = params.get("is_acknowledged");
    if (ack !== null) {
      if (!TRUE.has(ack) && !FALSE.has(ack)) return { ok: false, errors: { is_acknowledged: [`Select a valid choice. ${ack} is not one of the available choices.`] } };
      const wanted = TRUE.has(ack);
      result = result.filter((i) => (i.acknowledged_at !== null) === wanted);
    }
    const po = params.get("purchase_order_number");
    if (po !== null && po !== "") {
      result = result.filter((i) => (this.purchaseOrderMatch === "exact" ? i.purchase_order_number === po : (i.purchase_order_number ?? "").toLowerCase().includes(po.toLowerCase())));
    }
    const paid = params.get("is_paid");
    if (paid !== null) {
      if (!TRUE.has(paid) && !FALSE.has(paid)) return { ok: false, errors: { is_paid: [`Select a valid choice. ${paid} is not one of the available choices.`] } };
      result = result.filter((i) => (i.paid_at !== null) === TRUE.has(paid));
    }
    for (const [name, field] of EPOCH_FILTERS) {
      const text = params.get(name);
      if (text === null) continue;
      if (!/^-?\d+(\.\d+)?$/.test(text.trim())) return { ok: false, errors: { [name]: ["Enter a number."] } };
      const bound = Number(text) * 1000;
      const test = COMPARE[name.slice(name.lastIndexOf("_") + 1) as keyof typeof COMPARE];
      result = result.filter((i) => {
        const value = epochMs(i[field]);
        return value !== null && test(value, bound);
      });
    }
    const search = params.get("search")?.trim().toLowerCase();
    if (search) {
      // DRF SearchFilter: case-insensitive "contains" over invoice number and PO number.
      result = result.filter((i) => i.invoice_number.toLowerCase().includes(search) || (i.purchase_order_number ?? "").toLowerCase().includes(search));
    }
    return { ok: true, invoices: this.sorted(result) };
  }

  private sorted(invoices: WireInvoice[]): WireInvoice[] {
    return invoices.sort((a, b) => (this.ordering === "id" ? a.id - b.id : b.id - a.id));
  }
}
