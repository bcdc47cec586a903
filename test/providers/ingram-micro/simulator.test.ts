// The simulator speaks Ingram Micro's wire format (checked with plain fetch, no client code):
// token endpoint, Bearer check, v5 envelopes, v6 search, rate-limit headers and the 429 body.
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { startIngramMicroSimulator, type IngramSimulator, type IngramSimulatorOptions } from "../../../src/sandbox/ingram-micro/index.js";
import { useFakeClock, useRealClock } from "../../helpers/fake-clock.js";

let sim: IngramSimulator | null = null;
afterEach(async () => {
  useRealClock();
  await sim?.close();
  sim = null;
});

async function start(options: IngramSimulatorOptions = {}): Promise<IngramSimulator> {
  sim = await startIngramMicroSimulator(options);
  return sim;
}

const FORM = { grant_type: "client_credentials", client_id: "sandbox-client-id", client_secret: "sandbox-client-secret" };

async function token(s: IngramSimulator): Promise<string> {
  const res = await fetch(`${s.url}/oauth/oauth30/token`, { method: "POST", body: new URLSearchParams(FORM) });
  return ((await res.json()) as { access_token: string }).access_token;
}

async function api(s: IngramSimulator, path: string, bearer: string | null, headers: Record<string, string> = {}) {
  const res = await fetch(`${s.credentials.baseUrl.href}${path}`, { headers: { ...headers, ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }) } });
  return { status: res.status, headers: Object.fromEntries(res.headers), text: await res.text() };
}

const DETAIL = "/resellers/v5/invoices/20-12345-11?customerNumber=20-123456&isoCountryCode=UK";
const V6_HEADERS = { "IM-CustomerNumber": "20-123456", "IM-CountryCode": "UK", "IM-CorrelationID": "abc123", "IM-ApplicationID": "tests" };

describe("the token endpoint", () => {
  it.each([
    ["POST", "/oauth/oauth30/token"],
    ["POST", "/oauth/oauth20/token"],
    ["GET", "/oauth/oauth20/token"],
  ])("issues a Bearer token with expires_in as a string on %s %s", async (method, path) => {
    const s = await start();
    const query = method === "GET" ? `?${new URLSearchParams(FORM)}` : "";
    const res = await fetch(`${s.url}${path}${query}`, method === "POST" ? { method, body: new URLSearchParams(FORM) } : { method });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ access_token: expect.stringMatching(/^[A-Za-z0-9_-]{28}$/), token_type: "Bearer", expires_in: "86399" });
  });

  it.each([
    [{ ...FORM, client_secret: "wrong" }, 401, { fault: { faultstring: "Invalid client identifier {0}", detail: { errorcode: "oauth.v2.InvalidClientIdentifier" } } }],
    [{ ...FORM, grant_type: "password" }, 400, { message: "Unsupported grant type: grant_type must be client_credentials" }],
  ])("rejects %j", async (form, status, body) => {
    const s = await start();
    const res = await fetch(`${s.url}/oauth/oauth30/token`, { method: "POST", body: new URLSearchParams(form) });
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual(body);
  });
});

