// A loopback simulator of Ingram Micro's Reseller API (node:http on 127.0.0.1, port 0): the
// OAuth token endpoint, v5 invoice details and v6 invoice search, behind Apigee-style Bearer
// checks and a fixed rate window that sends X-RateLimit-* on every API response and the
// documented 429 body when it is spent. Tests switch faults through `control` and read every
// request in `requests`; `npm start` in sandbox mode serves Ingram data from it. It writes
// nothing to the console.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { IngramConfig } from "../../config.js";
import { CATALOG_INVOICES } from "./catalog.js";
import { SimulatorControl, type IngramSimulatorControl } from "./control.js";
import { RateWindow, TokenStore } from "./gateway.js";
import { NAMED_INVOICES, PO_1004_INVOICES, type SimulatedInvoice } from "./invoices.js";
import { ingramSearchInvoices } from "./search-invoices.js";
import { detailReply, searchReply, tokenReply, type SimulatedAccount } from "./routes.js";
import { EXPIRED_TOKEN, INVALID_TOKEN, jsonReply, SERVER_ERROR, SERVICE_UNAVAILABLE, type ResetFormat, type WireReply } from "./wire.js";

export type { Fault, IngramSimulatorControl } from "./control.js";
export type { SimulatedInvoice } from "./invoices.js";
export type { ResetFormat } from "./wire.js";

export interface IngramSimulatorOptions {
  /** Credentials and account the simulator accepts; sandbox defaults otherwise. */
  readonly account?: Partial<SimulatedAccount>;
  /** API calls per window; default 60. */
  readonly limit?: number;
  /** Window length; default 60 s. */
  readonly windowMs?: number;
  /** X-RateLimit-Reset encoding; default epoch milliseconds, as the vendor document says. */
  readonly resetFormat?: ResetFormat;
  /** Largest v6 search page actually served; default 100 (Ingram's maximum). */
  readonly maxPageSize?: number;
  /** `expires_in` of issued tokens; default the string "86399". */
  readonly tokenExpiresIn?: string | number;
  /** Path prefix of the API (Ingram's sandbox uses "/sandbox"); default "/sandbox". */
  readonly basePath?: string;
  /** The invoices served; default the named sandbox invoices, PO-1004's and the code catalog. */
  readonly invoices?: readonly SimulatedInvoice[];
  /** Adds the search invoices (search-invoices.ts) dated back from this day (YYYY-MM-DD). */
  readonly searchInvoicesAsOf?: string;
}

export type RequestKind = "token" | "detail" | "search" | "unknown";

export interface RecordedIngramRequest {
  /** Epoch ms when the request arrived. */
  readonly at: number;
  readonly kind: RequestKind;
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The status answered, null until the headers are sent. */
  status: number | null;
  /** The response headers sent (lower-cased names), null until sent. */
  responseHeaders: Readonly<Record<string, string>> | null;
}

export interface IngramSimulator {
  /** "http://127.0.0.1:<port>" */
  readonly url: string;
  /** An IngramConfig pointing at this simulator, with the credentials it accepts. */
  readonly credentials: IngramConfig;
  readonly control: IngramSimulatorControl;
  readonly requests: readonly RecordedIngramRequest[];
  /** The v5 detail and v6 search requests (what counts against the rate limit). */
  apiRequests(): RecordedIngramRequest[];
  close(): Promise<void>;
}

export const SANDBOX_ACCOUNT: SimulatedAccount = { clientId: "sandbox-client-id", clientSecret: "sandbox-client-secret", customerNumber: "20-123456", countryCode: "UK" };

const TOKEN_PATHS = new Set(["/oauth/oauth30/token", "/oauth/oauth20/token"]);

interface Answer {
  readonly reply: WireReply;
  readonly delayMs?: number;
  readonly stall?: boolean;
}

