// What a search page is made of, as the resolvers read it (the codegen mapper of
// InvoiceSearchResult). Provider DTOs never reach here: only normalized invoices.
import type { LookupNoticeCode, Provider } from "../__generated__/resolvers-types.js";
import type { InvoiceModel, ProviderFailureModel } from "../domain/models.js";

export interface SearchNoticeModel {
  readonly provider: Provider;
  readonly code: LookupNoticeCode;
  readonly message: string;
}

export interface InvoiceSearchResultModel {
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: InvoiceModel }>;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly failures: readonly ProviderFailureModel[];
  readonly notices: readonly SearchNoticeModel[];
}
