// A canary secret in the URL query, the Authorization header, the request body and the
// upstream's answer must never reach an error message, its JSON form, its cause or a log line.
// The clock is fake (helpers/fake-clock.ts): no timeout or deadline passes unless a case moves
// the clock, as the stalled-upstream case does once its request is at the upstream.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ProviderError } from "../../src/domain/errors.js";
import { pastUndiciTimeout, settle, until, useFakeClock, useRealClock } from "../helpers/fake-clock.js";
import { closedPortUrl, startLoopbackServer, type LoopbackServer, type Reply } from "../helpers/loopback-server.js";
import { callContext, capturingLogger, closeAll, rejectionOf, testTransport } from "./support.js";

const CANARY = "CANARY-7f3a91c2e5";

let server: LoopbackServer | undefined;
beforeEach(() => useFakeClock());
afterEach(async () => {
  useRealClock();
  await closeAll();
  await server?.close();
  server = undefined;
});

/** An upstream that echoes the canary back in its body and headers. */
const echoing = (status: number): Reply => ({
  status,
  headers: { "X-Debug": `auth=Bearer ${CANARY}`, "Retry-After": "3600" },
  body: `<Error>echo: apikey=${CANARY} <Password>${CANARY}</Password></Error>`,
});

async function failWith(script: readonly Reply[] | "refused", headersTimeoutMs = 2_000) {
  const upstream = script === "refused" ? null : (server = await startLoopbackServer(script));
  const base = upstream?.url ?? (await closedPortUrl());
  const { logger, lines } = capturingLogger();
  const pending = rejectionOf(
    testTransport({ headersTimeoutMs }).request(
      {
        method: "POST",
        url: `${base}/SynnexXML/Invoice?customerNumber=20-222222&apikey=${CANARY}`,
        headers: { Authorization: `Bearer ${CANARY}`, "Content-Type": "application/xml" },
        body: `<Request><Password>${CANARY}</Password></Request>`,
        retry: "read-only-post",
      },
      callContext({ logger }),
    ),
  );
  if (script !== "refused" && script.includes("stall")) {
    // A stalled upstream: the headers timeout passes once the request is there.
    await until(() => (upstream?.requests.length ?? 0) > 0, "the request at the upstream");
    vi.advanceTimersByTime(pastUndiciTimeout(headersTimeoutMs));
  }
  return { error: await settle(pending, "the call to fail"), lines };
}

function expectNoCanary(error: unknown, lines: readonly string[]): void {
  expect(error).toBeInstanceOf(ProviderError);
  const e = error as ProviderError;
  expect(e.message).not.toContain(CANARY);
  expect(e.message).not.toContain("apikey");
  expect(JSON.stringify(e)).not.toContain(CANARY);
  expect(JSON.stringify(e.cause ?? null)).not.toContain(CANARY);
  expect(String(e.stack)).not.toContain(CANARY);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line).not.toContain(CANARY);
    expect(line).not.toContain("customerNumber");
  }
}

describe("secrets never leave through errors or logs", () => {
  it.each([
    ["a permanent 500 echoing the request", [echoing(500)], "UNAVAILABLE"],
    ["a 429 echoing the request", [echoing(429)], "RATE_LIMITED"],
    ["a connection reset", ["reset"], "UNAVAILABLE"],
    ["a stalled upstream", ["stall"], "TIMEOUT"],
  ] as const)("keeps the canary out after %s", async (_name, script, code) => {
    const { error, lines } = await failWith(script, 200);
    expect(error).toMatchObject({ code });
    expectNoCanary(error, lines);
  });

  it("keeps the canary out after a refused connection", async () => {
    const { error, lines } = await failWith("refused");
    expect(error).toMatchObject({ code: "UNAVAILABLE" });
    expectNoCanary(error, lines);
  });

  it("logs host and path without the query, one info line per attempt and one warn line at the end", async () => {
    const { lines } = await failWith([{ status: 503, body: CANARY }]);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.map((entry) => [entry["level"], entry["attempt"]])).toEqual([
      [30, 1],
      [30, 2],
      [30, 3],
      [40, 3],
    ]);
    expect(entries[3]).toMatchObject({
      provider: "INGRAM_MICRO",
      method: "POST",
      host: server?.url.replace("http://", ""),
      path: "/SynnexXML/Invoice",
      status: 503,
      attempt: 3,
      requestId: "req-test-1",
      code: "UNAVAILABLE",
    });
    expect(typeof entries[3]?.["durationMs"]).toBe("number");
    for (const entry of entries) expect(Object.keys(entry)).not.toContain("headers");
  });
});
