// One request to the Stuller simulator: record it, apply a scripted fault, then answer like
// ASP.NET Web API would (route, Basic auth, model binding, content negotiation). Error bodies
// are the framework's stock `{"Message": ...}` ones (wire notes §4.6).
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isDateString } from "../../domain/dates.js";
import { prefersXml, renderJson, renderXml } from "./render.js";
import { wireText, type WireInvoice } from "./wire.js";

export type StullerFault =
  /** Answer with this status (500, 502, 503...) and ASP.NET's generic error body, or `body`. */
  | { readonly kind: "status"; readonly status: number; readonly body?: string }
  /** 429 with Retry-After. */
  | { readonly kind: "rate-limited"; readonly retryAfterSeconds?: number }
  /** Wait, then answer normally. */
  | { readonly kind: "slow"; readonly delayMs: number }
  /** 200 with a JSON body cut off halfway. */
  | { readonly kind: "malformed" };

export interface StullerRecordedRequest {
  readonly method: string;
  readonly path: string;
  /** Length of the request target (path and query) as sent. */
  readonly targetLength: number;
  readonly accept: string | null;
  readonly contentType: string | null;
  /** Whether the Basic credentials matched; the header itself is never recorded. */
  readonly authorized: boolean;
  readonly purchaseOrderNumbers: readonly string[];
  readonly invoiceNumbers: readonly string[];
  /** The invoice-date window asked for (DateFrom/DateTo or a DateRange filter), as yyyy-MM-dd. */
  readonly dateRange: { readonly from: string; readonly to: string } | null;
  /** The status the simulator answered with. */
  status: number;
  /** Invoices in a 200 answer (every invoice in lenient mode). */
  invoicesReturned: number;
}

