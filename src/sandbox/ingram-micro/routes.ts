// The simulator's three endpoints as pure functions from a request to a reply: the OAuth token
// endpoint, v5 invoice details and v6 invoice search. Authentication, the rate window and
// fault injection happen around them (index.ts).
import type { SimulatedInvoice } from "./invoices.js";
import { badRequest, CUSTOMER_MISMATCH, INVALID_CLIENT, invoiceFound, invoiceNotFound, jsonReply, searchRow, type NotFoundStyle, type WireReply } from "./wire.js";

export interface SimulatedAccount {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly customerNumber: string;
  readonly countryCode: string;
}

/** A query parameter by case-insensitive name (the docs spell them both ways). */
function param(query: URLSearchParams, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of query) if (key.toLowerCase() === wanted) return value;
  return null;
}

/** POST form (or GET query) client credentials; `expires_in` is a string, Apigee style. */
export function tokenReply(form: URLSearchParams, account: SimulatedAccount, issue: () => string, expiresIn: string | number): WireReply {
  if (form.get("grant_type") !== "client_credentials") return jsonReply(400, { message: "Unsupported grant type: grant_type must be client_credentials" });
  if (form.get("client_id") !== account.clientId || form.get("client_secret") !== account.clientSecret) return jsonReply(401, INVALID_CLIENT);
  return jsonReply(200, { access_token: issue(), token_type: "Bearer", expires_in: expiresIn });
}

/** GET /resellers/v5/invoices/{number}?customerNumber=&isoCountryCode= */
export function detailReply(
  number: string,
  query: URLSearchParams,
  account: SimulatedAccount,
  invoices: ReadonlyMap<string, SimulatedInvoice>,
  notFound: NotFoundStyle,
): WireReply {
  const customer = param(query, "customerNumber");
  const country = param(query, "isoCountryCode");
  if (customer === null || customer === "") return badRequest("customerNumber", "The customerNumber field is required.");
  if (country === null || !/^[A-Za-z]{2}$/.test(country)) return badRequest("isoCountryCode", "isoCountryCode must be 2 characters.");
  if (customer !== account.customerNumber) return jsonReply(401, CUSTOMER_MISMATCH);
  const invoice = invoices.get(number.toUpperCase());
  // Details are kept nine months: an archived invoice is only listed by the search.
  return invoice === undefined || invoice.archived === true ? invoiceNotFound(notFound) : jsonReply(200, invoiceFound(invoice));
}

const REQUIRED_HEADERS = ["im-customernumber", "im-countrycode", "im-correlationid"] as const;

/** GET /resellers/v6/invoices?customerOrderNumber=&invoiceNumber=&pageSize=&pageNumber= with the IM-* headers. */
export function searchReply(
  query: URLSearchParams,
  headers: Readonly<Record<string, string>>,
  account: SimulatedAccount,
  invoices: readonly SimulatedInvoice[],
  maxPageSize: number,
): WireReply {
  for (const name of REQUIRED_HEADERS) {
    if ((headers[name] ?? "").trim() === "") return badRequest(headerName(name), `The ${headerName(name)} header is required.`);
  }
  // The invoice operations list IM-ApplicationID; other v6 operations take IM-SenderID.
  if ((headers["im-applicationid"] ?? headers["im-senderid"] ?? "").trim() === "") return badRequest("IM-ApplicationID", "The IM-ApplicationID header is required.");
  if ((headers["im-correlationid"] ?? "").length > 32) return badRequest("IM-CorrelationID", "IM-CorrelationID must be at most 32 characters.");
  if (headers["im-customernumber"] !== account.customerNumber) return jsonReply(401, CUSTOMER_MISMATCH);

  const pageSize = clampInt(param(query, "pageSize"), 25, 1, maxPageSize);
  const pageNumber = clampInt(param(query, "pageNumber"), 1, 1, Number.MAX_SAFE_INTEGER);
  const po = param(query, "customerOrderNumber")?.trim().toUpperCase();
  // invoiceNumber matches with or without hyphens (the search lists it without).
  const number = param(query, "invoiceNumber")?.trim().toUpperCase().replaceAll("-", "");
  const matching = invoices.filter(
    (invoice) =>
      (po === undefined || po === "" || invoice.purchaseOrder.toUpperCase() === po) &&
      (number === undefined || number === "" || invoice.number.toUpperCase().replaceAll("-", "") === number),
  );
  const rows = searchRows(query, matching.map(searchRow));
  if (!Array.isArray(rows)) return rows;
  const page = rows.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  const more = pageNumber * pageSize < rows.length;
  return jsonReply(200, {
    recordsFound: rows.length,
    pageSize,
    pageNumber,
    // The real nextPage names parameters the endpoint does not have (wire notes 1.7 #5): never follow it.
    nextPage: more ? `/resellers/v6/invoices/?customerNumber=${account.customerNumber}&page=${pageNumber + 1}&size=${pageSize}&orderBy=InvoiceDate` : null,
    invoices: page,
  });
}

const DATE_FILTERS = [
  ["invoiceFromDate", "invoiceDate", ">="],
  ["invoiceToDate", "invoiceDate", "<="],
  ["invoiceFromDueDate", "invoiceDueDate", ">="],
  ["invoiceToDueDate", "invoiceDueDate", "<="],
] as const;

/**
 * The search's date and status filters and its sort (wire notes §1.5): dates `yyyy-MM-dd`
 * (anything else is the documented 400), `invoiceStatus` compared without case, `orderby`
 * InvoiceDate with `direction` asc (default) or desc. Invoices of one day come in descending
 * number order, on purpose not the order a client wants: the tie order is undocumented.
 */
function searchRows(query: URLSearchParams, rows: Array<Record<string, unknown>>): Array<Record<string, unknown>> | WireReply {
  let selected = rows;
  for (const [name, field, comparison] of DATE_FILTERS) {
    const value = param(query, name);
    if (value === null) continue;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return badRequest(name, `${name} must be a date in the format yyyy-MM-dd.`);
    selected = selected.filter((row) => {
      const day = row[field];
      return typeof day === "string" && (comparison === ">=" ? day >= value : day <= value);
    });
  }
  const status = param(query, "invoiceStatus");
  if (status !== null && status.trim() !== "") selected = selected.filter((row) => String(row["invoiceStatus"]).toUpperCase() === status.trim().toUpperCase());
  const orderBy = param(query, "orderby");
  if (orderBy === null) return selected;
  if (orderBy.toLowerCase() !== "invoicedate") return badRequest("orderby", "orderby must be one of: InvoiceDate.");
  const descending = (param(query, "direction") ?? "asc").toLowerCase() === "desc";
  const text = (row: Record<string, unknown>, key: string) => (typeof row[key] === "string" ? (row[key] as string) : "");
  return [...selected].sort((a, b) => {
    const byDate = text(a, "invoiceDate").localeCompare(text(b, "invoiceDate"));
    return (descending ? -byDate : byDate) || text(b, "invoiceNumber").localeCompare(text(a, "invoiceNumber"));
  });
}

function headerName(lower: string): string {
  return lower.replace(/^im-/, "IM-").replace("customernumber", "CustomerNumber").replace("countrycode", "CountryCode").replace("correlationid", "CorrelationID");
}

function clampInt(text: string | null, fallback: number, min: number, max: number): number {
  if (text === null || !/^\d+$/.test(text.trim())) return fallback;
  return Math.min(max, Math.max(min, Number(text.trim())));
}
