// The Cache-Control header of every GraphQL response, so the router's response cache can keep
// what will not change. It reads what the request recorded while resolving (context's
// ResponseCachePolicy: loaders note each invoice and whether it is immutable, resolvers note
// lists that can change) once per response, in place of Apollo's cacheControl plugin, whose
// per-field hook costs every field of every request and which would know nothing of
// invoice mutability anyway.
//
// A response is cacheable only when it is a query (never a mutation), it has no error (its
// own or a provider failure appended next to data), and every piece of data in it was vouched
// for; then `private, max-age=<the smallest time to live recorded>` (`public` when only
// public data, the code tables, was recorded). Anything else is `no-store`.
import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../context.js";
import type { ResponseCachePolicy } from "../cache/response-policy.js";

export function cacheControlHeader(operation: string | undefined, errorCount: number, policy: ResponseCachePolicy): string {
  if (operation !== "query" || errorCount > 0) return "no-store";
  return policy.header();
}

export const cacheControlPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue, operation }) {
        // Counted independently of the plugin that appends the extra errors, so plugin order does not matter.
        const errors = response.body.kind === "single" ? (response.body.singleResult.errors?.length ?? 0) + contextValue.extraErrors.length : 1;
        response.http.headers.set("cache-control", cacheControlHeader(operation?.operation, errors, contextValue.cachePolicy));
      },
    };
  },
};
