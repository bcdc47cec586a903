// The Stuller invoice request: `GET {STULLER_BASE_URL}/v2/invoice` with repeated
// `PurchaseOrderNumber` / `InvoiceNumber` parameters, or, when that URL would be longer than
// intermediaries reliably accept, the documented POST form with an `InvoiceRequest` JSON
// body on the same path. HTTP Basic on every call; JSON always asked for.
//
// The live host serves `/v2/...` while the help pages say `api/v2/...` (wire notes §4.1);
// `/v2` is used, and a base URL with a path of its own keeps it (config.joinUrl).
import type { StullerConfig } from "../../config.js";
import { joinUrl } from "../../config.js";
import type { Transport, TransportRequest } from "../../http/transport.js";
import type { CallContext } from "../types.js";
import type { RawStullerInvoice, StullerResponseDecoder } from "./decode.js";

export const INVOICE_PATH = "v2/invoice";
/** What traces record of the path (the GET's query string names purchase orders and invoices). */
const ROUTE = `/${INVOICE_PATH}`;

/**
 * Longest GET URL sent. 2,000 characters is the long-standing safe limit across browsers,
 * proxies and CDNs, and half of IIS's default 4,096-byte URL limit (Stuller runs ASP.NET).
 */
export const DEFAULT_MAX_URL_LENGTH = 2_000;

/** What one call asks for; both lists may be given, each may repeat its parameter. */
export interface StullerCriteria {
  readonly purchaseOrderNumbers?: readonly string[];
  readonly invoiceNumbers?: readonly string[];
}

export interface StullerClient {
  /** One upstream call; the raw invoices of the answer (each validated later on its own). */
  fetchInvoices(criteria: StullerCriteria, call: CallContext): Promise<readonly RawStullerInvoice[]>;
}

export function basicAuthorization(config: Pick<StullerConfig, "username" | "password">): string {
  return `Basic ${Buffer.from(`${config.username}:${config.password}`, "utf8").toString("base64")}`;
}

/** The request for `criteria`: GET when the URL fits in `maxUrlLength`, POST otherwise. */
export function buildInvoiceRequest(
  config: StullerConfig,
  criteria: StullerCriteria,
  maxUrlLength: number = DEFAULT_MAX_URL_LENGTH,
): TransportRequest {
  const headers = { authorization: basicAuthorization(config), accept: "application/json" };
  const url = joinUrl(config.baseUrl, INVOICE_PATH);
  const pairs = [
    ...(criteria.purchaseOrderNumbers ?? []).map((po) => `PurchaseOrderNumber=${encodeURIComponent(po)}`),
    ...(criteria.invoiceNumbers ?? []).map((number) => `InvoiceNumber=${encodeURIComponent(number)}`),
  ];
  const getUrl = new URL(url.href);
  // encodeURIComponent leaves nothing the URL parser would re-encode, and writes a space as
  // %20 and "+" as %2B: ASP.NET reads "+" in a query as a space.
  getUrl.search = pairs.join("&");
  if (getUrl.href.length <= maxUrlLength) return { method: "GET", url: getUrl, route: ROUTE, headers, retry: "idempotent" };

  const body: Record<string, readonly string[]> = {};
  if (criteria.purchaseOrderNumbers && criteria.purchaseOrderNumbers.length > 0) body["PurchaseOrderNumber"] = criteria.purchaseOrderNumbers;
  if (criteria.invoiceNumbers && criteria.invoiceNumbers.length > 0) body["InvoiceNumber"] = criteria.invoiceNumbers;
  return {
    method: "POST",
    url,
    route: ROUTE,
    headers: { ...headers, "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(body),
    // The POST form is the same lookup as the GET: it reads, so retrying it is safe.
    retry: "read-only-post",
  };
}

export function createStullerClient(
  config: StullerConfig,
  transport: Transport,
  decoder: StullerResponseDecoder,
  options: { maxUrlLength?: number } = {},
): StullerClient {
  return {
    async fetchInvoices(criteria, call) {
      const response = await transport.request(buildInvoiceRequest(config, criteria, options.maxUrlLength), call);
      return decoder.decode(response);
    },
  };
}
