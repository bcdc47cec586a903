import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { basicAuthorization } from "../../../src/providers/stuller/client.js";
import { createStullerResponseDecoder } from "../../../src/providers/stuller/decode.js";
import { startStullerSimulator, type StullerSimulator } from "../../../src/sandbox/stuller/index.js";
import { wireInvoice } from "../../../src/sandbox/stuller/wire.js";
import { realDelay, settle, until, useFakeClock, useRealClock, watch } from "../../helpers/fake-clock.js";

let simulator: StullerSimulator;
let auth: string;
const quiet = ["log", "info", "warn", "error", "debug"].map((method) => vi.spyOn(console, method as "log"));

beforeAll(async () => {
  simulator = await startStullerSimulator({ username: "sim", password: "sim-password" });
  auth = basicAuthorization(simulator.credentials);
});
afterAll(async () => {
  await simulator?.close();
  for (const spy of quiet) spy.mockRestore();
});
afterEach(() => {
  useRealClock();
  simulator.control.reset();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${simulator.url}${path}`, { headers: { authorization: auth, ...headers } });
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text(), retryAfter: res.headers.get("retry-after") };
}

async function post(body: string, contentType = "application/json") {
  const res = await fetch(`${simulator.url}/v2/invoice`, { method: "POST", headers: { authorization: auth, "content-type": contentType }, body });
  return { status: res.status, text: await res.text() };
}

const numbers = (text: string): string[] => [...text.matchAll(/"InvoiceNumber":"([^"]+)"/g)].map((m) => m[1] ?? "");

describe("Stuller simulator", () => {
  it("hands out StullerConfig credentials that point at itself", () => {
    expect(simulator.credentials).toEqual({ baseUrl: new URL(simulator.url), username: "sim", password: "sim-password" });
    expect(simulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each(["/v2/invoice", "/api/v2/invoice", "/API/V2/Invoice", "/v2/invoice/"])("serves %s", async (path) => {
    const res = await get(`${path}?PurchaseOrderNumber=PO-1003`);
    expect([res.status, numbers(res.text)]).toEqual([200, ["70010031"]]);
  });

  it("filters strictly by repeated PurchaseOrderNumber and InvoiceNumber parameters, and records what was asked", async () => {
    const byPo = await get("/v2/invoice?PurchaseOrderNumber=PO-1001&purchaseordernumber=PO-1003");
    const byNumber = await get("/v2/invoice?InvoiceNumber=70010012&InvoiceNumber=70010021");
    expect(numbers(byPo.text)).toEqual(["5123456", "70010012", "70010031"]);
    expect(numbers(byNumber.text)).toEqual(["70010012", "70010021"]);
    expect(simulator.requests.map((r) => [r.method, r.purchaseOrderNumbers, r.invoiceNumbers, r.invoicesReturned])).toEqual([
      ["GET", ["PO-1001", "PO-1003"], [], 3],
      ["GET", [], ["70010012", "70010021"], 2],
    ]);
  });

  it("takes the POST InvoiceRequest body, lists or single values, ignoring Filters", async () => {
    const res = await post(JSON.stringify({ PurchaseOrderNumber: ["PO-1003"], invoiceNumber: "70010031", Filters: [{ Filter: "OrderStatus", Values: [] }] }));
    expect([res.status, numbers(res.text)]).toEqual([200, ["70010031"]]);
    expect(simulator.requests[0]).toMatchObject({ method: "POST", purchaseOrderNumbers: ["PO-1003"], invoiceNumbers: ["70010031"] });
  });

  it("ignores the filters in lenient mode and returns every invoice", async () => {
    simulator.control.lenient = true;
    const res = await get("/v2/invoice?PurchaseOrderNumber=PO-1003");
    expect(numbers(res.text)).toHaveLength(simulator.invoices.length);
  });

  it("writes money as bare JSON number literals, exactly as in its data", async () => {
    const res = await get("/v2/invoice?PurchaseOrderNumber=PO-1001");
    for (const literal of ['"InvoiceTotal":12345678901234.56', '"SalesTax":0.1', '"PostageAndHandling":1.0', '"OrderNumber":12345678901234567890', '"UnitPrice":19.99', '"LineTotal":0.3']) {
      expect(res.text).toContain(literal);
    }
    expect(res.type).toBe("application/json; charset=utf-8");
  });

  it.each([
    [undefined, "application/json"],
    ["application/json", "application/json"],
    ["*/*", "application/json"],
    ["text/html", "application/json"],
    ["application/xml", "application/xml"],
    ["text/xml", "application/xml"],
    ["application/json;q=0.5, application/xml", "application/xml"],
    ["application/xml;q=0.4, application/json;q=0.9", "application/json"],
    ["application/xml, application/json", "application/json"],
  ])("answers Accept %s with %s", async (accept, type) => {
    const res = await get("/v2/invoice?PurchaseOrderNumber=PO-1003", accept === undefined ? {} : { accept });
    expect(res.type).toBe(`${type}; charset=utf-8`);
  });

  it("writes DataContract XML with the model namespace, i:nil for nulls and escaped text", async () => {
    const special = wireInvoice({ InvoiceNumber: "X&1", PurchaseOrderNumber: "PO-<X>", ShipToAddress1: `Gem & Co "Fine" <Jewelry> 'Est.'`, Status: "Open\u0001" });
    const own = await startStullerSimulator({ username: "sim", password: "sim-password", invoices: [special] });
    try {
      const res = await fetch(`${own.url}/v2/invoice`, { headers: { authorization: auth, accept: "application/xml" } });
      const xml = await res.text();
      expect(xml).toMatch(/^<InvoiceResponse xmlns:i="http:\/\/www\.w3\.org\/2001\/XMLSchema-instance" xmlns="http:\/\/schemas\.datacontract\.org\/2004\/07\/Stuller\.Web\.API\.v2\.Models">/);
      expect(xml).toContain("<ShipToAddress1>Gem &amp; Co &quot;Fine&quot; &lt;Jewelry&gt; &apos;Est.&apos;</ShipToAddress1>");
      expect(xml).toContain('<ShipToAddress2 i:nil="true"/>');
      // Read back through the provider's own XML path: the text survives, the control character does not.
      const [read] = createStullerResponseDecoder().decode({ status: 200, headers: { "content-type": "application/xml" }, text: xml });
      expect(read).toMatchObject({ InvoiceNumber: "X&1", PurchaseOrderNumber: "PO-<X>", ShipToAddress1: `Gem & Co "Fine" <Jewelry> 'Est.'`, ShipToAddress2: null, Status: "Open\uFFFD" });
    } finally {
      await own.close();
    }
  });

  it.each([
    ["no Authorization header", undefined],
    ["a wrong password", basicAuthorization({ username: "sim", password: "nope" })],
    ["a Bearer token", "Bearer sim-password"],
  ])("answers %s with ASP.NET's 401 body", async (_case, authorization) => {
    const res = await fetch(`${simulator.url}/v2/invoice`, { headers: authorization === undefined ? {} : { authorization } });
    expect([res.status, await res.text()]).toEqual([401, '{"Message":"Authorization has been denied for this request."}']);
    expect(simulator.requests.at(-1)).toMatchObject({ authorized: false, status: 401 });
  });

  it.each([
    ["an unknown path", () => get("/v2/orders"), 404],
    ["a PUT", () => fetch(`${simulator.url}/v2/invoice`, { method: "PUT", headers: { authorization: auth } }).then((r) => ({ status: r.status })), 405],
    ["a form-encoded POST", () => post("PurchaseOrderNumber=PO-1", "application/x-www-form-urlencoded"), 415],
    ["a POST that is not JSON", () => post("{not json"), 400],
    ["a POST with a non-string purchase order", () => post('{"PurchaseOrderNumber":[1001]}'), 400],
  ])("refuses %s like ASP.NET", async (_case, send, status) => {
    expect((await send()).status).toBe(status);
  });

  it("meets queued faults one request each, in order, then answers normally", async () => {
    simulator.control.failNext({ kind: "status", status: 503 }, { kind: "rate-limited", retryAfterSeconds: 4 }, { kind: "malformed" });
    const answers: Array<Awaited<ReturnType<typeof get>>> = [];
    for (let i = 0; i < 4; i++) answers.push(await get("/v2/invoice?PurchaseOrderNumber=PO-1003"));
    expect(answers.map((a) => [a.status, a.retryAfter])).toEqual([
      [503, null],
      [429, "4"],
      [200, null],
      [200, null],
    ]);
    expect(answers[0]?.text).toBe('{"Message":"An error has occurred."}');
    expect(() => JSON.parse(answers[2]?.text ?? "")).toThrow();
    expect(numbers(answers[3]?.text ?? "")).toEqual(["70010031"]);
  });

  it("answers late in slow mode", async () => {
    // The simulator's wait runs on setTimeout, here on a fake clock the test moves.
    useFakeClock();
    simulator.control.failAlways({ kind: "slow", delayMs: 150 });
    const before = simulator.requests.length;
    const answer = watch(get("/v2/invoice?PurchaseOrderNumber=PO-1003"));
    await until(() => simulator.requests.length > before, "the request at the simulator");
    vi.advanceTimersByTime(149);
    // Room for an early answer to show (it would be a bug); the outcome never depends on this wait.
    await realDelay(10);
    expect(answer.settled()).toBe(false);
    vi.advanceTimersByTime(1);
    expect((await settle(answer.promise, "the answer 150 ms later")).status).toBe(200);
  });

  it("never records the credentials", async () => {
    await get("/v2/invoice?PurchaseOrderNumber=PO-1003");
    expect(JSON.stringify(simulator.requests)).not.toContain("sim-password");
    expect(JSON.stringify(simulator.requests)).not.toContain(auth.slice(6));
  });

  it("wrote nothing to the console during all of the above (it is quiet)", () => {
    for (const spy of quiet) expect(spy).not.toHaveBeenCalled();
  });
});
