// Retry behaviour of the transport against real loopback servers and the real undici client.
// The clock is fake and stands still (helpers/fake-clock.ts): no request deadline can pass
// while a scenario runs, so a slow machine cannot turn a retry into a TIMEOUT. Backoff
// sleeps are real and milliseconds long, or injected where a test looks at them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProviderError } from "../../src/domain/errors.js";
import { header } from "../../src/http/transport.js";
import { useFakeClock, useRealClock } from "../helpers/fake-clock.js";
import { closedPortUrl, startLoopbackServer, type LoopbackServer, type Reply } from "../helpers/loopback-server.js";
import { callContext, capturingLogger, closeAll, rejectionOf, testTransport } from "./support.js";

let server: LoopbackServer | undefined;
async function serve(script: readonly Reply[]): Promise<LoopbackServer> {
  server = await startLoopbackServer(script);
  return server;
}

/** A whole second, so an HTTP-date (second resolution) is exact. */
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
beforeEach(() => useFakeClock(NOW));
afterEach(async () => {
  useRealClock();
  await closeAll();
  await server?.close();
  server = undefined;
});

const ok: Reply = { status: 200, headers: { "Content-Type": "application/json", "X-RateLimit-Remaining": "59" }, body: '{"ok":true}' };
const unavailable: Reply = { status: 503, body: "maintenance" };

describe("retrying transient failures", () => {
  it("returns the data after 503, 503, 200 with three upstream calls", async () => {
    const upstream = await serve([unavailable, unavailable, ok]);
    const res = await testTransport().request({ method: "GET", url: `${upstream.url}/v5/invoices/1`, retry: "idempotent" }, callContext());
    expect(res).toMatchObject({ status: 200, text: '{"ok":true}', attempts: 3 });
    expect(header(res, "X-RateLimit-Remaining")).toBe("59");
    expect(res.headers["content-type"]).toBe("application/json");
    expect(upstream.requests).toHaveLength(3);
  });

  it("fails with UNAVAILABLE after exactly three calls when the upstream stays at 503", async () => {
    const upstream = await serve([unavailable]);
    const error = await rejectionOf(testTransport().request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext()));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: "UNAVAILABLE", upstreamStatus: 503, message: "Ingram Micro answered HTTP 503 three times" });
    expect(upstream.requests).toHaveLength(3);
  });

  it.each([404, 400, 401, 403, 409])("returns HTTP %i to the caller after one call", async (status) => {
    const upstream = await serve([{ status, body: '{"errors":[]}' }]);
    const res = await testTransport().request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext());
    expect(res).toMatchObject({ status, text: '{"errors":[]}', attempts: 1 });
    expect(upstream.requests).toHaveLength(1);
  });

  it("returns a redirect to the caller without following it", async () => {
    const upstream = await serve([{ status: 302, headers: { Location: "/elsewhere" } }]);
    const res = await testTransport().request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext());
    expect(res.status).toBe(302);
    expect(header(res, "location")).toBe("/elsewhere");
    expect(upstream.requests).toHaveLength(1);
  });

  it("fails a 501 with UNAVAILABLE after one call", async () => {
    const upstream = await serve([{ status: 501 }]);
    const error = await rejectionOf(testTransport().request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext()));
    expect(error).toMatchObject({ code: "UNAVAILABLE", upstreamStatus: 501 });
    expect(upstream.requests).toHaveLength(1);
  });

  it.each([
    ["never", 1],
    ["idempotent", 1],
    ["read-only-post", 3],
  ] as const)("sends a POST with retry %s %i time(s) against a permanent 503", async (retry, calls) => {
    const upstream = await serve([unavailable]);
    const body = "<InvoiceRequest><PONbr>00123</PONbr></InvoiceRequest>";
    const error = await rejectionOf(testTransport().request({ method: "POST", url: `${upstream.url}/SynnexXML/Invoice`, body, retry }, callContext()));
    expect(error).toMatchObject({ code: "UNAVAILABLE" });
    expect(upstream.requests).toHaveLength(calls);
    expect(upstream.requests.map((r) => [r.method, r.body])).toEqual(Array.from({ length: calls }, () => ["POST", body]));
  });

  it("retries a read-only POST after 503 and returns the answer", async () => {
    const upstream = await serve([unavailable, { status: 200, body: "<Invoice/>" }]);
    const res = await testTransport().request({ method: "POST", url: `${upstream.url}/q`, body: "<q/>", retry: "read-only-post" }, callContext());
    expect(res).toMatchObject({ status: 200, text: "<Invoice/>", attempts: 2 });
    expect(upstream.requests).toHaveLength(2);
  });

  it("does not retry a GET marked never", async () => {
    const upstream = await serve([unavailable, ok]);
    await expect(testTransport().request({ method: "GET", url: `${upstream.url}/x`, retry: "never" }, callContext())).rejects.toMatchObject({
      code: "UNAVAILABLE",
    });
    expect(upstream.requests).toHaveLength(1);
  });

  it.each([
    ["a connection reset", "reset", "ECONNRESET"],
    ["a hang-up without an answer", "hang-up", "UND_ERR_SOCKET"],
  ] as const)("retries after %s and returns the next answer: two calls", async (_name, fault, code) => {
    const upstream = await serve([fault, ok]);
    const { logger, lines } = capturingLogger();
    const res = await testTransport().request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext({ logger }));
    expect(res).toMatchObject({ status: 200, attempts: 2 });
    expect(upstream.requests).toHaveLength(2);
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toMatchObject([
      { level: 30, attempt: 1, status: null, errorCode: code },
      { level: 30, attempt: 2, status: 200 },
    ]);
  });

  it("fails with UNAVAILABLE after three attempts when the connection is refused", async () => {
    const url = await closedPortUrl();
    const error = await rejectionOf(testTransport().request({ method: "GET", url: `${url}/x`, retry: "idempotent" }, callContext()));
    expect(error).toMatchObject({ code: "UNAVAILABLE", message: "Ingram Micro refused the connection three times" });
    expect((error as Error).cause).toEqual({ code: "ECONNREFUSED" });
  });
});

