// One request to the Stuller simulator: record it, apply a scripted fault, then answer like
// ASP.NET Web API would (route, Basic auth, model binding, content negotiation). Error bodies
// are the framework's stock `{"Message": ...}` ones (wire notes §4.6).
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
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
}

export async function handleRequest(state: SimulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  const target = req.url ?? "/";
  const url = new URL(target, "http://simulator.invalid");
  const method = (req.method ?? "GET").toUpperCase();
  const criteria = method === "POST" ? criteriaFromBody(body) : criteriaFromQuery(url.searchParams);
  const record: StullerRecordedRequest = {
    method,
    path: url.pathname,
    targetLength: target.length,
    accept: req.headers.accept ?? null,
    contentType: req.headers["content-type"] ?? null,
    authorized: isAuthorized(state.credentials, req.headers.authorization),
    purchaseOrderNumbers: criteria?.purchaseOrderNumbers ?? [],
    invoiceNumbers: criteria?.invoiceNumbers ?? [],
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
  return poOk && numberOk;
}

/** Repeated query parameters; ASP.NET binds names case-insensitively. */
function criteriaFromQuery(params: URLSearchParams): Criteria {
  const criteria: Criteria = { purchaseOrderNumbers: [], invoiceNumbers: [] };
  for (const [name, value] of params) {
    const key = name.toLowerCase();
    if (key === "purchaseordernumber") criteria.purchaseOrderNumbers.push(value);
    if (key === "invoicenumber") criteria.invoiceNumbers.push(value);
  }
  return criteria;
}

/** An `InvoiceRequest` JSON body; null when it is not one. Filters/DateFrom/DateTo are accepted and ignored. */
function criteriaFromBody(body: string | null): Criteria | null {
  if (body === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body === "" ? "{}" : body);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
  const criteria: Criteria = { purchaseOrderNumbers: [], invoiceNumbers: [] };
  for (const [name, value] of Object.entries(parsed)) {
    const key = name.toLowerCase();
    const list = key === "purchaseordernumber" ? criteria.purchaseOrderNumbers : key === "invoicenumber" ? criteria.invoiceNumbers : null;
    if (list === null || value === null) continue;
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (!values.every((item): item is string => typeof item === "string")) return null;
    list.push(...values);
  }
  return criteria;
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
