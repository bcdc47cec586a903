// What an Ingram Micro answer means: an invoice, "not found", a page of search results, or a
// BAD_RESPONSE that names the field at fault (never the value). v5 says "not found" with
// HTTP 200 and a FAILED preamble (status EO "Invalid Invoice Number", or 404 "Invoice Not
// Found"); v6 with a real 404 and an `errors[]` body.
import { ProviderError } from "../../domain/errors.js";
import type { IngramAnswer } from "./client.js";
import { canonicalKeys, DetailEnvelope, ErrorsBody, InvoiceDetail, issuePath, SearchPage, type InvoiceDetailDto, type SearchPageDto } from "./schemas.js";

const PROVIDER = "INGRAM_MICRO";
const NOT_FOUND_CODES: ReadonlySet<string> = new Set(["EO", "404"]);
const NOT_FOUND_MESSAGE = /not found|invalid invoice/i;

function bad(message: string): ProviderError {
  return new ProviderError(PROVIDER, "BAD_RESPONSE", `Ingram Micro ${message}`);
}

/** A v6-style 404 `{"errors":[...]}`: Ingram's "no such data". Anything else at 404 is a wrong URL. */
function isNotFoundBody(body: unknown): boolean {
  const parsed = ErrorsBody.safeParse(canonicalKeys(body));
  return parsed.success && parsed.data.errors.some((e) => /not-?found/i.test(e.type ?? "") || NOT_FOUND_MESSAGE.test(e.message ?? ""));
}

/** The invoice detail, or null when Ingram says the number is unknown. */
export function readInvoiceDetail(number: string, answer: IngramAnswer): InvoiceDetailDto | null {
  const body = canonicalKeys(answer.body);
  if (answer.status === 404) {
    if (isNotFoundBody(answer.body) || DetailEnvelope.safeParse(body).success) return null;
    throw bad("answered HTTP 404 for the invoice endpoint itself; check INGRAM_BASE_URL");
  }
  const envelope = DetailEnvelope.safeParse(body);
  if (!envelope.success) throw bad(`sent invoice ${number} without the serviceresponse envelope`);
  const { responsepreamble: preamble, invoicedetailresponse: detail } = envelope.data.serviceresponse;
  if (preamble?.responsestatus?.toUpperCase() === "FAILED") {
    if (NOT_FOUND_CODES.has(preamble.statuscode?.toUpperCase() ?? "") || NOT_FOUND_MESSAGE.test(preamble.responsemessage ?? "")) return null;
    const code = /^[A-Z0-9]{1,8}$/i.test(preamble.statuscode ?? "") ? ` ${preamble.statuscode}` : "";
    throw bad(`answered invoice ${number} with a FAILED status${code}`);
  }
  if (detail === undefined || detail === null) throw bad(`sent no invoicedetailresponse for invoice ${number}`);
  const parsed = InvoiceDetail.safeParse(detail);
  if (!parsed.success) throw bad(`sent invoice ${number} with a missing or invalid ${issuePath(parsed.error)}`);
  return parsed.data;
}

const EMPTY_PAGE: SearchPageDto = { recordsfound: 0, pagesize: null, pagenumber: null, nextpage: null, invoices: [] };

/** One page of the v6 search; a documented not-found 404 is an empty result. */
export function readSearchPage(purchaseOrder: string, answer: IngramAnswer): SearchPageDto {
  if (answer.status === 404) {
    if (isNotFoundBody(answer.body)) return EMPTY_PAGE;
    throw bad("answered HTTP 404 for the invoice search endpoint itself; check INGRAM_BASE_URL");
  }
  const parsed = SearchPage.safeParse(canonicalKeys(answer.body));
  if (!parsed.success) throw bad(`sent an invoice search result for ${purchaseOrder} with a missing or invalid ${issuePath(parsed.error)}`);
  return parsed.data;
}
