// From one Stuller answer to per-key results. Each invoice is validated and normalized on
// its own, so one unreadable invoice fails only the keys it belongs to. Matching is always
// done here, by exact string equality on the number Stuller echoes: Stuller's filters may
// be ignored server-side (wire notes §4.7.2), and a lenient answer carrying other invoices
// must still give each key exactly its own.
import { ProviderError } from "../../domain/errors.js";
import type { InvoiceModel } from "../../domain/models.js";
import type { CallContext, PurchaseOrderResult } from "../types.js";
import type { RawStullerInvoice } from "./decode.js";
import { normalizeStullerInvoice } from "./normalize.js";
import { StullerInvoiceSchema } from "./schemas.js";

/** One invoice of an answer: the keys it can be found by, and the model or why it failed. */
export interface StullerEntry {
  readonly invoiceNumber: string | null;
  readonly purchaseOrderNumber: string | null;
  readonly result: InvoiceModel | ProviderError;
}

const asKey = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);

export type KeyField = "PurchaseOrderNumber" | "InvoiceNumber";

/**
 * The invoices whose `field` is one of `keys`, before any validation: a server that ignored
 * the filter may send hundreds of other invoices, which need no reading at all (and whose
 * faults are no concern of this lookup). `others` counts what was left out.
 */
export function selectRequested(raw: readonly RawStullerInvoice[], keys: readonly string[], field: KeyField): { requested: RawStullerInvoice[]; others: number } {
  const wanted = new Set(keys);
  const requested = raw.filter((invoice) => {
    const key = asKey(invoice[field]);
    return key !== null && wanted.has(key);
  });
  return { requested, others: raw.length - requested.length };
}

/** `currency`: the account's billing currency (Stuller names none on the wire). */
export function readInvoices(raw: readonly RawStullerInvoice[], call: CallContext, currency?: string): StullerEntry[] {
  return raw.map((invoice, index) => {
    // Read before validation, so a broken invoice still fails the right key.
    const invoiceNumber = asKey(invoice["InvoiceNumber"]);
    const purchaseOrderNumber = asKey(invoice["PurchaseOrderNumber"]);
    const label = invoiceNumber === null ? "without a number" : invoiceNumber;
    const parsed = StullerInvoiceSchema.safeParse(invoice);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".")))];
      // Paths only: values may be anything, and the invoice number is the client's own key.
      call.logger.warn({ provider: "STULLER", index, fields }, "Stuller invoice failed validation");
      const message = `Stuller invoice ${label} could not be read (invalid ${fields.join(", ")})`;
      return { invoiceNumber, purchaseOrderNumber, result: new ProviderError("STULLER", "BAD_RESPONSE", message) };
    }
    try {
      return { invoiceNumber, purchaseOrderNumber, result: normalizeStullerInvoice(parsed.data, currency) };
    } catch (error) {
      // Normalization is total over valid DTOs; reaching here is a bug, reported per invoice.
      call.logger.error({ provider: "STULLER", index, err: error }, "Stuller invoice could not be normalized");
      return { invoiceNumber, purchaseOrderNumber, result: new ProviderError("STULLER", "BAD_RESPONSE", `Stuller invoice ${label} could not be read`) };
    }
  });
}

/**
 * Each purchase order's invoices, in Stuller's order, one per invoice number. A purchase
 * order with an unreadable invoice fails as a whole: a list silently missing an invoice would
 * look complete to a reconciler.
 */
export function alignByPurchaseOrder(entries: readonly StullerEntry[], keys: readonly string[]): Map<string, PurchaseOrderResult | ProviderError> {
  const results = new Map<string, PurchaseOrderResult | ProviderError>();
  for (const key of keys) {
    const invoices: InvoiceModel[] = [];
    const seen = new Set<string>();
    let failure: ProviderError | null = null;
    for (const entry of entries) {
      if (entry.purchaseOrderNumber !== key) continue;
      if (entry.result instanceof ProviderError) {
        failure ??= entry.result;
        continue;
      }
      if (seen.has(entry.result.ref)) continue;
      seen.add(entry.result.ref);
      invoices.push(entry.result);
    }
    results.set(key, failure ?? { invoices, notices: [] });
  }
  return results;
}

/** The invoice with each number (the first, should Stuller repeat one); null when absent. */
export function alignByInvoiceNumber(entries: readonly StullerEntry[], keys: readonly string[]): Map<string, InvoiceModel | null | ProviderError> {
  const results = new Map<string, InvoiceModel | null | ProviderError>();
  for (const key of keys) results.set(key, entries.find((entry) => entry.invoiceNumber === key)?.result ?? null);
  return results;
}
