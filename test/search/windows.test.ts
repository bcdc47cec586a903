// What one vendor page proves about a provider's window (search/windows.ts), and the cursor
// that keeps every provider's position (search/cursor.ts). The property tests check the
// whole paging; these pin each rule with a readable case.
import { describe, expect, it } from "vitest";
import type { Provider } from "../../src/__generated__/resolvers-types.js";
import { invoiceModel } from "../../src/domain/factories.js";
import type { InvoiceModel } from "../../src/domain/models.js";
import type { SearchPage } from "../../src/providers/types.js";
import { decodeSearchCursor, encodeSearchCursor } from "../../src/search/cursor.js";
import type { SearchFilter } from "../../src/search/filter.js";
import { DONE, interpretPage, interpretWhole, startPosition, type Position, type ReadContext } from "../../src/search/windows.js";

const FILTER: SearchFilter = { invoiceDateFrom: "2026-03-01", invoiceDateTo: "2026-03-31", dueDateFrom: null, dueDateTo: null, status: null, documentType: null };
const invoice = (day: string, number: string, provider: Provider = "INGRAM_MICRO"): InvoiceModel => invoiceModel(provider, { ref: `${number}@${day}`, number }, { invoiceDate: day });
const page = (rows: InvoiceModel[], fields: Partial<SearchPage> = {}): SearchPage => ({ invoices: rows, hasMore: false, newestFirst: false, total: rows.length, ...fields });
const context = (position: Position = startPosition(FILTER), pageSize = 3, provider: Provider = "INGRAM_MICRO"): ReadContext => ({ provider, filter: FILTER, position, pageSize });

