import { describe, expect, it } from "vitest";
import { ProviderError } from "../../../src/domain/errors.js";
import { basicAuthorization, buildInvoiceRequest, DEFAULT_MAX_URL_LENGTH } from "../../../src/providers/stuller/client.js";
import { createStullerResponseDecoder } from "../../../src/providers/stuller/decode.js";

const { decode: decodeInvoiceResponse } = createStullerResponseDecoder();

const config = { baseUrl: new URL("https://api.stuller.com"), username: "dev-login", password: "p@ss:wörd" };

function query(url: URL | string): Array<[string, string]> {
  return [...new URL(url).searchParams.entries()];
}

describe("Stuller invoice request", () => {
  it("GETs /v2/invoice with one PurchaseOrderNumber parameter per purchase order, in order", () => {
    const request = buildInvoiceRequest(config, { purchaseOrderNumbers: ["PO-1", "PO-2", "PO-3"] });
    expect(request.method).toBe("GET");
    expect(String(request.url)).toBe("https://api.stuller.com/v2/invoice?PurchaseOrderNumber=PO-1&PurchaseOrderNumber=PO-2&PurchaseOrderNumber=PO-3");
    expect(request.retry).toBe("idempotent");
    expect(request.body).toBeUndefined();
  });

  it("repeats InvoiceNumber the same way", () => {
    const request = buildInvoiceRequest(config, { invoiceNumbers: ["70010011", "70010012"] });
    expect(query(request.url)).toEqual([
      ["InvoiceNumber", "70010011"],
      ["InvoiceNumber", "70010012"],
    ]);
  });

  it.each([
    ["a space", "PO 1", "PO%201"],
    ["a plus sign", "PO+1", "PO%2B1"],
    ["an ampersand and equals", "A&B=C", "A%26B%3DC"],
    ["a hash and a slash", "#12/3", "%2312%2F3"],
    ["a percent sign", "100%", "100%25"],
    ["non-ASCII text", "Bestellung-ä", "Bestellung-%C3%A4"],
  ])("percent-encodes %s so the server reads the number back exactly", (_case, po, encoded) => {
    const request = buildInvoiceRequest(config, { purchaseOrderNumbers: [po] });
    expect(String(request.url)).toBe(`https://api.stuller.com/v2/invoice?PurchaseOrderNumber=${encoded}`);
    expect(query(request.url)).toEqual([["PurchaseOrderNumber", po]]);
  });

  it("keeps a base URL's own path in front of v2/invoice", () => {
    const request = buildInvoiceRequest({ ...config, baseUrl: new URL("https://gateway.example.com/stuller/") }, { purchaseOrderNumbers: ["PO-1"] });
    expect(String(request.url)).toBe("https://gateway.example.com/stuller/v2/invoice?PurchaseOrderNumber=PO-1");
  });

  it("sends HTTP Basic with the UTF-8 user:password and asks for JSON", () => {
    const request = buildInvoiceRequest(config, { purchaseOrderNumbers: ["PO-1"] });
    expect(request.headers).toEqual({ authorization: basicAuthorization(config), accept: "application/json" });
    const decoded = Buffer.from(basicAuthorization(config).slice("Basic ".length), "base64").toString("utf8");
    expect(decoded).toBe("dev-login:p@ss:wörd");
  });

  it("switches to POST with an InvoiceRequest JSON body when the GET URL would pass the safe length", () => {
    const purchaseOrderNumbers = Array.from({ length: 25 }, (_, i) => `PO-${"X".repeat(90)}-${i}`);
    const request = buildInvoiceRequest(config, { purchaseOrderNumbers });
    expect(request.method).toBe("POST");
    expect(String(request.url)).toBe("https://api.stuller.com/v2/invoice");
    expect(JSON.parse(request.body ?? "")).toEqual({ PurchaseOrderNumber: purchaseOrderNumbers });
    expect(request.headers?.["content-type"]).toBe("application/json; charset=utf-8");
    expect(request.retry).toBe("read-only-post");
  });

  it("stays on GET up to the limit and POSTs one character past it", () => {
    const base = "https://api.stuller.com/v2/invoice?PurchaseOrderNumber=".length;
    const fits = "P".repeat(DEFAULT_MAX_URL_LENGTH - base);
    expect(buildInvoiceRequest(config, { purchaseOrderNumbers: [fits] }).method).toBe("GET");
    expect(buildInvoiceRequest(config, { purchaseOrderNumbers: [`${fits}P`] }).method).toBe("POST");
  });

  it("keeps 25 purchase orders of ordinary length on GET, well under the limit", () => {
    const request = buildInvoiceRequest(config, { purchaseOrderNumbers: Array.from({ length: 25 }, (_, i) => `PO-2026-${String(i).padStart(6, "0")}`) });
    expect(request.method).toBe("GET");
    expect(String(request.url).length).toBeLessThan(DEFAULT_MAX_URL_LENGTH * 0.6);
  });
});

