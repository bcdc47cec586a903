// The Invoice fields a search row may lack (search/detail-fields.ts): for an invoice listed by
// a search without them, the field is read from the invoice completed with its detail, loaded
// through the request's by-ref loader (batched: one batch for a page; the lookup cache and the
// provider's rate budget as for any lookup). GraphQL resolves only selected fields, so a query
// that selects none of them makes no detail call. Complete invoices take the fast path: the
// field's own resolver, or the model's property, with no promise added.
import { responsePathAsArray, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import type { InvoiceResolvers } from "../__generated__/resolvers-types.js";
import type { Context } from "../context.js";
import { asProviderError, toGraphQLError } from "../domain/errors.js";
import type { InvoiceModel } from "../domain/models.js";
import { amountFromRow, completeInvoice, needsDetail, SEARCH_DETAIL_FIELDS } from "../search/detail-fields.js";

type FieldResolver = (invoice: InvoiceModel, args: unknown, context: Context, info: GraphQLResolveInfo) => unknown;

/** Fields that cannot be null: a failed detail leaves them as the row has them, with the error beside. */
const NON_NULL: ReadonlySet<string> = new Set(["trackingNumbers", "lines", "charges", "attributes", "discrepancies", "archived"]);

/** The Invoice resolvers with every search-detail field wrapped. */
export function withSearchDetails(resolvers: InvoiceResolvers): InvoiceResolvers {
  // The generated type gives each field its own resolver signature; all are read as one shape here.
  const own = resolvers as unknown as Readonly<Record<string, FieldResolver | undefined>>;
  const wrapped: Record<string, unknown> = { ...resolvers };
  for (const field of SEARCH_DETAIL_FIELDS) {
    const plain: FieldResolver = own[field] ?? ((invoice) => (invoice as unknown as Readonly<Record<string, unknown>>)[field]);
    const resolve: FieldResolver = (invoice, args, context, info) => {
      if (!needsDetail(invoice, field)) return plain(invoice, args, context, info);
      return amountFromRow(invoice, field, selectedFields(info)) ?? viaDetail(invoice, field, plain, args, context, info);
    };
    wrapped[field] = resolve;
  }
  return wrapped as InvoiceResolvers;
}

async function viaDetail(invoice: InvoiceModel, field: string, plain: FieldResolver, args: unknown, context: Context, info: GraphQLResolveInfo): Promise<unknown> {
  try {
    const loaders = context.loadersFor(invoice.provider);
    if (loaders instanceof Error) throw loaders;
    const detail = await loaders.byRef.load(invoice.ref);
    return await plain(completeInvoice(invoice, detail), args, context, info);
  } catch (error) {
    const failure = toGraphQLError(asProviderError(invoice.provider, error), responsePathAsArray(info.path));
    if (!NON_NULL.has(field)) throw failure;
    // A null here would null the whole page (edges and nodes are non-null): the row's value, and the error.
    context.addError(failure);
    return plain(invoice, args, context, info);
  }
}

/** Names of the fields selected below this field, through fragments; directives are not evaluated (more, never less). */
export function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined, seen: Set<string>): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === "Field") names.add(selection.name.value);
      else if (selection.kind === "InlineFragment") visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        visit(info.fragments[selection.name.value]?.selectionSet, seen);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, new Set());
  return names;
}
