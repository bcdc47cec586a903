// Stuller's invoice search by date (issue 15): one `POST {STULLER_BASE_URL}/v2/invoice` per
// search window, Stuller does not page (wire notes §4.6).
//
// The request carries the invoice-date window in both forms the wire notes know (§4.3): the
// documented `Filters` model, `{"Filter":"DateRange","Values":[{"DisplayValue":"From",
// "Value":"yyyy-MM-dd"},{"DisplayValue":"To","Value":"yyyy-MM-dd"}]}` (its value format is
// undocumented: ISO days, the first value the first day), and the top-level `DateFrom` /
// `DateTo` that a production client found to be the filter Stuller really applies. ASP.NET
// ignores what it does not bind, so a host that reads either form filters the same way.
//
// `OrderStatus` is not sent: Stuller's statuses describe fulfilment (Shipped, Invoiced), not
// whether an invoice is paid, which is what `status` asks (status.ts). Stuller states no due
// dates, so it cannot search by them (`dueDates: false`).
//
// A Stuller that ignores the window answers with other invoices: they are left out before any
// is read, by the calendar day Stuller wrote (its own offset), and the subgraph checks every
// date again (search/filter.ts). One unreadable invoice in the window fails the search, as it
// fails a purchase order: a shorter list would look complete.
import type { StullerConfig } from "../../config.js";
import { joinUrl } from "../../config.js";
import { parseCalendarDay } from "../../domain/dates.js";
import { ProviderError } from "../../domain/errors.js";
import type { DateString, InvoiceModel } from "../../domain/models.js";
import type { Transport, TransportRequest } from "../../http/transport.js";
import type { Logger } from "../../observability/logger.js";
import type { SearchCapability } from "../types.js";
import { basicAuthorization, INVOICE_PATH } from "./client.js";
import type { RawStullerInvoice, StullerResponseDecoder } from "./decode.js";
import { readInvoices } from "./lookup.js";

export interface StullerSearchDeps {
  readonly config: StullerConfig;
  readonly transport: Transport;
  readonly decoder: StullerResponseDecoder;
  readonly logger: Logger;
  readonly currency?: string;
}

/** The request for Stuller's invoices of [from, to], both ends inclusive. */
export function dateRangeRequest(config: StullerConfig, from: DateString, to: DateString): TransportRequest {
  const body = {
    DateFrom: from,
    DateTo: to,
    Filters: [{ Filter: "DateRange", Values: [{ DisplayValue: "From", Value: from }, { DisplayValue: "To", Value: to }] }],
  };
  return {
    method: "POST",
    url: joinUrl(config.baseUrl, INVOICE_PATH),
    // The span's name: the route template, never the URL.
    route: `/${INVOICE_PATH}`,
    headers: { authorization: basicAuthorization(config), accept: "application/json", "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(body),
    // A search reads: repeating it is safe.
    retry: "read-only-post",
  };
}

/** The calendar day of a raw invoice's InvoiceDate as written; null when it is not a date. */
function dayOf(invoice: RawStullerInvoice): DateString | null {
  const text = invoice["InvoiceDate"];
  if (typeof text !== "string") return null;
  try {
    return parseCalendarDay(text);
  } catch {
    return null;
  }
}

export function stullerSearch(deps: StullerSearchDeps): SearchCapability {
  let ignoredReported = false;
  return {
    // Stuller does not page: one answer holds the whole window.
    pageSize: Number.MAX_SAFE_INTEGER,
    dueDates: false,
    async page(query, call) {
      if (query.page > 1) return { invoices: [], hasMore: false, newestFirst: false, total: null };
      const { invoiceDateFrom: from, invoiceDateTo: to } = query;
      if (from === null || to === null) throw new ProviderError("STULLER", "NOT_SUPPORTED", "Stuller searches by a window of invoice dates with both ends");
      const raw = deps.decoder.decode(await deps.transport.request(dateRangeRequest(deps.config, from, to), call));
      // An invoice whose date cannot be read is kept: reading it reports the fault.
      const selected = raw.filter((invoice) => {
        const day = dayOf(invoice);
        return day === null || (day >= from && day <= to);
      });
      if (selected.length < raw.length && !ignoredReported) {
        ignoredReported = true;
        deps.logger.warn({ provider: "STULLER", others: raw.length - selected.length }, "Stuller answered a date search with invoices outside the dates asked; they are filtered out here");
      }
      const invoices: InvoiceModel[] = [];
      for (const entry of readInvoices(selected, call, deps.currency)) {
        if (entry.result instanceof ProviderError) throw entry.result;
        invoices.push(entry.result);
      }
      return { invoices, hasMore: false, newestFirst: false, total: invoices.length };
    },
  };
}