const json = { "content-type": "application/json; charset=utf-8" };

describe("Stuller response decoding", () => {
  it("reads the invoices of a 200 JSON answer", () => {
    expect(decodeInvoiceResponse({ status: 200, headers: json, text: '{"Invoices":[{"InvoiceNumber":"1"}]}' })).toEqual([{ InvoiceNumber: "1" }]);
  });

  it.each([
    ["an empty list", '{"Invoices":[]}'],
    ["a null list", '{"Invoices":null}'],
  ])("reads %s as no invoices", (_case, text) => {
    expect(decodeInvoiceResponse({ status: 200, headers: json, text })).toEqual([]);
  });

  it.each([
    ["text/json", { "content-type": "text/json" }],
    ["a missing Content-Type", {}],
  ])("accepts JSON labelled %s", (_case, headers: Record<string, string>) => {
    expect(decodeInvoiceResponse({ status: 200, headers, text: '{"Invoices":[]}' })).toEqual([]);
  });

  it.each([
    ["application/xml", '<InvoiceResponse xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><Invoices><Invoice><InvoiceNumber>1</InvoiceNumber></Invoice></Invoices></InvoiceResponse>'],
    ["text/xml", '<?xml version="1.0"?><InvoiceResponse><Invoices><Invoice><InvoiceNumber>1</InvoiceNumber></Invoice></Invoices></InvoiceResponse>'],
  ])("reads DataContract XML labelled %s into the same shape as JSON", (contentType, text) => {
    expect(decodeInvoiceResponse({ status: 200, headers: { "content-type": contentType }, text })).toEqual([{ InvoiceNumber: "1" }]);
  });

  it.each([
    [401, "AUTH_FAILED", "Stuller rejected the configured credentials (HTTP 401)"],
    [403, "AUTH_FAILED", "Stuller rejected the configured credentials (HTTP 403)"],
    [400, "BAD_RESPONSE", "Stuller answered HTTP 400 to an invoice lookup"],
    [404, "BAD_RESPONSE", "Stuller answered HTTP 404 to an invoice lookup"],
  ])("turns HTTP %i into %s without quoting the body", (status, code, message) => {
    const error = catchError(() => decodeInvoiceResponse({ status, headers: json, text: '{"Message":"Authorization has been denied for this request. secret=hunter2"}' }));
    expect(error).toMatchObject({ provider: "STULLER", code, message, upstreamStatus: status });
  });

  const NO_SHAPE = "Stuller sent a response without the InvoiceResponse shape (a list of Invoices)";
  const BAD_XML = "Stuller sent an invoice response that is not acceptable XML (XML rejected: ";
  it.each([
    ["an HTML page", "text/html", "<html>502</html>", "Stuller answered with a text/html body instead of JSON or XML"],
    ["truncated JSON", "application/json", '{"Invoices":[{"InvoiceNumber":"1"', "Stuller sent an invoice response that is not valid JSON (malformed JSON)"],
    ["an ASP.NET error object", "application/json", '{"Message":"An error has occurred."}', NO_SHAPE],
    ["a list of non-objects", "application/json", '{"Invoices":[1,2]}', NO_SHAPE],
    ["a __proto__ key", "application/json", '{"Invoices":[],"__proto__":{"x":1}}', 'Stuller sent an invoice response that is not valid JSON (forbidden key "__proto__" in JSON)'],
    ["truncated XML", "application/xml", "<InvoiceResponse><Invoices><Invoice><InvoiceNumber>1</Invoice", `${BAD_XML}the document is not well-formed XML (truncated or broken markup))`],
    ["an XML entity declaration", "application/xml", '<!DOCTYPE InvoiceResponse [<!ENTITY x "y">]><InvoiceResponse/>', `${BAD_XML}the document declares entities)`],
    ["another XML root", "application/xml", "<Error><Message>x</Message></Error>", `${BAD_XML}the document's root element is not the expected one)`],
    ["an XML __proto__ element", "application/xml", "<InvoiceResponse><Invoices><Invoice><__proto__>1</__proto__></Invoice></Invoices></InvoiceResponse>", `${BAD_XML}the document uses an element name reserved by JavaScript objects)`],
    ["XML without Invoices", "application/xml", "<InvoiceResponse><Message>An error has occurred.</Message></InvoiceResponse>", NO_SHAPE],
    ["an HTML page labelled XML", "text/xml", "<!DOCTYPE html><html><body>502</body></html>", `${BAD_XML}the body is an HTML page, not an XML document)`],
  ])("rejects a 200 with %s as BAD_RESPONSE", (_case, contentType, text, message) => {
    const error = catchError(() => decodeInvoiceResponse({ status: 200, headers: { "content-type": contentType }, text }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: "BAD_RESPONSE", message });
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}