describe("the API", () => {
  it("answers a missing or revoked Bearer token with the Apigee 401 fault", async () => {
    const s = await start();
    const invalid = { fault: { faultstring: "Invalid Access Token", detail: { errorcode: "keymanagement.service.invalid_access_token" } } };
    expect(await api(s, DETAIL, null)).toMatchObject({ status: 401, text: JSON.stringify(invalid) });
    const bearer = await token(s);
    expect((await api(s, DETAIL, bearer)).status).toBe(200);
    s.control.revokeAllTokens();
    expect(await api(s, DETAIL, bearer)).toMatchObject({ status: 401, text: JSON.stringify(invalid) });
  });

  it("serves the vendor sample with its misspelled keys for 20-12345-11", async () => {
    const s = await start();
    const body = JSON.parse((await api(s, DETAIL, await token(s))).text) as { servicerresponse: { invoicedetailresponse: Record<string, unknown> } };
    const sample = JSON.parse(readFileSync(new URL("../../fixtures/ingram-micro/vendor-sample-response.json", import.meta.url), "utf8")) as typeof body;
    expect(body).toEqual({
      servicerresponse: { ...sample.servicerresponse, invoicedetailresponse: { ...sample.servicerresponse.invoicedetailresponse, customerordernumber: "PO-1001" } },
    });
  });

  it("answers an unknown invoice with HTTP 200 and the FAILED EO preamble", async () => {
    const s = await start();
    const res = await api(s, DETAIL.replace("20-12345-11", "20-NOPE0-11"), await token(s));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ serviceresponse: { responsepreamble: { responsestatus: "FAILED", statuscode: "EO", responsemessage: "Invalid Invoice Number" } } });
  });

  it("sends X-RateLimit-Limit, -Remaining and -Reset on every API response and the documented 429 body when the window is spent", async () => {
    const s = await start({ limit: 3, windowMs: 60_000 });
    const bearer = await token(s);
    const answers = [await api(s, DETAIL, bearer), await api(s, DETAIL, null), await api(s, DETAIL.replace("20-12345-11", "X"), bearer), await api(s, DETAIL, bearer)];
    expect(answers.map((a) => [a.status, a.headers["x-ratelimit-limit"], a.headers["x-ratelimit-remaining"]])).toEqual([
      [200, "3", "2"],
      [401, "3", "1"],
      [200, "3", "0"],
      [429, "3", "0"],
    ]);
    expect(JSON.parse(answers[3]?.text ?? "")).toEqual({ errors: [{ field: null, message: "too many requests" }] });
    expect(new Set(answers.map((a) => a.headers["x-ratelimit-reset"])).size).toBe(1);
  });

  // On a fake clock standing at a whole second: the window opens with the call, so its reset
  // is exactly 60 s later, whatever time the machine takes to answer.
  const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
  it.each([
    ["epoch-ms", String(NOW + 60_000)],
    ["epoch-s", String((NOW + 60_000) / 1000)],
    ["delta-s", "60"],
  ] as const)("encodes X-RateLimit-Reset as %s", async (resetFormat, expected) => {
    useFakeClock(NOW);
    const s = await start({ resetFormat });
    const res = await api(s, DETAIL, await token(s));
    expect(res.headers["x-ratelimit-reset"]).toBe(expected);
  });

  it("lists a PO's invoices in v6 search, hyphens only in erpOrderNumber, paged by pageNumber", async () => {
    const s = await start();
    const bearer = await token(s);
    const page = async (n: number) => JSON.parse((await api(s, `/resellers/v6/invoices?customerOrderNumber=PO-1001&pageSize=2&pageNumber=${n}`, bearer, V6_HEADERS)).text) as Record<string, unknown>;
    const first = await page(1);
    expect(first).toMatchObject({ recordsFound: 3, pageSize: 2, pageNumber: 1, nextPage: expect.stringContaining("page=2") });
    expect(first["invoices"]).toEqual([
      expect.objectContaining({ invoiceNumber: "201234511", erpOrderNumber: "20-12345-11", customerOrderNumber: "PO-1001", invoiceAmountInclTax: 5400 }),
      expect.objectContaining({ invoiceNumber: "201234512", erpOrderNumber: "20-12345-12" }),
    ]);
    expect(await page(2)).toMatchObject({ pageNumber: 2, nextPage: null, invoices: [expect.objectContaining({ erpOrderNumber: "20-12345-13" })] });
  });

  it("rejects a v6 search without the IM-* headers with the documented 400 body", async () => {
    const s = await start();
    const res = await api(s, "/resellers/v6/invoices?customerOrderNumber=PO-1001", await token(s), { "IM-CustomerNumber": "20-123456" });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({
      errors: [{ traceid: "1", type: "errors/bad-request", message: "Input passed is not in right or expected format.", fields: [{ field: "IM-CountryCode", message: "The IM-CountryCode header is required.", value: null }] }],
    });
  });

  it("answers malformed JSON when told to, and 404 for paths it does not serve", async () => {
    const s = await start();
    const bearer = await token(s);
    s.control.enqueue({ kind: "malformed-json" });
    const res = await api(s, DETAIL, bearer);
    expect(res.status).toBe(200);
    expect(() => JSON.parse(res.text) as unknown).toThrow();
    expect((await api(s, "/resellers/v9/whatever", bearer)).status).toBe(404);
  });
});
