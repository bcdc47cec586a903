import type { GraphQLResolveInfo } from "graphql";
import { responsePathAsArray } from "graphql";
import type { Provider } from "../__generated__/resolvers-types.js";
import type { Context } from "../context.js";
import { asProviderError, toGraphQLError } from "../domain/errors.js";
import type { ProviderFailureModel } from "../domain/models.js";

/** Awaits a provider load; a provider failure becomes the field's typed GraphQL error. */
export async function orProviderError<T>(provider: Provider, load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    throw toGraphQLError(asProviderError(provider, error));
  }
}

/** Reports failures next to the data a list field still returns (PurchaseOrder.invoices). */
export function reportFailures(context: Context, info: GraphQLResolveInfo, failures: readonly ProviderFailureModel[]): void {
  const path = responsePathAsArray(info.path);
  for (const failure of failures) context.addError(toGraphQLError(failure, path));
}
