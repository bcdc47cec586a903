// The fabric Dropship simulator's HTTP handling: the token endpoint, DRF-style invoice
// pages, one invoice, and the acknowledge PUT, with DRF's status codes and bodies and its
// trailing-slash strictness (a path without its slash is 404).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FabricFaults, FabricRoute } from "./faults.js";
import type { FabricStore } from "./store.js";
import type { TokenIssuer } from "./tokens.js";

export interface FabricSimulatorRequest {
  readonly method: string;
  /** Path and query as sent. */
  readonly url: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly route: FabricRoute | null;
  readonly body: string;
}

export interface ServerState {
  readonly store: FabricStore;
  readonly faults: FabricFaults;
  readonly tokens: TokenIssuer;
  readonly retailerId: string;
  readonly defaultLimit: number;
  readonly maxLimit: number;
  readonly requests: FabricSimulatorRequest[];
  readonly delay: (ms: number) => Promise<void>;
}

const LIST = /^\/v1\/retailers\/([^/]+)\/invoices\/$/;
const ONE = /^\/v1\/retailers\/([^/]+)\/invoices\/([^/]+)\/$/;
const ACK = /^\/v1\/retailers\/([^/]+)\/invoices\/([^/]+)\/acknowledge\/$/;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function route(method: string, path: string): { route: FabricRoute; retailer: string | null; id: string | null; allowed: string } | null {
  if (path === "/auth/token/") return { route: "token", retailer: null, id: null, allowed: "POST" };
  const list = LIST.exec(path);
  if (list) return { route: "list", retailer: list[1] ?? null, id: null, allowed: "GET" };
  const ack = ACK.exec(path);
  if (ack) return { route: "acknowledge", retailer: ack[1] ?? null, id: ack[2] ?? null, allowed: "PUT" };
  const one = ONE.exec(path);
  if (one) return { route: "get", retailer: one[1] ?? null, id: one[2] ?? null, allowed: method === "HEAD" ? "HEAD" : "GET" };
  return null;
}

export async function handle(state: ServerState, req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
  const host = req.headers.host ?? "127.0.0.1";
  const url = new URL(req.url ?? "/", `http://${host}`);
  const method = req.method ?? "GET";
  const matched = route(method, url.pathname);
  state.requests.push({ method, url: req.url ?? "", path: url.pathname, params: Object.fromEntries(url.searchParams), route: matched?.route ?? null, body });
  if (!matched) return send(res, 404, { detail: "Not found." });

  const failure = state.faults.takeFailure(matched.route);
  if (failure !== null) {
    res.writeHead(failure, { "content-type": "text/html" });
    return void res.end(`<html><body><h1>${failure} Service Unavailable</h1></body></html>`);
  }
  if (state.faults.slowMs > 0) await state.delay(state.faults.slowMs);
  if (method !== matched.allowed) return send(res, 405, { detail: `Method "${method}" not allowed.` });
  if (matched.route === "token") return send(res, ...state.tokens.issue(body, req.headers.authorization));

  const auth = req.headers.authorization;
  if (!auth || !/^Bearer \S+$/.test(auth)) return send(res, 401, { detail: "Authentication credentials were not provided." }, { "www-authenticate": 'Bearer realm="api"' });
  if (state.faults.rejectAllTokens || !state.tokens.valid(auth.slice(7))) return send(res, 401, { detail: "Invalid token." }, { "www-authenticate": 'Bearer realm="api", error="invalid_token"' });
  if (matched.retailer !== state.retailerId) return send(res, 403, { detail: "You do not have permission to perform this action." });
  if (state.faults.takeMalformed(matched.route)) {
    res.writeHead(200, { "content-type": "application/json" });
    return void res.end('{"count": 3, "next": null, "results": [{"id": 1, "invoice_numb');
  }

  if (matched.route === "list") return list(state, res, url);
  const id = /^[1-9]\d{0,9}$/.test(matched.id ?? "") ? Number(matched.id) : null;
  const invoice = id === null ? undefined : state.store.get(id);
  if (id === null || !invoice) return send(res, 404, { detail: "Not found." });
  if (matched.route === "get") return send(res, 200, invoice);

  const ackFailure = state.faults.acknowledgeFailure(id);
  if (ackFailure !== null) return send(res, ackFailure, { detail: "Upstream error." });
  const already = invoice.acknowledged_at !== null;
  if (already && state.faults.alreadyAcknowledgedStatus !== 200) {
    return send(res, state.faults.alreadyAcknowledgedStatus, { detail: "Invoice has already been acknowledged." });
  }
  const updated = state.store.acknowledge(id);
  const lost = state.faults.takeLostResponse();
  if (lost === "reset") return void req.socket.resetAndDestroy();
  if (lost === "stall") return; // applied, and the answer never comes
  return send(res, 200, updated);
}

function list(state: ServerState, res: ServerResponse, url: URL): void {
  const filtered = state.store.list(url.searchParams);
  if (!filtered.ok) return send(res, 400, filtered.errors);
  const requested = Number.parseInt(url.searchParams.get("limit") ?? "", 10);
  const limit = Number.isFinite(requested) && requested > 0 ? Math.min(requested, state.maxLimit) : state.defaultLimit;
  const pageText = url.searchParams.get("page") ?? "1";
  const page = /^[1-9]\d{0,6}$/.test(pageText) ? Number(pageText) : 0;
  const total = filtered.invoices.length;
  const pages = Math.max(1, Math.ceil(total / limit));
  if (page < 1 || page > pages) return send(res, 404, { detail: "Invalid page." });
  const link = (target: number): string => {
    const next = new URL(url.pathname + url.search, state.faults.linkOrigin ?? url.origin);
    // DRF leaves `page` out of the link to the first page.
    if (target === 1) next.searchParams.delete("page");
    else next.searchParams.set("page", String(target));
    return next.href;
  };
  send(res, 200, {
    count: total,
    next: page < pages ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    results: filtered.invoices.slice((page - 1) * limit, page * limit),
  });
  state.faults.takeListHook()?.();
}
