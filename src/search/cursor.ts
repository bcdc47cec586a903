// The search cursor: every searched provider's position (search/windows.ts), bound to the
// search it belongs to (filter and providers, hashed), as opaque base64url text. It holds no
// page number or offset, so a page read again after invoices arrived never repeats or skips
// what was already given; and no invoice data beyond the last position's date, number and ref.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Provider } from "../__generated__/resolvers-types.js";
import { isDateString } from "../domain/dates.js";
import { ALL_PROVIDERS } from "../providers/registry.js";
import { DONE, type Position } from "./windows.js";

const PREFIX = "search:v1:";
const MAX_CURSOR_LENGTH = 4_096;

export class InvalidSearchCursorError extends Error {
  override readonly name = "InvalidSearchCursorError";
}

const day = z.string().refine(isDateString).nullable();
const text = z.string().min(1).max(512);
// A provider's position: 0 when done, else [lo, hi] or [lo, hi, afterDate, afterNumber, afterRef].
const position = z.union([
  z.literal(0),
  z.tuple([day, day]),
  z.tuple([day, day, z.string().refine(isDateString), text, text]),
]);
const Cursor = z.object({ s: z.string(), p: z.partialRecord(z.enum(ALL_PROVIDERS as [Provider, ...Provider[]]), position) });

function searchHash(identity: string): string {
  return createHash("sha256").update(identity).digest("base64url").slice(0, 16);
}

export function encodeSearchCursor(identity: string, positions: ReadonlyMap<Provider, Position>): string {
  const p: Record<string, unknown> = {};
  for (const [provider, at] of positions) {
    p[provider] = at.done ? 0 : at.after === null ? [at.lo, at.hi] : [at.lo, at.hi, at.after.date, at.after.number, at.after.ref];
  }
  return Buffer.from(`${PREFIX}${JSON.stringify({ s: searchHash(identity), p })}`, "utf8").toString("base64url");
}

/**
 * The positions of `providers` in a cursor of this search. Throws InvalidSearchCursorError
 * for text this subgraph did not issue, or issued for another search.
 */
export function decodeSearchCursor(cursor: string, identity: string, providers: readonly Provider[]): Map<Provider, Position> {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidSearchCursorError("after is not a cursor this subgraph issued");
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!text.startsWith(PREFIX)) throw new InvalidSearchCursorError("after is not a cursor this subgraph issued");
  let parsed: z.infer<typeof Cursor>;
  try {
    parsed = Cursor.parse(JSON.parse(text.slice(PREFIX.length)));
  } catch {
    throw new InvalidSearchCursorError("after is not a cursor this subgraph issued");
  }
  if (parsed.s !== searchHash(identity) || Object.keys(parsed.p).length !== providers.length) {
    throw new InvalidSearchCursorError("after belongs to another search (a different filter or other providers); start again without after");
  }
  const positions = new Map<Provider, Position>();
  for (const provider of providers) {
    const at = parsed.p[provider];
    if (at === undefined) throw new InvalidSearchCursorError("after belongs to another search (a different filter or other providers); start again without after");
    if (at === 0) positions.set(provider, DONE);
    else {
      const [lo, hi, date, number, ref] = at;
      positions.set(provider, { lo, hi, after: date === undefined || number === undefined || ref === undefined ? null : { date, number, ref }, done: false });
    }
  }
  return positions;
}
