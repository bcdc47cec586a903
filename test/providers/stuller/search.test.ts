// Stuller's invoice search by date (issue 15): the request in both forms of the wire notes, a
// simulator strict about that format, and the subgraph's own date check for a Stuller that
// ignores the window (a lenient host, fixture and simulator).
import { readFileSync } from "node:fs";
import { request } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createStullerResponseDecoder } from "../../../src/providers/stuller/decode.js";
import { dateRangeRequest, stullerSearch } from "../../../src/providers/stuller/search.js";
import type { Transport } from "../../../src/http/transport.js";
import type { SearchQuery } from "../../../src/providers/types.js";
import { stullerSearchInvoices } from "../../../src/sandbox/stuller/search-invoices.js";
import { basicAuthorization } from "../../../src/providers/stuller/client.js";
import { callContext, silentLogger } from "../../http/support.js";
import { startStullerHarness, type StullerHarness } from "./support.js";

const AS_OF = "2026-09-15";
const WINDOW = { invoiceDateFrom: "2026-09-01", invoiceDateTo: "2026-09-10" };
const query = (fields: Partial<SearchQuery> = {}): SearchQuery => ({ ...WINDOW, dueDateFrom: null, dueDateTo: null, status: null, page: 1, ...fields });

let stuller: StullerHarness;

beforeAll(async () => {
  stuller = await startStullerHarness({ simulator: { invoices: stullerSearchInvoices(AS_OF) } });
});

afterAll(async () => {
  await stuller?.close();
});

beforeEach(() => stuller.simulator.control.reset());

const CONFIG = { baseUrl: new URL("https://api.stuller.example"), username: "user", password: "pw" };

describe("the request", () => {
  it("posts the window as the documented DateRange filter and as the DateFrom/DateTo a production client uses", () => {
    const sent = dateRangeRequest(CONFIG, "2026-09-01", "2026-09-10");
    expect({ method: sent.method, url: String(sent.url), retry: sent.retry }).toEqual({ method: "POST", url: "https://api.stuller.example/v2/invoice", retry: "read-only-post" });
    expect(JSON.parse(String(sent.body))).toEqual({
      DateFrom: "2026-09-01",
      DateTo: "2026-09-10",
      Filters: [{ Filter: "DateRange", Values: [{ DisplayValue: "From", Value: "2026-09-01" }, { DisplayValue: "To", Value: "2026-09-10" }] }],
    });
  });

  it("gets the window's invoices in one call, read by the day Stuller wrote, and states no due dates to search by", async () => {
    const page = await stuller.provider.search!.page(query(), callContext());
    expect(stuller.simulator.requests.map((r) => r.dateRange)).toEqual([{ from: "2026-09-01", to: "2026-09-10" }]);
    expect(page.invoices.length).toBeGreaterThan(0);
    expect(page.invoices.every((i) => i.invoiceDate! >= "2026-09-01" && i.invoiceDate! <= "2026-09-10")).toBe(true);
    expect(page).toMatchObject({ hasMore: false, newestFirst: false });
    expect(stuller.provider.search!.dueDates).toBe(false);
  });
});

describe("the simulator, strict about the window's format", () => {
  const post = async (body: unknown) => {
    const response = await request(`${stuller.simulator.url}/v2/invoice`, {
      method: "POST",
      headers: { authorization: basicAuthorization(stuller.simulator.credentials), "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    });
    return { status: response.statusCode, body: (await response.body.json()) as { Message?: string; ModelState?: Record<string, string[]>; Invoices?: unknown[] } };
  };
  const range = (...values: string[]) => ({ Filters: [{ Filter: "DateRange", Values: values.map((Value, i) => ({ DisplayValue: i === 0 ? "From" : "To", Value })) }] });

  it.each<[string, unknown, string]>([
    ["a DateRange of one value", range("2026-09-01"), "request.Filters[0].Values"],
    ["a DateRange of three values", range("2026-09-01", "2026-09-05", "2026-09-10"), "request.Filters[0].Values"],
    ["a day written 2026/09/01", range("2026/09/01", "2026-09-10"), "request.Filters[0].Values"],
    ["a day that does not exist", range("2026-02-30", "2026-03-02"), "request.Filters[0].Values"],
    ["the first day after the last", range("2026-09-10", "2026-09-01"), "request.DateFrom"],
    ["DateFrom without DateTo", { DateFrom: "2026-09-01" }, "request.DateFrom"],
    ["a DateRange disagreeing with DateFrom and DateTo", { DateFrom: "2026-09-01", DateTo: "2026-09-09", ...range("2026-09-01", "2026-09-10") }, "request.Filters[0].Values"],
    ["an unknown filter", { Filters: [{ Filter: "Color", Values: [] }] }, "request.Filters[0].Filter"],
  ])("answers %s with ASP.NET's 400 and its ModelState", async (_name, body, key) => {
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(answer.body.Message).toBe("The request is invalid.");
    expect(Object.keys(answer.body.ModelState ?? {})).toContain(key);
  });

  it.each([
    ["yyyy-MM-dd", range("2026-09-01", "2026-09-10")],
    ["MM/dd/yyyy", range("09/01/2026", "09/10/2026")],
    ["top-level DateFrom and DateTo", { DateFrom: "2026-09-01", DateTo: "2026-09-10" }],
    ["the filter's int code, 1 for DateRange", { Filters: [{ Filter: 1, Values: [{ DisplayValue: "", Value: "2026-09-01" }, { DisplayValue: "", Value: "2026-09-10" }] }] }],
  ])("filters by a window written %s", async (_name, body) => {
    const answer = await post(body);
    expect(answer.status).toBe(200);
    const days = (answer.body.Invoices as Array<{ InvoiceDate: string }>).map((i) => i.InvoiceDate.slice(0, 10));
    expect(days.length).toBeGreaterThan(0);
    expect(days.every((d) => d >= "2026-09-01" && d <= "2026-09-10")).toBe(true);
  });
});

describe("a Stuller that ignores the window", () => {
  it("still gives only the window's invoices: the simulator in lenient mode answers with all of them", async () => {
    stuller.simulator.control.lenient = true;
    const page = await stuller.provider.search!.page(query(), callContext());
    const wanted = stullerSearchInvoices(AS_OF).filter((i) => String(i.InvoiceDate).slice(0, 10) >= "2026-09-01" && String(i.InvoiceDate).slice(0, 10) <= "2026-09-10");
    expect(stuller.simulator.requests.at(-1)?.invoicesReturned).toBe(stullerSearchInvoices(AS_OF).length);
    expect(page.invoices.map((i) => i.number).sort()).toEqual(wanted.map((i) => String(i.InvoiceNumber)).sort());
  });

  it("keeps the days as Stuller wrote them and reads no invoice outside the window, not even an unreadable one (fixture)", async () => {
    const text = readFileSync(new URL("../../fixtures/stuller/search/lenient-answer.json", import.meta.url), "utf8");
    const transport: Transport = {
      provider: "STULLER",
      breakerState: () => "closed",
      request: async () => ({ status: 200, headers: { "content-type": "application/json; charset=utf-8" }, text, attempts: 1 }),
      close: async () => {},
    };
    const search = stullerSearch({ config: CONFIG, transport, decoder: createStullerResponseDecoder(), logger: silentLogger });
    const page = await search.page(query(), callContext());
    // 23:30 at -06:00 on the 10th is the 11th in UTC, and stays the 10th; 00:30 at -05:00 on the 11th is out.
    expect(page.invoices.map((i) => [i.number, i.invoiceDate])).toEqual([
      ["76009001", "2026-09-09"],
      ["76009002", "2026-09-10"],
    ]);
  });
});
