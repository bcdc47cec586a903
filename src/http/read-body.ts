// Reads a response body into a Buffer under a byte cap. Over the cap, the body is destroyed
// at once, which makes undici abort the request and close the socket: an oversized or
// endless response costs at most `maxBytes` (plus one chunk) of memory and no more waiting.
import type { Readable } from "node:stream";

export type CappedBody = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false };

/** Content-Length, when present and well-formed. */
export function declaredLength(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value.trim())) return null;
  return Number(value.trim());
}

export async function readCappedBody(body: Readable, maxBytes: number, contentLength: string | undefined): Promise<CappedBody> {
  const declared = declaredLength(contentLength);
  if (declared !== null && declared > maxBytes) return discard(body);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    total += buffer.length;
    if (total > maxBytes) return discard(body);
    chunks.push(buffer);
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}

function discard(body: Readable): CappedBody {
  // undici turns an early destroy into a request abort (socket closed, not reused); the
  // no-op listener keeps the resulting 'error' event from becoming an uncaught exception.
  body.on("error", () => {});
  body.destroy();
  return { ok: false };
}

/** UTF-8 text; a leading byte-order mark is dropped, invalid sequences become U+FFFD. */
export function decodeUtf8(bytes: Buffer): string {
  return new TextDecoder("utf-8").decode(bytes);
}
