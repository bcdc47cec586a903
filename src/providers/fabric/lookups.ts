// The three lookups of the provider seam. Invoice ref = fabric's numeric invoice id.
// - by ref:      GET …/invoices/{id}/
// - by number:   `search=<number>` (fabric matches invoice numbers *and* PO numbers, as a
//                contains match), then an exact match on `invoice_number`.
// - by PO:       `purchase_order_number=<po>`, then an exact match on `purchase_order_number`
//                as well, in case the filter is looser than equality.
// One upstream call (or page walk) per key, at most `concurrency` keys at a time; a key that
// fails gets its own ProviderError and the others still answer.
import { ProviderError } from "../../domain/errors.js";
import type { InvoiceModel } from "../../domain/models.js";
import type { CallContext, KeyedResults, PurchaseOrderResult } from "../types.js";
import type { FabricClient, Filters } from "./client.js";
import { settleEach } from "./concurrency.js";
import { readFabricInvoice } from "./normalize.js";

/** fabric invoice ids are positive integers; anything else cannot name one. */
export function parseRef(ref: string): number | null {
  return /^[1-9]\d{0,14}$/.test(ref) ? Number(ref) : null;
}

export function byId(a: InvoiceModel, b: InvoiceModel): number {
  return Number(a.ref) - Number(b.ref);
}

export class FabricLookups {
  constructor(
    private readonly client: FabricClient,
    private readonly concurrency: number,
  ) {}

  async findByRefs(refs: readonly string[], call: CallContext): Promise<KeyedResults<InvoiceModel | null>> {
    return this.perKey(refs, call, async (ref) => {
      const id = parseRef(ref);
      if (id === null) return null;
      const raw = await this.client.getJson(this.client.invoiceUrl(id), call);
      return raw === null ? null : readFabricInvoice(raw);
    });
  }

  /**
   * Invoice numbers are unique per brand, not across brands: when several brands used the
   * same number, the oldest invoice (lowest id) is returned and the ambiguity is logged.
   */
  async findByNumbers(numbers: readonly string[], call: CallContext): Promise<KeyedResults<InvoiceModel | null>> {
    return this.perKey(numbers, call, async (number) => {
      const matches = (await this.listAll({ search: number }, call, `invoice number ${number}`)).filter((i) => i.number === number);
      if (matches.length > 1) {
        call.logger.warn({ provider: "FABRIC", matches: matches.length }, "several fabric invoices share an invoice number; returning the oldest");
      }
      return matches[0] ?? null;
    });
  }

  async findByPurchaseOrders(numbers: readonly string[], call: CallContext): Promise<KeyedResults<PurchaseOrderResult>> {
    return this.perKey(numbers, call, async (po) => {
      const invoices = (await this.listAll({ purchase_order_number: po }, call, `purchase order ${po}`)).filter((i) => i.purchaseOrderNumber === po);
      return { invoices, notices: [] };
    });
  }

  /** Every invoice of a filtered list, oldest (lowest id) first, each read once. */
  private async listAll(filters: Filters, call: CallContext, what: string): Promise<InvoiceModel[]> {
    const read = await this.client.list(filters, call);
    if (!read.complete) {
      // A partial answer would silently drop invoices; no real purchase order has this many.
      throw new ProviderError("FABRIC", "BAD_RESPONSE", `fabric listed more pages for ${what} than this subgraph reads (${read.counts.length})`);
    }
    const byRef = new Map<string, InvoiceModel>();
    for (const raw of read.items) {
      const invoice = readFabricInvoice(raw);
      byRef.set(invoice.ref, invoice);
    }
    return [...byRef.values()].sort(byId);
  }

  private async perKey<T>(keys: readonly string[], call: CallContext, one: (key: string) => Promise<T | null>): Promise<Map<string, T | ProviderError>> {
    // No token, no lookup: the whole batch fails with one error instead of one token call per key.
    await this.client.ensureToken(call);
    const settled = await settleEach(keys, this.concurrency, one);
    // A null answer is "not found": the key is left out.
    return new Map([...settled].filter((entry): entry is [string, T | ProviderError] => entry[1] !== null));
  }
}