describe("one vendor page of a window", () => {
  it("proves the whole window when the vendor has no more pages: every match, in order, and nothing below", () => {
    const outcome = interpretPage(context(), page([invoice("2026-03-02", "B"), invoice("2026-03-09", "A"), invoice("2026-03-02", "A")]));
    expect(outcome).toEqual({ kind: "read", read: { candidates: [expect.objectContaining({ number: "A", invoiceDate: "2026-03-09" }), expect.objectContaining({ number: "A" }), expect.objectContaining({ number: "B" })], horizon: null, then: DONE } });
  });

  it("proves, from a page sorted newest first, every day after its last row's; that day opens the next window", () => {
    const outcome = interpretPage(context(), page([invoice("2026-03-20", "C"), invoice("2026-03-12", "B"), invoice("2026-03-11", "A")], { hasMore: true, newestFirst: true, total: 9 }));
    expect(outcome).toEqual({
      kind: "read",
      read: {
        candidates: [expect.objectContaining({ number: "C" }), expect.objectContaining({ number: "B" })],
        horizon: { date: "2026-03-11", provider: "INGRAM_MICRO", number: "", ref: "" },
        then: { lo: "2026-03-01", hi: "2026-03-11", after: null, done: false },
      },
    });
  });

  it("makes a day that fills a sorted page the next window, and reads that day whole when it fills the page again", () => {
    const full = page([invoice("2026-03-15", "A"), invoice("2026-03-15", "B"), invoice("2026-03-15", "C")], { hasMore: true, newestFirst: true, total: 7 });
    const first = interpretPage(context(), full);
    expect(first).toEqual({ kind: "read", read: { candidates: [], horizon: { date: "2026-03-15", provider: "INGRAM_MICRO", number: "", ref: "" }, then: { lo: "2026-03-15", hi: "2026-03-15", after: null, done: false } } });
    const day: Position = { lo: "2026-03-15", hi: "2026-03-15", after: null, done: false };
    expect(interpretPage(context(day), full)).toEqual({ kind: "read-whole", lo: "2026-03-15", hi: "2026-03-15" });
    const whole = interpretWhole(context(day), "2026-03-15", [full, page([invoice("2026-03-15", "D")])]);
    expect(whole.candidates.map((i) => i.number)).toEqual(["A", "B", "C", "D"]);
    expect(whole.then).toEqual({ lo: "2026-03-01", hi: "2026-03-14", after: null, done: false });
  });

  it("proves nothing from an unsorted page that overflows, and narrows the window from the vendor's count", () => {
    const outcome = interpretPage(context(startPosition(FILTER), 3, "FABRIC"), page([invoice("2026-03-02", "A", "FABRIC"), invoice("2026-03-30", "B", "FABRIC"), invoice("2026-03-15", "C", "FABRIC")], { hasMore: true, total: 12 }));
    // 31 days hold 12 invoices; a window of 31 × 0.6 × 3 / 12 = 4 days should hold one page.
    expect(outcome).toEqual({ kind: "read", read: { candidates: [], horizon: { date: "2026-03-31", provider: "FABRIC", number: "", ref: "" }, then: { lo: "2026-03-28", hi: "2026-03-31", after: null, done: false } } });
  });

  it("sizes the window below a narrowed one from how full it was", () => {
    const narrowed: Position = { lo: "2026-03-28", hi: "2026-03-31", after: null, done: false };
    const outcome = interpretPage(context(narrowed, 3, "FABRIC"), page([invoice("2026-03-29", "A", "FABRIC")]));
    // One invoice in 4 days: the next window grows to 4 × 0.6 × 3 / 1 = 7 days.
    expect(outcome).toMatchObject({ kind: "read", read: { horizon: { date: "2026-03-27" }, then: { lo: "2026-03-21", hi: "2026-03-27" } } });
  });

  it.each([
    ["an invoice without an invoice date", page([invoiceModel("FABRIC", { ref: "1", number: "X-1" }, {})]), "fabric listed invoice X-1 without an invoice date, which a search orders by"],
    ["rows outside the window on a search with further pages", page([invoice("2026-04-02", "A"), invoice("2026-03-02", "B")], { hasMore: true, newestFirst: true }), "Ingram Micro listed invoices outside the invoice dates it was asked for, on a search with further pages"],
    ["an empty page said to have more", page([], { hasMore: true }), "Ingram Micro said more search pages follow an empty one"],
  ])("fails as BAD_RESPONSE for %s", (_name, vendorPage, message) => {
    const provider: Provider = message.startsWith("fabric") ? "FABRIC" : "INGRAM_MICRO";
    expect(() => interpretPage(context(startPosition(FILTER), 3, provider), vendorPage)).toThrow(expect.objectContaining({ code: "BAD_RESPONSE", message }));
  });

  it("leaves out what a vendor sent outside the window when it has no more pages (a lenient Stuller)", () => {
    const outcome = interpretPage(context(startPosition(FILTER), 3, "STULLER"), page([invoice("2026-04-02", "A", "STULLER"), invoice("2026-03-02", "B", "STULLER")]));
    expect(outcome.kind === "read" && outcome.read.candidates.map((i) => i.number)).toEqual(["B"]);
  });

  it("gives only invoices after the position's last one", () => {
    const position: Position = { ...startPosition(FILTER), after: { date: "2026-03-09", number: "A", ref: "A@2026-03-09" } };
    const outcome = interpretPage(context(position), page([invoice("2026-03-10", "Z"), invoice("2026-03-09", "A"), invoice("2026-03-09", "B"), invoice("2026-03-01", "C")]));
    expect(outcome.kind === "read" && outcome.read.candidates.map((i) => i.number)).toEqual(["B", "C"]);
  });
});

describe("the cursor", () => {
  const positions = new Map<Provider, Position>([
    ["INGRAM_MICRO", { lo: "2026-03-01", hi: "2026-03-11", after: { date: "2026-03-12", number: "20-AB123-11", ref: "20-AB123-11" }, done: false }],
    ["FABRIC", DONE],
    ["STULLER", { lo: null, hi: null, after: null, done: false }],
  ]);

  it("gives back every provider's position for the same search", () => {
    const cursor = encodeSearchCursor("search-1", positions);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSearchCursor(cursor, "search-1", ["INGRAM_MICRO", "FABRIC", "STULLER"])).toEqual(positions);
  });

  it.each([
    ["another search", "search-2", ["INGRAM_MICRO", "FABRIC", "STULLER"]],
    ["fewer providers", "search-1", ["INGRAM_MICRO", "FABRIC"]],
  ] as const)("is refused for %s", (_name, identity, providers) => {
    expect(() => decodeSearchCursor(encodeSearchCursor("search-1", positions), identity, providers)).toThrow("after belongs to another search");
  });

  it("is refused when edited", () => {
    const text = Buffer.from(encodeSearchCursor("search-1", positions), "base64url").toString("utf8").replace("2026-03-11", "2026-13-11");
    expect(() => decodeSearchCursor(Buffer.from(text).toString("base64url"), "search-1", ["INGRAM_MICRO", "FABRIC", "STULLER"])).toThrow("after is not a cursor this subgraph issued");
  });
});
