// HTTP calls to Ingram Micro: one transport (retries, timeouts, size cap), an OAuth2
// client-credentials token shared by every caller, and the account's rate limiter in front
// of every API call (token calls do not count against the API limit). Statuses are turned
// into curated ProviderErrors here; bodies are handed on as parsed JSON, never logged.
import { randomUUID } from "node:crypto";
import type { IngramConfig } from "../../config.js";
import { joinUrl } from "../../config.js";
import { ProviderError } from "../../domain/errors.js";
import { clientCredentialsTokenSource } from "../../http/oauth-token.js";
import type { RateLimiter } from "../../http/rate-limiter.js";
import { createTransport, type TransportOptions, type TransportResponse } from "../../http/transport.js";
import { traceRateLimitWait } from "../../observability/upstream-tracing.js";
import type { Coordination } from "../../state/coordination.js";
import type { EntryStore } from "../../state/entry-store.js";
import type { CallContext } from "../types.js";
import { parseIngramJson } from "./json.js";

const PROVIDER = "INGRAM_MICRO";

export interface IngramClientOptions {
  readonly rateLimiter: RateLimiter;
  /** IM-ApplicationID of v6 calls (at most 32 characters). */
  readonly applicationId: string;
  readonly transport?: Partial<Omit<TransportOptions, "provider">>;
  readonly token?: { readonly refreshMarginMs?: number; readonly fetchTimeoutMs?: number };
  /** Where replicas share the OAuth token; absent: this process only. */
  readonly shared?: { readonly store: EntryStore; readonly coordination: Coordination } | undefined;
}

/** A 200 or 404 answer: the caller reads the body (v5 says "not found" inside a 200). */
export interface IngramAnswer {
  readonly status: 200 | 404;
  /** Parsed JSON; undefined for a 404 whose body is not JSON. */
  readonly body: unknown;
}

export interface IngramClient {
  /** GET /resellers/v5/invoices/{number}?customerNumber=&isoCountryCode= */
  invoiceDetail(number: string, call: CallContext): Promise<IngramAnswer>;
  /** GET /resellers/v6/invoices?customerOrderNumber=&pageNumber=&pageSize= */
  searchInvoices(purchaseOrder: string, pageNumber: number, pageSize: number, call: CallContext): Promise<IngramAnswer>;
  /** GET /resellers/v6/invoices?invoiceNumber= (one invoice; the search's unhyphenated form) */
  searchInvoicesByNumber(invoiceNumber: string, call: CallContext): Promise<IngramAnswer>;
  /** GET /resellers/v6/invoices with these query parameters (the date search of issue 15, search.ts). */
  searchInvoicesWhere(parameters: Readonly<Record<string, string>>, call: CallContext): Promise<IngramAnswer>;
  close(): Promise<void>;
}

