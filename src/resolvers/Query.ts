import type { QueryResolvers } from "../__generated__/resolvers-types.js";
import { CODE_TABLES_MAX_AGE_SECONDS } from "../cache/response-policy.js";
import { toGraphQLError, isProviderError } from "../domain/errors.js";
import { listReasonCodes } from "../domain/code-tables/index.js";
import { InvalidCursorError, unacknowledgedPage } from "../services/acknowledgement.js";
import { lookupPurchaseOrders } from "../services/invoice-lookup.js";
import { checkIdentifier, checkIdentifierList, checkPageSize, invalidCursor } from "./arguments.js";
import { orProviderError } from "./provider-errors.js";
import { invoicesSearch } from "./search.js";

export const Query: QueryResolvers = {
  async invoice(_root, { provider, number }, context) {
    checkIdentifier("number", number);
    const loaders = context.loadersFor(provider);
    if (loaders instanceof Error) throw toGraphQLError(loaders);
    return orProviderError(provider, loaders.byNumber.load(number));
  },
  invoicesByPurchaseOrder(_root, { purchaseOrderNumbers, providers }, context) {
    checkIdentifierList("purchaseOrderNumbers", purchaseOrderNumbers);
    return lookupPurchaseOrders(context, purchaseOrderNumbers, providers);
  },
  // Invoice search across providers (issue 15): resolvers/search.ts.
  invoices: invoicesSearch,
  reasonCodes(_root, { kind }, context) {
    context.cachePolicy.cacheable(CODE_TABLES_MAX_AGE_SECONDS, "public");
    return listReasonCodes(kind ?? undefined);
  },
  async unacknowledgedInvoices(_root, { first, after }, context) {
    // The list changes with every acknowledgement.
    context.cachePolicy.uncacheable();
    const size = first ?? 50;
    checkPageSize("first", size);
    try {
      return await unacknowledgedPage(context, size, after ?? null);
    } catch (error) {
      if (error instanceof InvalidCursorError) throw invalidCursor("after");
      if (isProviderError(error)) throw toGraphQLError(error);
      throw error;
    }
  },
};
