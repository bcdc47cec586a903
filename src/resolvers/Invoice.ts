import type { InvoiceResolvers } from "../__generated__/resolvers-types.js";
import { decodeInvoiceId } from "../domain/ids.js";
import { toGraphQLError } from "../domain/errors.js";
import { withSearchDetails } from "./invoice-detail-fields.js";
import { orProviderError } from "./provider-errors.js";

// Wrapped: a search row's detail-only fields are read from its detail (issue 15).
export const Invoice: InvoiceResolvers = withSearchDetails({
  async __resolveReference(reference, context) {
    const decoded = typeof reference.id === "string" ? decodeInvoiceId(reference.id) : null;
    if (!decoded) return null;
    const loaders = context.loadersFor(decoded.provider);
    if (loaders instanceof Error) throw toGraphQLError(loaders);
    return orProviderError(decoded.provider, loaders.byRef.load(decoded.ref));
  },
  // Stamped by the lookup cache; an invoice read outside the lookups (fabric's unacknowledged
  // list) was fetched by this very request.
  retrievedAt: (invoice, _args, context) => invoice.retrievedAt ?? context.startedAt,
  purchaseOrder: (invoice) => (invoice.purchaseOrderNumber ? { number: invoice.purchaseOrderNumber } : null),
  // Through the request's by-number loader of the same provider: every credit memo of a page
  // asks in the same batch, and an original already loaded by number is not asked again.
  async originalInvoice(invoice, _args, context) {
    if (invoice.originalDocumentNumber === null) return null;
    const loaders = context.loadersFor(invoice.provider);
    if (loaders instanceof Error) throw toGraphQLError(loaders);
    return orProviderError(invoice.provider, loaders.byNumber.load(invoice.originalDocumentNumber));
  },
  documentType: (invoice) => invoice.documentType?.value ?? "INVOICE",
  documentTypeCode: (invoice) => invoice.documentType?.code ?? null,
  status: (invoice) => invoice.status?.value ?? null,
  statusCode: (invoice) => invoice.status?.code ?? null,
  orderStatus: (invoice) => invoice.orderStatus?.value ?? null,
  orderStatusCode: (invoice) => invoice.orderStatus?.code ?? null,
  trackingNumbers: (invoice) => [...new Set([...invoice.trackingNumbers, ...invoice.lines.flatMap((line) => line.trackingNumbers)])],
});
