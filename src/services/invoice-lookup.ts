// Invoices of purchase orders across providers, with the partial-failure rule of the
// contract: one failing provider never hides another's invoices; each failure is listed
// with the purchase orders it left unanswered.
import type { Provider } from "../__generated__/resolvers-types.js";
import type { Context } from "../context.js";
import { asProviderError, type ProviderError, toProviderFailure } from "../domain/errors.js";
import type { InvoiceLookupModel, InvoiceModel, LookupNoticeModel, ProviderFailureModel } from "../domain/models.js";
import { ALL_PROVIDERS } from "../providers/registry.js";

/** Providers a lookup asks: the requested ones (deduplicated, enum order), or every configured one. */
export function selectProviders(context: Context, requested: readonly Provider[] | null | undefined): Provider[] {
  if (requested === null || requested === undefined) return context.registry.configured();
  const wanted = new Set(requested);
  return ALL_PROVIDERS.filter((p) => wanted.has(p));
}

export async function lookupPurchaseOrders(
  context: Context,
  purchaseOrderNumbers: readonly string[],
  requested: readonly Provider[] | null | undefined,
): Promise<InvoiceLookupModel> {
  const numbers = [...new Set(purchaseOrderNumbers)];
  const perProvider = await Promise.all(selectProviders(context, requested).map((p) => lookupOneProvider(context, p, numbers)));
  const invoices: InvoiceModel[] = [];
  const seen = new Set<string>();
  const failures: ProviderFailureModel[] = [];
  const notices: LookupNoticeModel[] = [];
  for (const result of perProvider) {
    for (const invoice of result.invoices) {
      if (seen.has(invoice.id)) continue;
      seen.add(invoice.id);
      invoices.push(invoice);
    }
    failures.push(...result.failures);
    notices.push(...result.notices);
  }
  return { invoices, failures, notices };
}

async function lookupOneProvider(context: Context, provider: Provider, numbers: readonly string[]): Promise<InvoiceLookupModel> {
  const loaders = context.loadersFor(provider);
  if (loaders instanceof Error) return { invoices: [], failures: [toProviderFailure(loaders, numbers)], notices: [] };

  const results = await loaders.byPurchaseOrder.loadMany(numbers);
  const invoices: InvoiceModel[] = [];
  const notices: LookupNoticeModel[] = [];
  // One failure entry per distinct (code, message): usually one per provider, but a provider
  // may fail different purchase orders for different reasons.
  const failed = new Map<string, { error: ProviderError; numbers: string[] }>();
  results.forEach((result, index) => {
    const number = numbers[index] as string;
    if (result instanceof Error) {
      const error = asProviderError(provider, result);
      const key = `${error.code}\u0000${error.message}`;
      const entry = failed.get(key) ?? { error, numbers: [] };
      entry.numbers.push(number);
      failed.set(key, entry);
      return;
    }
    invoices.push(...result.invoices);
    notices.push(...result.notices);
  });
  // The transport already logged each upstream failure once; nothing is logged here.
  const failures = [...failed.values()].map(({ error, numbers: nums }) => toProviderFailure(error, nums));
  return { invoices, failures, notices };
}
