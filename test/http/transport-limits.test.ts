// Timeouts, size caps, deadlines and aborts of the transport against real loopback servers.
//
// The clock is fake (helpers/fake-clock.ts): request deadlines and undici's headers and body
// timeouts pass only when a test moves the clock, after the upstream has seen the request (or
// the client has the headers), so no timeout can fire early on a slow machine and none has to
// be waited out in real time.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTransport } from "../../src/http/transport.js";
import { pastUndiciTimeout, realDelay, settle, until, useFakeClock, useRealClock, watch } from "../helpers/fake-clock.js";
import { startLoopbackServer, streamBody, type Handler, type LoopbackServer, type Reply } from "../helpers/loopback-server.js";
import { callContext, capturingLogger, closeAll, rejectionOf, silentLogger, testTransport } from "./support.js";

let server: LoopbackServer | undefined;
async function serve(script: Handler | readonly Reply[]): Promise<LoopbackServer> {
  server = await startLoopbackServer(script);
  return server;
}

beforeEach(() => useFakeClock());
afterEach(async () => {
  useRealClock();
  await closeAll();
  await server?.close();
  server = undefined;
});

const MiB = 1024 * 1024;

function socketsClosed(upstream: LoopbackServer): Promise<void> {
  return until(() => upstream.socketsOpen === 0, "every socket at the upstream closed");
}

/** Headers and half a JSON document, then silence. */
const halfBodyThenStall: Handler = (_req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.write('{"invoices":[{"number":"INV-1"},');
};

describe("stalled upstreams", () => {
  it("fails with TIMEOUT after one call when the headers never come (headersTimeout 200 ms)", async () => {
    const upstream = await serve(["stall"]);
    const pending = watch(
      testTransport({ headersTimeoutMs: 200 }).request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext({ deadlineInMs: 60_000 })),
    );
    await until(() => upstream.requests.length === 1, "the request at the upstream");
    vi.advanceTimersByTime(pastUndiciTimeout(200));
    const error = await settle(rejectionOf(pending.promise), "the call to end once the headers timeout passed");
    // undici's headers timeout ended it (the deadline is a minute away), with no retry.
    expect(error).toMatchObject({ code: "TIMEOUT", message: "Ingram Micro did not send response headers in time" });
    expect((error as Error).cause).toEqual({ code: "UND_ERR_HEADERS_TIMEOUT" });
    expect(upstream.requests).toHaveLength(1);
  });

  it("fails with TIMEOUT and no partial data when the body stalls midway (bodyTimeout 200 ms)", async () => {
    const upstream = await serve(halfBodyThenStall);
    let headersSeen = false;
    const pending = watch(
      testTransport({ headersTimeoutMs: 60_000, bodyTimeoutMs: 200 })
        .request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent", observe: () => (headersSeen = true) }, callContext({ deadlineInMs: 60_000 }))
        .then(
          (res) => ({ resolved: res }),
          (error: unknown) => ({ rejected: error }),
        ),
    );
    // The body timer starts when the client has the headers.
    await until(() => headersSeen, "the response headers at the client");
    vi.advanceTimersByTime(pastUndiciTimeout(200));
    const result = await settle(pending.promise, "the call to end once the body timeout passed");
    expect(result).toEqual({ rejected: expect.objectContaining({ code: "TIMEOUT" }) });
    expect((result as { rejected: Error }).rejected.message).toBe("Ingram Micro stalled while sending the response body");
    expect(upstream.requests).toHaveLength(1);
  });

  it("stops a stalled attempt at the request deadline with TIMEOUT", async () => {
    const upstream = await serve(["stall"]);
    const started = Date.now();
    const pending = watch(
      testTransport().request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext({ deadlineInMs: 250 })),
    );
    await until(() => upstream.requests.length === 1, "the request at the upstream");
    vi.advanceTimersByTime(249);
    // Room for an early end to show (it would be a bug); the outcome never depends on this wait.
    await realDelay(10);
    expect(pending.settled()).toBe(false);
    vi.advanceTimersByTime(1);
    const error = await settle(rejectionOf(pending.promise), "the call to end at the deadline");
    expect(error).toMatchObject({ code: "TIMEOUT", message: "Ingram Micro did not answer before the request deadline" });
    expect(upstream.requests).toHaveLength(1);
    expect(Date.now() - started).toBe(250);
  });

  it("reports a client abort as TIMEOUT and does not retry", async () => {
    const upstream = await serve(["stall"]);
    const controller = new AbortController();
    const pending = testTransport().request(
      { method: "GET", url: `${upstream.url}/x`, retry: "idempotent" },
      callContext({ signal: controller.signal }),
    );
    await until(() => upstream.requests.length === 1, "the request at the upstream");
    controller.abort(new Error("client went away"));
    const error = await rejectionOf(pending);
    expect(error).toMatchObject({ code: "TIMEOUT", message: "The call to Ingram Micro was cancelled before it finished" });
    expect(upstream.requests).toHaveLength(1);
    await socketsClosed(upstream);
  });

  it("stops waiting for a retry when the caller aborts during the backoff", async () => {
    const upstream = await serve([{ status: 503 }, { status: 200 }]);
    const controller = new AbortController();
    const { logger, lines } = capturingLogger();
    // The transport's own backoff sleep (node:timers/promises, real time): 2.5 s, unless the abort ends it.
    const transport = testTransport({ retry: { baseDelayMs: 5_000, maxDelayMs: 5_000 }, random: () => 0.5 });
    const pending = watch(
      transport.request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext({ signal: controller.signal, deadlineInMs: 10_000, logger })),
    );
    // The attempt's log line is written in the same synchronous step that decides to retry and starts the sleep.
    await until(() => lines.some((line) => line.includes('"upstream attempt"')), "the first attempt to end");
    expect(pending.settled()).toBe(false);
    controller.abort();
    await expect(pending.promise).rejects.toMatchObject({ code: "TIMEOUT", message: "The call to Ingram Micro was cancelled before it finished" });
    expect(upstream.requests).toHaveLength(1);
    // Ended by the abort, well inside the 2.5 s sleep: the upstream never saw a second call.
    expect(lines.filter((line) => line.includes('"upstream attempt"'))).toHaveLength(1);
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
    // The clock stands still, so no timeout or deadline can end these calls: only the cap can,
    // at once (a body that stalls after a 6 MiB Content-Length would otherwise hang the test).
    const error = await rejectionOf(
      testTransport().request({ method: "GET", url: `${upstream.url}/big`, retry: "idempotent", maxResponseBytes: MiB }, callContext()),
    );
    expect(error).toMatchObject({ code: "BAD_RESPONSE", message: `Ingram Micro sent a response larger than ${MiB} bytes`, upstreamStatus: 200 });
    expect(upstream.requests).toHaveLength(1);
    await socketsClosed(upstream);
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
