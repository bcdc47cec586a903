// What one GraphQL response may be cached for, recorded while it is resolved: resolvers and
// loaders note what they returned, the Cache-Control plugin (graphql/cache-control.ts) turns
// the record into the header. One number and one flag per request, no per-field hook.
export type CacheScope = "public" | "private";

/**
 * The vendor code tables (reasonCodes) change only with a deploy of this subgraph and are the
 * same for every tenant: a day, public.
 */
export const CODE_TABLES_MAX_AGE_SECONDS = 86_400;

export class ResponseCachePolicy {
  /** Seconds the whole response may be reused; null while nothing was recorded. */
  private maxAge: number | null = null;
  private scope: CacheScope = "public";

  /** Something in the response may change: the response is not cacheable. */
  uncacheable(): void {
    this.maxAge = 0;
  }

  /** Something in the response may be reused for `seconds`: by anyone (public) or per tenant (private). */
  cacheable(seconds: number, scope: CacheScope): void {
    this.maxAge = Math.min(this.maxAge ?? Number.POSITIVE_INFINITY, Math.max(0, Math.floor(seconds)));
    if (scope === "private") this.scope = "private";
  }

  /**
   * The Cache-Control value of the data recorded. Nothing recorded is not cacheable: only data
   * a resolver vouched for is.
   */
  header(): string {
    if (this.maxAge === null || this.maxAge <= 0) return "no-store";
    return `${this.scope}, max-age=${this.maxAge}`;
  }
}
