// One page of a search from what each provider's window read proved. Pure.
//
// Every provider contributes the matching invoices it is certain of (its candidates) and the
// first place where it might still have one unread (its horizon). The page takes candidates in
// search order while they come before every provider's horizon: nothing unread can come
// before them, so the invoices come out in order, each exactly once, and a provider that has
// not read far enough holds the others back instead of being overtaken. Each provider's new
// position is the last invoice of it the page gave; one whose candidates are all given moves
// on to its next window.
import type { Provider } from "../__generated__/resolvers-types.js";
import { compareKeys, keyOf } from "./order.js";
import type { DatedInvoice, Position, WindowRead } from "./windows.js";

export interface ProviderPart {
  readonly provider: Provider;
  /** The position the page started from. */
  readonly position: Position;
  readonly read: WindowRead;
}

export interface PageEdge {
  readonly invoice: DatedInvoice;
  /** Every provider's position right after this invoice (what the edge's cursor keeps). */
  readonly positions: ReadonlyMap<Provider, Position>;
}

export interface MergedPage {
  readonly edges: readonly PageEdge[];
  /** Every provider's position after the page (the end cursor), also when the page is empty. */
  readonly end: ReadonlyMap<Provider, Position>;
  readonly hasNextPage: boolean;
}

export function mergePage(parts: readonly ProviderPart[], first: number): MergedPage {
  const horizons = parts.flatMap((part) => (part.read.horizon === null ? [] : [part.read.horizon]));
  const all = parts.flatMap((part) => part.read.candidates).sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
  const page: DatedInvoice[] = [];
  for (const invoice of all) {
    if (page.length === first) break;
    const key = keyOf(invoice);
    if (!horizons.every((horizon) => compareKeys(key, horizon) < 0)) break;
    page.push(invoice);
  }

  const given = new Map<Provider, number>(parts.map((part) => [part.provider, 0]));
  const positionsNow = () => new Map(parts.map((part) => [part.provider, positionAfter(part, given.get(part.provider) ?? 0)]));
  const edges = page.map((invoice) => {
    given.set(invoice.provider, (given.get(invoice.provider) ?? 0) + 1);
    return { invoice, positions: positionsNow() };
  });
  const end = positionsNow();
  return { edges, end, hasNextPage: [...end.values()].some((position) => !position.done) };
}

/** A provider's position once the first `count` of its candidates are given. */
function positionAfter(part: ProviderPart, count: number): Position {
  const { candidates, then } = part.read;
  const last = candidates[count - 1];
  const after = last === undefined ? part.position.after : { date: last.invoiceDate, number: last.number, ref: last.ref };
  if (count === candidates.length) return then.done ? then : { ...then, after };
  return { ...part.position, after };
}
