// fabric's invoice list as a search (issue 15): `GET …/invoices/?invoiced_at_gte=&invoiced_at_lt=
// &terms_date_due_gte=&terms_date_due_lt=&limit=&page=`, one DRF page per call (wire notes §3.2).
//
// - Invoice dates: `Invoice.invoiceDate` is the UTC day of `invoiced_at` (an instant), so the
//   window's days are sent as UTC midnights in epoch seconds, `gte` the first day and `lt` the
//   day after the last: exactly the invoices of those days.
// - Due dates: `terms_date_due` is a date (or an instant) and fabric does not say how an epoch
//   bound meets a date, so the bounds are sent a day wider on each side and the subgraph keeps
//   exactly the matching days (search/filter.ts).
// - Status: fabric's list has no `status` filter, and `is_paid` speaks of payments, which a
//   partly paid open invoice and a closed unpaid one (No Charge terms) both break; the status
//   is filtered by the subgraph.
// - fabric does not document the order of its list: pages are read as unsorted, and the search
//   narrows its date window until one page holds it (search/windows.ts).
import { addDays } from "../../domain/dates.js";
import { ProviderError } from "../../domain/errors.js";
import type { DateString } from "../../domain/models.js";
import type { SearchCapability, SearchQuery } from "../types.js";
import { parseJson, unexpectedStatus, type FabricClient, type Filters } from "./client.js";
import { readFabricInvoice } from "./normalize.js";
import { describeIssues, FabricPageSchema } from "./schemas.js";

/** UTC midnight of a calendar day, in epoch seconds. */
function epochSeconds(day: DateString): string {
  return String(Date.parse(`${day}T00:00:00Z`) / 1000);
}

export function searchFilters(query: SearchQuery): Filters {
  const filters: Record<string, string> = {};
  if (query.invoiceDateFrom !== null) filters["invoiced_at_gte"] = epochSeconds(query.invoiceDateFrom);
  if (query.invoiceDateTo !== null) filters["invoiced_at_lt"] = epochSeconds(addDays(query.invoiceDateTo, 1));
  if (query.dueDateFrom !== null) filters["terms_date_due_gte"] = epochSeconds(addDays(query.dueDateFrom, -1));
  if (query.dueDateTo !== null) filters["terms_date_due_lt"] = epochSeconds(addDays(query.dueDateTo, 2));
  return filters;
}

export function fabricSearch(client: FabricClient, pageSize: number): SearchCapability {
  return {
    pageSize,
    dueDates: true,
    async page(query, call) {
      const response = await client.send("GET", client.pageUrl(searchFilters(query), query.page), call);
      // DRF answers a page past the end with 404 "Invalid page.": the list got shorter since page 1.
      if (response.status === 404 && query.page > 1) return { invoices: [], hasMore: false, newestFirst: false, total: null };
      if (response.status !== 200) throw unexpectedStatus(response.status);
      const parsed = FabricPageSchema.safeParse(parseJson(response.text));
      if (!parsed.success) throw new ProviderError("FABRIC", "BAD_RESPONSE", `fabric sent an invoice list page this subgraph could not read: ${describeIssues(parsed.error)}`);
      return { invoices: parsed.data.results.map(readFabricInvoice), hasMore: Boolean(parsed.data.next), newestFirst: false, total: parsed.data.count };
    },
  };
}