export function createIngramClient(config: IngramConfig, options: IngramClientOptions): IngramClient {
  const transport = createTransport({ ...options.transport, provider: PROVIDER });
  const tokens = clientCredentialsTokenSource({
    provider: PROVIDER,
    transport,
    tokenUrl: config.tokenUrl,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    ...options.token,
    ...(options.shared ? { shared: options.shared } : {}),
  });
  const limiter = options.rateLimiter;

  /**
   * One API call under the rate limiter. A 429 is never waited out inside the request: the
   * limiter saw it and pauses every caller until the vendor's reset, and this lookup answers
   * RATE_LIMITED at once with that reset (the call it spent is not spent again).
   */
  async function limited(url: URL, route: string, headers: Record<string, string>, call: CallContext): Promise<TransportResponse> {
    const permit = await traceRateLimitWait(limiter.acquire(call));
    let calls = 0;
    try {
      return await transport.request(
        {
          method: "GET",
          url,
          route,
          headers,
          retry: "idempotent",
          observe: (status, responseHeaders) => {
            calls += 1;
            limiter.observe(status, responseHeaders);
          },
        },
        call,
      );
    } catch (error) {
      if (!(error instanceof ProviderError) || error.code !== "RATE_LIMITED") throw error;
      throw new ProviderError(PROVIDER, "RATE_LIMITED", "Ingram Micro answered HTTP 429 (too many requests for this account)", {
        // The vendor's own reset (X-RateLimit-Reset or Retry-After), as the limiter read it.
        retryAfterSeconds: limiter.retryAfterSeconds(),
        upstreamStatus: 429,
      });
    } finally {
      permit.release(calls);
    }
  }

  /** With a Bearer token; a 401 forgets the token and retries once with a new one. */
  async function get(url: URL, route: string, call: CallContext): Promise<IngramAnswer> {
    const headers: Record<string, string> = {
      accept: "application/json",
      "im-customernumber": config.customerNumber,
      "im-countrycode": config.countryCode,
      "im-correlationid": correlationId(call.requestId),
      "im-applicationid": options.applicationId,
    };
    for (let attempt = 1; ; attempt++) {
      const token = await tokens.token(call);
      const res = await limited(url, route, { ...headers, authorization: `Bearer ${token}` }, call);
      if (res.status === 401) {
        // Not a token problem: a fresh token would be refused the same way.
        if (/customer number/i.test(res.text)) {
          throw new ProviderError(PROVIDER, "AUTH_FAILED", "Ingram Micro says INGRAM_CUSTOMER_NUMBER is not the customer number registered for these credentials", { upstreamStatus: 401 });
        }
        tokens.invalidate(token);
        if (attempt < 2) continue;
        throw new ProviderError(PROVIDER, "AUTH_FAILED", "Ingram Micro rejected this subgraph's access token, also after fetching a new one", { upstreamStatus: 401 });
      }
      return answer(res);
    }
  }

  function answer(res: TransportResponse): IngramAnswer {
    if (res.status === 403) throw new ProviderError(PROVIDER, "AUTH_FAILED", "Ingram Micro refused this account access to the invoice API (HTTP 403)", { upstreamStatus: 403 });
    if (res.status !== 200 && res.status !== 404) {
      const what = res.status === 400 ? "rejected the request as malformed (HTTP 400)" : `answered HTTP ${res.status}`;
      throw new ProviderError(PROVIDER, "BAD_RESPONSE", `Ingram Micro ${what}`, { upstreamStatus: res.status });
    }
    try {
      return { status: res.status, body: parseIngramJson(res.text) };
    } catch {
      if (res.status === 404) return { status: 404, body: undefined };
      throw new ProviderError(PROVIDER, "BAD_RESPONSE", "Ingram Micro sent a response body that is not valid JSON", { upstreamStatus: res.status });
    }
  }

  return {
    invoiceDetail(number, call) {
      const url = joinUrl(config.baseUrl, `resellers/v5/invoices/${encodeURIComponent(number)}`);
      url.searchParams.set("customerNumber", config.customerNumber);
      url.searchParams.set("isoCountryCode", config.countryCode);
      return get(url, "/resellers/v5/invoices/{number}", call);
    },
    searchInvoices(purchaseOrder, pageNumber, pageSize, call) {
      const url = joinUrl(config.baseUrl, "resellers/v6/invoices");
      url.searchParams.set("customerOrderNumber", purchaseOrder);
      url.searchParams.set("pageNumber", String(pageNumber));
      url.searchParams.set("pageSize", String(pageSize));
      return get(url, "/resellers/v6/invoices", call);
    },
    searchInvoicesByNumber(invoiceNumber, call) {
      const url = joinUrl(config.baseUrl, "resellers/v6/invoices");
      url.searchParams.set("invoiceNumber", invoiceNumber);
      return get(url, "/resellers/v6/invoices", call);
    },
    searchInvoicesWhere(parameters, call) {
      const url = joinUrl(config.baseUrl, "resellers/v6/invoices");
      for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
      return get(url, "/resellers/v6/invoices", call);
    },
    close: () => transport.close(),
  };
}

/** IM-CorrelationID (at most 32 characters): the request id when it fits, else a fresh one. */
function correlationId(requestId: string): string {
  const compact = requestId.replace(/[^A-Za-z0-9]/g, "");
  return (compact === "" ? randomUUID().replaceAll("-", "") : compact).slice(0, 32);
}