export interface SimulatorState {
  readonly invoices: readonly WireInvoice[];
  /** `username:password` as UTF-8. */
  readonly credentials: Buffer;
  lenient: boolean;
  readonly queued: StullerFault[];
  always: StullerFault | null;
  readonly requests: StullerRecordedRequest[];
  /** Pending `slow` waits: close() ends them at once. */
  readonly sleepers: Map<NodeJS.Timeout, () => void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const ROUTE = /^\/(?:api\/)?v2\/invoice\/?$/i;

interface Criteria {
  readonly purchaseOrderNumbers: string[];
  readonly invoiceNumbers: string[];
  dateRange: { readonly from: string; readonly to: string } | null;
  readonly orderStatuses: string[];
}

/** A body that binds but breaks a rule: ASP.NET's 400 with its ModelState. */
interface Invalid {
  readonly modelState: Record<string, string[]>;
}

export async function handleRequest(state: SimulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  const target = req.url ?? "/";
  const url = new URL(target, "http://simulator.invalid");
  const method = (req.method ?? "GET").toUpperCase();
  const parsed = method === "POST" ? criteriaFromBody(body) : criteriaFromQuery(url.searchParams);
  const criteria = parsed !== null && "modelState" in parsed ? null : parsed;
  const record: StullerRecordedRequest = {
    method,
    path: url.pathname,
    targetLength: target.length,
    accept: req.headers.accept ?? null,
    contentType: req.headers["content-type"] ?? null,
    authorized: isAuthorized(state.credentials, req.headers.authorization),
    purchaseOrderNumbers: criteria?.purchaseOrderNumbers ?? [],
    invoiceNumbers: criteria?.invoiceNumbers ?? [],
    dateRange: criteria?.dateRange ?? null,
    status: 0,
    invoicesReturned: 0,
  };
  state.requests.push(record);
  const send = (status: number, text: string, headers: Record<string, string> = {}): void => {
    record.status = status;
    if (res.destroyed) return;
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    res.end(text);
  };
  const message = (text: string): string => JSON.stringify({ Message: text });

  const fault = state.queued.shift() ?? state.always;
  if (fault?.kind === "status") return send(fault.status, fault.body ?? message("An error has occurred."));
  if (fault?.kind === "rate-limited") return send(429, message("Too many requests."), { "retry-after": String(fault.retryAfterSeconds ?? 1) });
  if (fault?.kind === "slow") await sleep(state, fault.delayMs);

  if (body === null) return send(413, message("The request entity is too large."));
  if (!ROUTE.test(url.pathname)) return send(404, message(`No HTTP resource was found that matches the request URI '${url.pathname}'.`));
  if (method !== "GET" && method !== "POST") return send(405, message(`The requested resource does not support http method '${method}'.`), { allow: "GET, POST" });
  if (!record.authorized) return send(401, message("Authorization has been denied for this request."));
  if (method === "POST" && !/^(application|text)\/json\b/i.test(record.contentType ?? "")) {
    return send(415, message(`The request entity's media type '${record.contentType ?? ""}' is not supported for this resource.`));
  }
  if (parsed !== null && "modelState" in parsed) return send(400, JSON.stringify({ Message: "The request is invalid.", ModelState: parsed.modelState }));
  if (criteria === null) return send(400, message("The request is invalid."));

  // Gotcha 2: a lenient Stuller ignores the PurchaseOrderNumber / InvoiceNumber filters.
  const selected = state.lenient ? state.invoices : state.invoices.filter((invoice) => matches(invoice, criteria));
  record.invoicesReturned = selected.length;
  if (prefersXml(record.accept ?? undefined)) return send(200, renderXml(selected), { "content-type": "application/xml; charset=utf-8" });
  const json = renderJson(selected);
  send(200, fault?.kind === "malformed" ? json.slice(0, Math.floor(json.length / 2)) : json);
}

function matches(invoice: WireInvoice, criteria: Criteria): boolean {
  const po = wireText(invoice.PurchaseOrderNumber);
  const number = wireText(invoice.InvoiceNumber);
  const poOk = criteria.purchaseOrderNumbers.length === 0 || (po !== null && criteria.purchaseOrderNumbers.includes(po));
  const numberOk = criteria.invoiceNumbers.length === 0 || (number !== null && criteria.invoiceNumbers.includes(number));
  // The day as written, in Stuller's own offset.
  const day = wireText(invoice.InvoiceDate)?.slice(0, 10) ?? null;
  const range = criteria.dateRange;
  const dateOk = range === null || (day !== null && day >= range.from && day <= range.to);
  const status = wireText(invoice.Status)?.toLowerCase() ?? null;
  const statusOk = criteria.orderStatuses.length === 0 || (status !== null && criteria.orderStatuses.some((s) => s.toLowerCase() === status));
  return poOk && numberOk && dateOk && statusOk;
}

/** Repeated query parameters; ASP.NET binds names case-insensitively. */
function criteriaFromQuery(params: URLSearchParams): Criteria {
  const criteria: Criteria = { purchaseOrderNumbers: [], invoiceNumbers: [], dateRange: null, orderStatuses: [] };
  for (const [name, value] of params) {
    const key = name.toLowerCase();
    if (key === "purchaseordernumber") criteria.purchaseOrderNumbers.push(value);
    if (key === "invoicenumber") criteria.invoiceNumbers.push(value);
  }
  return criteria;
}

/**
 * An `InvoiceRequest` JSON body; null when it is not one, Invalid when it breaks a rule of the
 * date window. The window is strict (wire notes §4.3, the format this subgraph sends): top-level
 * `DateFrom` and `DateTo` together, and/or a `DateRange` filter of exactly two values, the first
 * and the last day; days as yyyy-MM-dd or MM/dd/yyyy; both forms, when both are sent, agreeing.
 * An `OrderStatus` filter keeps the invoices whose Status is one of its values.
 */
function criteriaFromBody(body: string | null): Criteria | Invalid | null {
  if (body === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body === "" ? "{}" : body);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
  const criteria: Criteria = { purchaseOrderNumbers: [], invoiceNumbers: [], dateRange: null, orderStatuses: [] };
  const modelState: Record<string, string[]> = {};
  const invalid = (key: string, text: string) => void (modelState[key] = [...(modelState[key] ?? []), text]);
  let dateFrom: string | null | undefined;
  let dateTo: string | null | undefined;
  let filters: unknown;
  for (const [name, value] of Object.entries(parsed)) {
    const key = name.toLowerCase();
    if (key === "datefrom" || key === "dateto") {
      const day = typeof value === "string" ? dayOf(value) : null;
      if (day === null) invalid(`request.${name}`, `The value '${String(value)}' is not valid for ${name}.`);
      if (key === "datefrom") dateFrom = day;
      else dateTo = day;
      continue;
    }
    if (key === "filters") {
      filters = value;
      continue;
    }
    const list = key === "purchaseordernumber" ? criteria.purchaseOrderNumbers : key === "invoicenumber" ? criteria.invoiceNumbers : null;
    if (list === null || value === null) continue;
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (!values.every((item): item is string => typeof item === "string")) return null;
    list.push(...values);
  }
  if ((dateFrom === undefined) !== (dateTo === undefined)) invalid("request.DateFrom", "DateFrom and DateTo are given together.");
  if (dateFrom && dateTo) criteria.dateRange = { from: dateFrom, to: dateTo };
  if (filters !== undefined && filters !== null) {
    if (!Array.isArray(filters)) invalid("request.Filters", "Filters is a list of AdvancedInvoiceFilters.");
    else filters.forEach((filter, index) => readFilter(filter, `request.Filters[${index}]`, criteria, invalid));
  }
  if (criteria.dateRange !== null && criteria.dateRange.from > criteria.dateRange.to) invalid("request.DateFrom", "The first day comes after the last day.");
  return Object.keys(modelState).length > 0 ? { modelState } : criteria;
}

function readFilter(filter: unknown, at: string, criteria: Criteria, invalid: (key: string, text: string) => void): void {
  const record = typeof filter === "object" && filter !== null && !Array.isArray(filter) ? (filter as Record<string, unknown>) : null;
  const kind = record?.["Filter"];
  const values = record?.["Values"];
  const name = kind === 0 || (typeof kind === "string" && kind.toLowerCase() === "orderstatus") ? "OrderStatus" : kind === 1 || (typeof kind === "string" && kind.toLowerCase() === "daterange") ? "DateRange" : null;
  if (name === null) return invalid(`${at}.Filter`, `The value '${String(kind)}' is not valid for Filter.`);
  const texts = Array.isArray(values)
    ? values.map((value) => (typeof value === "object" && value !== null && typeof (value as Record<string, unknown>)["Value"] === "string" ? ((value as Record<string, unknown>)["Value"] as string) : null))
    : null;
  if (texts === null || texts.some((text) => text === null)) return invalid(`${at}.Values`, "Values is a list of {DisplayValue, Value} with text values.");
  if (name === "OrderStatus") return void criteria.orderStatuses.push(...(texts as string[]));
  const days = (texts as string[]).map(dayOf);
  const [from, to] = days;
  if (days.length !== 2 || from === null || to === null || from === undefined || to === undefined) {
    return invalid(`${at}.Values`, "DateRange takes two values, the first and the last day, as yyyy-MM-dd or MM/dd/yyyy.");
  }
  if (criteria.dateRange !== null && (criteria.dateRange.from !== from || criteria.dateRange.to !== to)) return invalid(`${at}.Values`, "DateRange disagrees with DateFrom and DateTo.");
  criteria.dateRange = { from, to };
}

/** A day as yyyy-MM-dd from yyyy-MM-dd or MM/dd/yyyy; null for anything else. */
function dayOf(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const us = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : [];
  if (year === undefined || month === undefined || day === undefined) return null;
  const date = `${year}-${month}-${day}`;
  return isDateString(date) ? date : null;
}

function isAuthorized(expected: Buffer, header: string | undefined): boolean {
  const match = /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match) return false;
  const given = Buffer.from(Buffer.from(match[1] ?? "", "base64").toString("utf8"), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The body as text; null past the cap (the rest is drained, not buffered). */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  return size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString("utf8");
}

function sleep(state: SimulatorState, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      state.sleepers.delete(timer);
      resolve();
    }, ms);
    state.sleepers.set(timer, resolve);
  });
}
