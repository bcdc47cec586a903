// Timeouts, size caps, deadlines and aborts of the transport against real loopback servers.
import { afterEach, describe, expect, it } from "vitest";
import { createTransport } from "../../src/http/transport.js";
import { startLoopbackServer, streamBody, type Handler, type LoopbackServer, type Reply } from "../helpers/loopback-server.js";
import { callContext, closeAll, rejectionOf, silentLogger, testTransport } from "./support.js";

let server: LoopbackServer | undefined;
async function serve(script: Handler | readonly Reply[]): Promise<LoopbackServer> {
  server = await startLoopbackServer(script);
  return server;
}

afterEach(async () => {
  await closeAll();
  await server?.close();
  server = undefined;
});

const MiB = 1024 * 1024;

/** Headers and half a JSON document, then silence. */
const halfBodyThenStall: Handler = (_req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.write('{"invoices":[{"number":"INV-1"},');
};

describe("stalled upstreams", () => {
  it("fails with TIMEOUT after one call when the headers never come (headersTimeout 200 ms)", async () => {
    const upstream = await serve(["stall"]);
    const started = Date.now();
    const error = await rejectionOf(
      testTransport({ headersTimeoutMs: 200 }).request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext()),
    );
    expect(error).toMatchObject({ code: "TIMEOUT", message: "Ingram Micro did not send response headers in time" });
    expect((error as Error).cause).toEqual({ code: "UND_ERR_HEADERS_TIMEOUT" });
    expect(upstream.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("fails with TIMEOUT and no partial data when the body stalls midway (bodyTimeout 200 ms)", async () => {
    const upstream = await serve(halfBodyThenStall);
    const started = Date.now();
    const result = await testTransport({ bodyTimeoutMs: 200 })
      .request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext())
      .then(
        (res) => ({ resolved: res }),
        (error: unknown) => ({ rejected: error }),
      );
    expect(result).toEqual({ rejected: expect.objectContaining({ code: "TIMEOUT" }) });
    expect((result as { rejected: Error }).rejected.message).toBe("Ingram Micro stalled while sending the response body");
    expect(upstream.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("stops a stalled attempt at the request deadline with TIMEOUT", async () => {
    const upstream = await serve(["stall"]);
    const started = Date.now();
    const error = await rejectionOf(testTransport().request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext({ deadlineInMs: 250 })));
    expect(error).toMatchObject({ code: "TIMEOUT", message: "Ingram Micro did not answer before the request deadline" });
    expect(upstream.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(250 + 1_000);
  });

  it("reports a client abort as TIMEOUT and does not retry", async () => {
    const upstream = await serve(["stall"]);
    const controller = new AbortController();
    const pending = testTransport().request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext({ signal: controller.signal }));
    setTimeout(() => controller.abort(new Error("client went away")), 100);
    const error = await rejectionOf(pending);
    expect(error).toMatchObject({ code: "TIMEOUT", message: "The call to Ingram Micro was cancelled before it finished" });
    expect(upstream.requests).toHaveLength(1);
    await upstream.allSocketsClosed();
  });

  it("stops waiting for a retry when the caller aborts during the backoff", async () => {
    const upstream = await serve([{ status: 503 }, { status: 200 }]);
    const controller = new AbortController();
    const transport = testTransport({ retry: { baseDelayMs: 5_000, maxDelayMs: 5_000 }, random: () => 0.5 });
    const started = Date.now();
    const pending = transport.request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext({ signal: controller.signal, deadlineInMs: 10_000 }));
    setTimeout(() => controller.abort(), 150);
    await expect(pending).rejects.toMatchObject({ code: "TIMEOUT", message: "The call to Ingram Micro was cancelled before it finished" });
    expect(upstream.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("makes no call at all when the caller has already gone", async () => {
    const upstream = await serve([{ status: 200 }]);
    const error = await rejectionOf(
      testTransport().request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext({ signal: AbortSignal.abort() })),
    );
    expect(error).toMatchObject({ code: "TIMEOUT" });
    expect(upstream.requests).toHaveLength(0);
  });

  it("makes no call at all when the deadline has already passed", async () => {
    const upstream = await serve([{ status: 200 }]);
    const error = await rejectionOf(testTransport().request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext({ deadlineInMs: -1 })));
    expect(error).toMatchObject({ code: "TIMEOUT", message: "Ingram Micro did not answer before the request deadline" });
    expect(upstream.requests).toHaveLength(0);
  });
});

describe("response size cap", () => {
  it.each([
    ["a chunked 6 MiB body", streamBody(6 * MiB)],
    ["a 6 MiB body with an honest Content-Length", streamBody(6 * MiB, 6 * MiB)],
    ["a Content-Length of 6 MiB followed by a stall", streamBody(16, 6 * MiB)],
  ])("rejects %s over a 1 MiB cap with BAD_RESPONSE and closes the socket", async (_name, handler) => {
    const upstream = await serve(handler);
    const started = Date.now();
    const error = await rejectionOf(
      testTransport().request({ method: "GET", url: `${upstream.url}/big`, retry: "idempotent", maxResponseBytes: MiB }, callContext()),
    );
    expect(error).toMatchObject({ code: "BAD_RESPONSE", message: `Ingram Micro sent a response larger than ${MiB} bytes`, upstreamStatus: 200 });
    expect(upstream.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1_500);
    await upstream.allSocketsClosed();
  });

  it("uses the transport's cap when the request names none", async () => {
    const upstream = await serve([{ status: 200, body: "x".repeat(2_000) }]);
    const transport = testTransport({ maxResponseBytes: 1_000 });
    await expect(transport.request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext())).rejects.toMatchObject({
      code: "BAD_RESPONSE",
    });
  });

  it("returns a body of exactly the cap", async () => {
    const upstream = await serve([{ status: 200, body: "é".repeat(500) }]);
    const res = await testTransport().request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent", maxResponseBytes: 1_000 }, callContext());
    expect(res.text).toBe("é".repeat(500));
  });
});

describe("the request sent and the response returned", () => {
  it("sends method, path, query, headers and body as given", async () => {
    const upstream = await serve([{ status: 200, body: "<ok/>" }]);
    await testTransport().request(
      {
        method: "post",
        url: new URL(`${upstream.url}/SynnexXML/Invoice?x=1`),
        headers: { "Content-Type": "application/xml" },
        body: "<q>é</q>",
        retry: "read-only-post",
      },
      callContext(),
    );
    expect(upstream.requests).toEqual([
      expect.objectContaining({ method: "POST", url: "/SynnexXML/Invoice?x=1", body: "<q>é</q>", headers: expect.objectContaining({ "content-type": "application/xml" }) }),
    ]);
  });

  it("decodes UTF-8 and drops a byte-order mark", async () => {
    const upstream = await serve([{ status: 200, body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name":"Zürich"}')]) }]);
    const res = await testTransport().request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext());
    expect(JSON.parse(res.text)).toEqual({ name: "Zürich" });
  });

  it("reuses keep-alive connections for consecutive requests", async () => {
    const upstream = await serve([{ status: 200, body: "a" }]);
    const transport = createTransport({ provider: "STULLER" });
    try {
      for (let i = 0; i < 6; i++) await transport.request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext({ logger: silentLogger }));
      expect(upstream.requests).toHaveLength(6);
      // undici releases a connection a tick after the body ends, so a request sent back to back
      // may open a second one; after that the two are reused.
      expect(upstream.socketsOpened).toBeLessThanOrEqual(2);
    } finally {
      await transport.close();
    }
  });
});
