// Query.invoices: the arguments are checked before any upstream call (search/filter.ts states
// the filter's rules), then the search service reads the providers.
import type { QueryResolvers } from "../__generated__/resolvers-types.js";
import { searchInvoices } from "../services/invoice-search.js";
import { checkPageSize } from "./arguments.js";

export const invoicesSearch: NonNullable<QueryResolvers["invoices"]> = (_root, { filter, first, after }, context) => {
  const size = first ?? 50;
  checkPageSize("first", size);
  return searchInvoices(context, { filter, first: size, after: after ?? null });
};