describe("time left before the deadline", () => {
  it("makes no further attempt when the backoff would outlast the deadline", async () => {
    const upstream = await serve([unavailable, ok]);
    const sleeps: number[] = [];
    const transport = testTransport({ retry: { baseDelayMs: 5_000, maxDelayMs: 5_000 }, random: () => 0.9, sleep: async (ms) => void sleeps.push(ms) });
    const error = await rejectionOf(transport.request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext({ deadlineInMs: 300 })));
    expect(error).toMatchObject({ code: "UNAVAILABLE", upstreamStatus: 503 });
    expect((error as Error).message).toContain("no time was left before the request deadline");
    expect(upstream.requests).toHaveLength(1);
    // It fails at once: no backoff wait was even started.
    expect(sleeps).toEqual([]);
  });

  it("waits a 5xx Retry-After that fits the deadline and then succeeds", async () => {
    const upstream = await serve([{ status: 503, headers: { "Retry-After": "1" } }, ok]);
    const sleeps: number[] = [];
    const transport = testTransport({ sleep: async (ms) => void sleeps.push(ms) });
    const res = await transport.request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext());
    expect(res.attempts).toBe(2);
    expect(sleeps).toEqual([10]);
    expect(upstream.requests).toHaveLength(2);
  });

  it("fails at once with retryAfterSeconds when a 5xx Retry-After is past the deadline", async () => {
    const upstream = await serve([{ status: 503, headers: { "Retry-After": "3600" } }, ok]);
    const error = await rejectionOf(testTransport().request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext()));
    expect(error).toMatchObject({ code: "UNAVAILABLE", retryAfterSeconds: 3600, upstreamStatus: 503 });
    expect(upstream.requests).toHaveLength(1);
  });
});

describe("429 Too Many Requests", () => {
  it("fails with RATE_LIMITED and retryAfterSeconds after one call by default", async () => {
    const upstream = await serve([{ status: 429, headers: { "Retry-After": "7" } }, ok]);
    const error = await rejectionOf(testTransport().request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext()));
    expect(error).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 7, upstreamStatus: 429 });
    expect(upstream.requests).toHaveLength(1);
  });

  it("reads an HTTP-date Retry-After as seconds from now", async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    const upstream = await serve([{ status: 429, headers: { "Retry-After": at } }]);
    const error = await rejectionOf(testTransport().request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext()));
    expect(error).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 30 });
  });

  it("fails with RATE_LIMITED and no retryAfterSeconds when the header is absent", async () => {
    const upstream = await serve([{ status: 429 }]);
    const error = await rejectionOf(testTransport().request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext()));
    expect(error).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: null });
  });

  it("waits and retries a 429 when configured retry-if-fits, counting towards the attempt cap", async () => {
    const upstream = await serve([{ status: 429, headers: { "Retry-After": "1" } }]);
    const transport = testTransport({ retry: { onRateLimited: "retry-if-fits" } });
    const error = await rejectionOf(transport.request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext()));
    expect(error).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 1 });
    expect(upstream.requests).toHaveLength(3);
  });

  it("returns the data when a waited-out 429 is followed by 200", async () => {
    const upstream = await serve([{ status: 429, headers: { "Retry-After": "1" } }, ok]);
    const transport = testTransport({ retry: { onRateLimited: "retry-if-fits" } });
    const res = await transport.request({ method: "GET", url: `${upstream.url}/x`, retry: "idempotent" }, callContext());
    expect(res.attempts).toBe(2);
  });
});

describe("observing responses", () => {
  it("shows every attempt's status and headers to the caller's observer, the 429 included", async () => {
    await serve([
      { status: 503, headers: { "x-ratelimit-remaining": "5" } },
      { status: 429, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1700000000" } },
    ]);
    const seen: Array<[number, string | undefined, string | undefined]> = [];
    const error = await testTransport()
      .request({ method: "GET", url: `${server?.url}/x`, retry: "idempotent", observe: (status, headers) => seen.push([status, headers["x-ratelimit-remaining"], headers["x-ratelimit-reset"]]) }, callContext())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "RATE_LIMITED" });
    expect(seen).toEqual([[503, "5", undefined], [429, "0", "1700000000"]]);
  });
});
