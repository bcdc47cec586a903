// A real HTTP/1.1 upstream on 127.0.0.1 (port 0) for transport and provider tests. It answers
// from a scripted sequence of replies (the last one repeats) or from a handler, records every
// request (method, url, headers, body) and tracks sockets so tests can see them close.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface RecordedRequest {
  readonly method: string;
  /** Path and query as sent, e.g. "/v5/invoices/1?customerNumber=2". */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Answers one request; may write slowly, stall or destroy the socket. */
export type Handler = (req: RecordedRequest, res: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

export type Reply =
  | { readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly body?: string | Buffer }
  /** TCP RST: the client sees ECONNRESET. */
  | "reset"
  /** Graceful close (FIN) without an answer: undici sees "other side closed" (UND_ERR_SOCKET). */
  | "hang-up"
  /** Accept the request, never answer. */
  | "stall"
  | Handler;

export interface LoopbackServer {
  /** "http://127.0.0.1:<port>" without a trailing slash. */
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  /** Sockets accepted so far, and those still open. */
  readonly socketsOpened: number;
  readonly socketsOpen: number;
  /** Resolves once every accepted socket has closed; rejects after `timeoutMs`. */
  allSocketsClosed(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a server; `script` is either one handler or replies in order, the last one repeating. */
export async function startLoopbackServer(script: Handler | readonly Reply[]): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let opened = 0;
  const replyFor = (index: number): Reply => {
    if (typeof script === "function") return script;
    const reply = script[Math.min(index, script.length - 1)];
    if (reply === undefined) throw new Error("startLoopbackServer needs at least one reply");
    return reply;
  };

  const server = createServer({ keepAliveTimeout: 5_000 }, (raw, res) => {
    const chunks: Buffer[] = [];
    raw.on("data", (chunk: Buffer) => chunks.push(chunk));
    raw.on("end", () => {
      const recorded: RecordedRequest = {
        method: raw.method ?? "",
        url: raw.url ?? "",
        headers: raw.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      const reply = replyFor(requests.length);
      requests.push(recorded);
      void answer(reply, recorded, raw, res);
    });
  });
  server.on("connection", (socket) => {
    opened += 1;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get socketsOpened() {
      return opened;
    },
    get socketsOpen() {
      return sockets.size;
    },
    allSocketsClosed: (timeoutMs = 2_000) => waitUntil(() => sockets.size === 0, timeoutMs, "sockets still open"),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function answer(reply: Reply, recorded: RecordedRequest, raw: IncomingMessage, res: ServerResponse): Promise<void> {
  if (typeof reply === "function") return reply(recorded, res, raw);
  if (reply === "reset") return void raw.socket.resetAndDestroy();
  if (reply === "hang-up") return void raw.socket.destroy();
  if (reply === "stall") return;
  res.writeHead(reply.status, { ...reply.headers });
  res.end(reply.body ?? "");
}

/** A URL on 127.0.0.1 where nothing listens (connection refused). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/**
 * A handler streaming `totalBytes` of "x" in 64 KiB chunks, honouring backpressure; stops when
 * the client goes away. `contentLength` sets the header (it may lie); chunked otherwise.
 */
export function streamBody(totalBytes: number, contentLength?: number): Handler {
  return async (_req, res) => {
    res.writeHead(200, contentLength === undefined ? {} : { "content-length": String(contentLength) });
    const chunk = Buffer.alloc(64 * 1024, "x");
    let sent = 0;
    while (sent < totalBytes && !res.destroyed) {
      const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - sent));
      sent += piece.length;
      if (!res.write(piece)) await drainedOrClosed(res);
    }
    // A Content-Length larger than what was sent leaves the body stalled, as a lying upstream would.
    if (!res.destroyed && (contentLength === undefined || contentLength === sent)) res.end();
  };
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
