// Serves one fault instead of (or around) the normal answer.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TdSynnexFault } from "./control.js";
import { bigEntity, billionLaughs, externalEntity, htmlErrorPage, OVERSIZED_HEAD, OVERSIZED_TAIL, truncated } from "./faults.js";

const XML = "application/xml; charset=UTF-8";
const DEFAULT_OVERSIZED_BYTES = 50 * 1024 * 1024;

/**
 * Resolves after `ms`; rejects when `signal` aborts. On the global setTimeout (looked up at
 * call time, like the other simulators' waits), so tests can run it on a fake clock.
 */
export function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": contentType, "content-length": String(Buffer.byteLength(body)), ...extra });
  res.end(body);
}

export async function serveFault(
  fault: TdSynnexFault,
  raw: IncomingMessage,
  res: ServerResponse,
  normal: () => { status: number; text: string },
  closing: AbortSignal,
): Promise<void> {
  switch (fault.kind) {
    case "status":
      return send(res, fault.status, "text/plain; charset=utf-8", `HTTP ${fault.status}`, fault.retryAfter === undefined ? {} : { "retry-after": fault.retryAfter });
    case "slow": {
      await wait(fault.delayMs, closing);
      const answer = normal();
      return send(res, answer.status, answer.status === 200 ? XML : "text/plain; charset=utf-8", answer.text);
    }
    case "stall":
      return;
    case "reset":
      return void raw.socket.resetAndDestroy();
    case "truncated":
      return send(res, 200, XML, truncated(normal().text));
    case "billion-laughs":
      return send(res, 200, XML, billionLaughs());
    case "big-entity":
      return send(res, 200, XML, bigEntity());
    case "external-entity":
      return send(res, 200, XML, externalEntity(fault.target));
    case "html": {
      const status = fault.status ?? 502;
      return send(res, status, "text/html", htmlErrorPage(status));
    }
    case "oversized":
      return streamOversized(res, fault.bytes ?? DEFAULT_OVERSIZED_BYTES);
    case "raw":
      return send(res, fault.status ?? 200, fault.contentType ?? XML, fault.body);
  }
}

/** Streams `total` bytes in 64 KiB chunks with backpressure, never holding more than one chunk. */
async function streamOversized(res: ServerResponse, total: number): Promise<void> {
  res.writeHead(200, { "content-type": XML });
  const filler = Buffer.alloc(64 * 1024, "x");
  let sent = 0;
  const write = async (chunk: Buffer | string): Promise<void> => {
    sent += Buffer.byteLength(chunk);
    if (!res.write(chunk)) await drainedOrClosed(res);
  };
  await write(OVERSIZED_HEAD);
  const middle = Math.max(0, total - OVERSIZED_HEAD.length - OVERSIZED_TAIL.length);
  while (sent < OVERSIZED_HEAD.length + middle && !res.destroyed) {
    await write(filler.subarray(0, Math.min(filler.length, OVERSIZED_HEAD.length + middle - sent)));
  }
  if (!res.destroyed) res.end(OVERSIZED_TAIL);
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