export async function startIngramMicroSimulator(options: IngramSimulatorOptions = {}): Promise<IngramSimulator> {
  const account: SimulatedAccount = { ...SANDBOX_ACCOUNT, ...options.account };
  const basePath = (options.basePath ?? "/sandbox").replace(/\/+$/, "");
  const invoices = [
    ...(options.invoices ?? [...NAMED_INVOICES, ...PO_1004_INVOICES, ...CATALOG_INVOICES]),
    ...(options.searchInvoicesAsOf === undefined ? [] : ingramSearchInvoices(options.searchInvoicesAsOf)),
  ];
  const byNumber = new Map(invoices.map((invoice) => [invoice.number.toUpperCase(), invoice]));
  const tokens = new TokenStore();
  const control = new SimulatorControl(options.resetFormat ?? "epoch-ms", () => tokens.revokeAll());
  const requests: RecordedIngramRequest[] = [];
  const rateWindow = new RateWindow(options.limit ?? 60, options.windowMs ?? 60_000);
  const expiresIn = options.tokenExpiresIn ?? "86399";

  function answerApi(record: RecordedIngramRequest, query: URLSearchParams): Answer {
    const now = Date.now();
    const verdict = rateWindow.enter(now, control.resetFormat);
    if ("rejected" in verdict) return { reply: verdict.rejected };
    const { headers } = verdict;
    const auth = tokens.check(record.headers["authorization"], now);
    if (auth.state !== "valid") return { reply: jsonReply(401, auth.state === "expired" ? EXPIRED_TOKEN : INVALID_TOKEN, headers) };

    const fault = control.take();
    if (fault?.kind === "status") return { reply: jsonReply(fault.status, fault.status === 503 ? SERVICE_UNAVAILABLE : SERVER_ERROR, headers) };
    if (fault?.kind === "revoke-token") {
      tokens.revoke(auth.token);
      return { reply: jsonReply(401, INVALID_TOKEN, headers) };
    }
    if (fault?.kind === "rate-limited") {
      return { reply: rateWindow.pauseUntil(now + fault.resetInMs, fault.resetFormat ?? control.resetFormat, fault.onlyResetHeader ?? false, now) };
    }
    const reply =
      record.kind === "detail"
        ? detailReply(decodeURIComponent(record.path.slice(record.path.lastIndexOf("/") + 1)), query, account, byNumber, control.notFound)
        : searchReply(query, record.headers, account, invoices, options.maxPageSize ?? 100);
    const withHeaders = { ...reply, headers: { ...reply.headers, ...headers } };
    if (fault?.kind === "slow-headers") return { reply: withHeaders, delayMs: fault.delayMs };
    if (fault?.kind === "stalled-body") return { reply: withHeaders, stall: true };
    if (fault?.kind === "malformed-json") return { reply: { ...withHeaders, status: 200, body: withHeaders.body.slice(0, Math.ceil(withHeaders.body.length / 2)) } };
    return { reply: withHeaders };
  }

  function answer(record: RecordedIngramRequest, query: URLSearchParams): Answer {
    if (record.kind === "token") {
      if (control.tokenEndpointDown) return { reply: jsonReply(503, SERVICE_UNAVAILABLE) };
      const form = record.method === "POST" ? new URLSearchParams(record.body) : query;
      return { reply: tokenReply(form, account, () => tokens.issue(Number(expiresIn), Date.now()), expiresIn) };
    }
    if (record.kind === "unknown") return { reply: jsonReply(404, { errors: [{ id: "1", type: "/errors/not-found", message: "Resource not found", fields: [] }] }) };
    return answerApi(record, query);
  }

  function kindOf(method: string, path: string): RequestKind {
    if (TOKEN_PATHS.has(path) && (method === "POST" || method === "GET")) return "token";
    if (method !== "GET" || !path.startsWith(`${basePath}/`)) return "unknown";
    const rest = path.slice(basePath.length);
    if (/^\/resellers\/v5\/invoices\/[^/]+$/.test(rest)) return "detail";
    if (/^\/resellers\/v6\/invoices\/?$/.test(rest)) return "search";
    return "unknown";
  }

  function respond(record: RecordedIngramRequest, res: ServerResponse, { reply, delayMs, stall }: Answer): void {
    const send = () => {
      if (res.destroyed) return;
      const headers = { ...reply.headers, "content-length": String(Buffer.byteLength(reply.body)) };
      record.status = reply.status;
      record.responseHeaders = headers;
      res.writeHead(reply.status, headers);
      // A stalled body promises the whole length and sends half of it.
      if (stall === true) res.write(reply.body.slice(0, Math.floor(reply.body.length / 2)));
      else res.end(reply.body);
    };
    if (delayMs === undefined) return send();
    const timer = setTimeout(send, delayMs);
    res.on("close", () => clearTimeout(timer));
  }

  const server = createServer((raw: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    raw.on("data", (chunk: Buffer) => chunks.push(chunk));
    raw.on("end", () => {
      const url = new URL(raw.url ?? "/", "http://127.0.0.1");
      const method = (raw.method ?? "GET").toUpperCase();
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(raw.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
      const record: RecordedIngramRequest = {
        at: Date.now(),
        kind: kindOf(method, url.pathname),
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers,
        body: Buffer.concat(chunks).toString("utf8"),
        status: null,
        responseHeaders: null,
      };
      requests.push(record);
      try {
        respond(record, res, answer(record, url.searchParams));
      } catch {
        respond(record, res, { reply: jsonReply(500, SERVER_ERROR) });
      }
    });
  });
  server.on("clientError", (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    credentials: { ...account, baseUrl: new URL(`${url}${basePath}`), tokenUrl: new URL(`${url}/oauth/oauth30/token`) },
    control,
    requests,
    apiRequests: () => requests.filter((r) => r.kind === "detail" || r.kind === "search"),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
