import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { buildInvoiceRequest } from "../../../src/providers/td-synnex/index.js";
import { DEFAULT_SIMULATOR_CREDENTIALS, startTdSynnexSimulator, type TdSynnexSimulator } from "../../../src/sandbox/td-synnex/index.js";

let simulator: TdSynnexSimulator;
beforeAll(async () => {
  simulator = await startTdSynnexSimulator();
});
afterAll(async () => {
  await simulator.close();
});
beforeEach(() => {
  simulator.control.reset();
});

const poRequest = (po: string, credentials = DEFAULT_SIMULATOR_CREDENTIALS): string => buildInvoiceRequest(credentials, { kind: "po", value: po });

async function post(body: string, options: { url?: string; contentType?: string; method?: string } = {}): Promise<{ status: number; text: string }> {
  const response = await fetch(options.url ?? simulator.url, {
    method: options.method ?? "POST",
    headers: { "content-type": options.contentType ?? "application/xml" },
    body: options.method === "GET" ? undefined : body,
  });
  return { status: response.status, text: await response.text() };
}

describe("TD SYNNEX simulator: the wire as TD speaks it", () => {
  it.each(["application/xml", "text/xml", "text/xml; charset=utf-8", "application/xml;charset=UTF-8", "Text/XML; charset=\"utf-8\""])(
    "accepts a request sent as %s",
    async (contentType) => {
      const answer = await post(poRequest("PO-1001"), { contentType });
      expect(answer.status).toBe(200);
      expect(answer.text).toContain("<InvoiceNumber>66999999</InvoiceNumber>");
    },
  );

  it.each<[string, { contentType?: string; method?: string; url?: string }, number]>([
    ["a JSON content type", { contentType: "application/json" }, 415],
    ["a GET", { method: "GET" }, 405],
    ["an unknown path", { url: "/webservice/order/query" }, 404],
  ])("refuses %s", async (_name, options, status) => {
    const url = options.url === undefined ? undefined : new URL(options.url, simulator.url).href;
    expect((await post(poRequest("PO-1001"), { ...options, url })).status).toBe(status);
  });

  it("answers bad credentials with HTTP 200 and the envelope error (ErrorDetail)", async () => {
    const answer = await post(poRequest("PO-1001", { ...DEFAULT_SIMULATOR_CREDENTIALS, password: "nope" }));
    expect(answer.status).toBe(200);
    expect(answer.text).toContain("<ErrorDetail>Invalid user ID or password</ErrorDetail>");
  });

  it.each([
    ["PO-NOTFOUND", "POnumber not found"],
    ["PO-NOTINVOICED", "Order not invoiced yet"],
    ["PO-ARCHIVED", "Invoice has been archived because its older than 540 days."],
  ])("answers %s with HTTP 200 and InvoiceResponse/ErrorReason '%s'", async (po, reason) => {
    const answer = await post(poRequest(po));
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(`<ErrorReason>${reason}</ErrorReason>`);
  });

  it("uses PONumber when both PONumber and OrderNumber are sent, as TD documents", async () => {
    const body = poRequest("PO-1003").replace("</PONumber>", "</PONumber><OrderNumber>66999999</OrderNumber>");
    expect((await post(body)).text).toContain("<InvoiceNumber>67200020</InvoiceNumber>");
  });

  it("answers a request without PONumber or OrderNumber, or malformed XML, with the envelope error", async () => {
    expect((await post(poRequest("PO-1").replace("<PONumber>PO-1</PONumber>", ""))).text).toContain("<ErrorDetail>");
    expect((await post("<SynnexB2B><Credential>")).text).toContain("<ErrorDetail>");
  });

  it("serves the US and the Canadian data on their own paths", async () => {
    expect((await post(poRequest("PO-CA-2001"), { url: simulator.caUrl })).text).toContain("<InvoiceNumber>68000001</InvoiceNumber>");
    expect((await post(poRequest("PO-CA-2001"))).text).toContain("POnumber not found");
    expect(simulator.requests.slice(-2).map((r) => r.region)).toEqual(["ca", "us"]);
  });

  it("writes the wire's irregularities into its sample answers", async () => {
    const text = [
      (await post(poRequest("PO-1001"))).text,
      (await post(poRequest("PO-1002"))).text,
      (await post(poRequest("00123"))).text,
    ].join("\n");
    for (const fragment of [
      "<ManuafacturerPartNumber>",
      "<ManufacturerPartNumber>",
      "<UnitPrice>1,234.50</UnitPrice>",
      "<UnitPrice>10.10</UnitPrice>",
      "<SerialNo>SN: 0042ABC</SerialNo>",
      "<SerialNo>1S10AKS01U00MJ01F84P</SerialNo>",
      "<TrackNumber>1Z999AA10123456784,1Z999AA10123456785</TrackNumber>",
      "<TrackNumber>1Z2220000000000001</TrackNumber><TrackNumber>1Z2220000000000002</TrackNumber>",
      "<ZipCode>02134</ZipCode>",
      "<CustomerPONumber>00123</CustomerPONumber>",
      "<LineNumber>1</LineNumber>",
      '<Item LineNumber="1">',
      "<AllowanceOrCharge>C</AllowanceOrCharge>",
      "<Shipping>15.00</Shipping>",
    ]) {
      expect(text).toContain(fragment);
    }
  });
});

describe("TD SYNNEX simulator: control", () => {
  it("serves queued faults once each, in order, then normal answers", async () => {
    simulator.control.queue({ kind: "status", status: 503 }, { kind: "status", status: 500 });
    expect((await post(poRequest("PO-1001"))).status).toBe(503);
    expect((await post(poRequest("PO-1001"))).status).toBe(500);
    expect((await post(poRequest("PO-1001"))).status).toBe(200);
  });

  it("serves a standing fault until it is cleared", async () => {
    simulator.control.always({ kind: "html", status: 502 });
    expect(await post(poRequest("PO-1001"))).toMatchObject({ status: 502, text: expect.stringContaining("<title>502 Bad Gateway</title>") });
    expect((await post(poRequest("PO-1001"))).status).toBe(502);
    simulator.control.always(null);
    expect((await post(poRequest("PO-1001"))).status).toBe(200);
  });

  it("stops streaming an oversized body when the client goes away", async () => {
    simulator.control.always({ kind: "oversized" });
    const controller = new AbortController();
    const response = await fetch(simulator.url, { method: "POST", headers: { "content-type": "application/xml" }, body: poRequest("PO-1001"), signal: controller.signal });
    const reader = response.body?.getReader();
    let received = 0;
    while (received < 1024 * 1024) {
      const chunk = await reader?.read();
      if (chunk === undefined || chunk.done) break;
      received += chunk.value.length;
    }
    controller.abort();
    await vi.waitFor(() => expect(simulator.inFlight).toBe(0), { timeout: 2_000 });
    expect(received).toBeGreaterThanOrEqual(1024 * 1024);
  });

  it("writes nothing to the console", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((method) => vi.spyOn(console, method));
    try {
      simulator.control.queue({ kind: "reset" }, { kind: "truncated" });
      await post(poRequest("PO-1001")).catch(() => undefined);
      await post(poRequest("PO-1001"));
      await post("not xml");
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
