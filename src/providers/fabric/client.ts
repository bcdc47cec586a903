// fabric Dropship over HTTP: one transport for the token endpoint and the API, a bearer token
// from the shared client-credentials source, and DRF page-number lists read to the end.
// A 401 means the token was revoked or expired early: it is dropped, a fresh one is fetched
// and the call is made once more; a second 401 is AUTH_FAILED.
import { joinUrl, type FabricConfig } from "../../config.js";
import { ProviderError } from "../../domain/errors.js";
import type { TokenSource } from "../../http/oauth-token.js";
import type { Transport, TransportResponse } from "../../http/transport.js";
import type { CallContext } from "../types.js";
import { describeIssues, FabricPageSchema } from "./schemas.js";

export interface FabricClientOptions {
  /** `limit` asked for on list calls; fabric may cap it lower, `next` is followed either way. */
  readonly pageSize: number;
  /** Most pages one list read follows. */
  readonly maxPages: number;
}

export interface ListRead {
  /** The raw invoices of every page read, in fabric's order. */
  readonly items: readonly unknown[];
  /** `count` as each page reported it: they differ when the list changed during the read. */
  readonly counts: readonly number[];
  /** False when `maxPages` stopped the read before `next` ran out. */
  readonly complete: boolean;
  /** A later page was gone (DRF 404 "Invalid page."): the list shrank during the read. */
  readonly shrank: boolean;
}

export type Filters = Readonly<Record<string, string>>;

export class FabricClient {
  private readonly listUrl: URL;

  constructor(
    config: FabricConfig,
    private readonly transport: Transport,
    private readonly tokens: TokenSource,
    private readonly options: FabricClientOptions,
  ) {
    // The trailing slash is part of every fabric path; without it DRF answers 301/404.
    this.listUrl = joinUrl(config.baseUrl, `v1/retailers/${encodeURIComponent(config.retailerId)}/invoices/`);
  }

  invoiceUrl(id: number): URL {
    return new URL(`${id}/`, this.listUrl);
  }

  acknowledgeUrl(id: number): URL {
    return new URL(`${id}/acknowledge/`, this.listUrl);
  }

  pageUrl(filters: Filters, page: number): URL {
    const url = new URL(this.listUrl.href);
    for (const [name, value] of Object.entries(filters)) url.searchParams.set(name, value);
    url.searchParams.set("limit", String(this.options.pageSize));
    url.searchParams.set("page", String(page));
    return url;
  }

  /** The path template of one of our fabric URLs, for traces: never the retailer or invoice id. */
  private routeOf(url: URL): string | undefined {
    const list = this.listUrl.pathname;
    if (!url.pathname.startsWith(list)) return undefined;
    const rest = url.pathname.slice(list.length);
    if (rest === "") return "/v1/retailers/{retailerId}/invoices/";
    return /^[^/]+\/acknowledge\/$/.test(rest) ? "/v1/retailers/{retailerId}/invoices/{id}/acknowledge/" : "/v1/retailers/{retailerId}/invoices/{id}/";
  }

  /** Fetches (or reuses) the access token, so a batch whose token cannot be had fails once, whole. */
  async ensureToken(call: CallContext): Promise<void> {
    await this.tokens.token(call);
  }

  /** An authorized call; 401 → drop the token, fetch a fresh one, once. Other statuses are the caller's. */
  async send(method: "GET" | "PUT", url: URL, call: CallContext, body?: string): Promise<TransportResponse> {
    const attempt = async (token: string) =>
      this.transport.request(
        {
          method,
          url,
          route: this.routeOf(url),
          headers: {
            authorization: `Bearer ${token}`,
            accept: "application/json",
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          ...(body === undefined ? {} : { body }),
          // GET and the acknowledge PUT are idempotent: the transport may repeat them on 5xx.
          retry: "idempotent",
        },
        call,
      );
    const first = await this.tokens.token(call);
    const response = await attempt(first);
    if (response.status !== 401) return this.checkAccess(response);
    this.tokens.invalidate(first);
    const again = await attempt(await this.tokens.token(call));
    if (again.status === 401) {
      throw new ProviderError("FABRIC", "AUTH_FAILED", "fabric rejected this subgraph's access token, also right after issuing a new one", { upstreamStatus: 401 });
    }
    return this.checkAccess(again);
  }

  /** GET a JSON body: null for 404, BAD_RESPONSE for other unexpected statuses or non-JSON. */
  async getJson(url: URL, call: CallContext): Promise<unknown> {
    const response = await this.send("GET", url, call);
    if (response.status === 404) return null;
    if (response.status !== 200) throw unexpectedStatus(response.status);
    return parseJson(response.text);
  }

  /**
   * Every page of a filtered list, following `next` while it stays on fabric's origin and
   * list path (the bearer token goes wherever it points); otherwise the next page's URL is
   * rebuilt from the page number. At most `maxPages` pages.
   */
  async list(filters: Filters, call: CallContext): Promise<ListRead> {
    const items: unknown[] = [];
    const counts: number[] = [];
    let url = this.pageUrl(filters, 1);
    for (let page = 1; page <= this.options.maxPages; page++) {
      const response = await this.send("GET", url, call);
      // DRF answers a page past the end with 404 "Invalid page.": the list got shorter since page 1.
      if (response.status === 404 && page > 1) return { items, counts, complete: true, shrank: true };
      if (response.status !== 200) throw unexpectedStatus(response.status);
      const parsed = FabricPageSchema.safeParse(parseJson(response.text));
      if (!parsed.success) throw new ProviderError("FABRIC", "BAD_RESPONSE", `fabric sent an invoice list page this subgraph could not read: ${describeIssues(parsed.error)}`);
      items.push(...parsed.data.results);
      counts.push(parsed.data.count);
      if (!parsed.data.next) return { items, counts, complete: true, shrank: false };
      url = this.nextUrl(parsed.data.next, filters, page + 1);
    }
    return { items, counts, complete: false, shrank: false };
  }

  private nextUrl(next: string, filters: Filters, page: number): URL {
    let candidate: URL;
    try {
      candidate = new URL(next, this.listUrl);
    } catch {
      return this.pageUrl(filters, page);
    }
    const same =
      candidate.origin === this.listUrl.origin &&
      candidate.pathname === this.listUrl.pathname &&
      candidate.searchParams.get("page") === String(page) &&
      Object.entries(filters).every(([name, value]) => candidate.searchParams.get(name) === value);
    return same ? candidate : this.pageUrl(filters, page);
  }

  private checkAccess(response: TransportResponse): TransportResponse {
    // DRF 403: the API client may not read this retailer's invoices (wrong FABRIC_RETAILER_ID).
    if (response.status === 403) {
      throw new ProviderError("FABRIC", "AUTH_FAILED", "fabric refused this API client access to the configured retailer's invoices", { upstreamStatus: 403 });
    }
    return response;
  }
}

export function unexpectedStatus(status: number): ProviderError {
  return new ProviderError("FABRIC", "BAD_RESPONSE", `fabric answered HTTP ${status}`, { upstreamStatus: status });
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProviderError("FABRIC", "BAD_RESPONSE", "fabric sent a body that is not JSON");
  }
}
