// A canary secret in the URL query, the Authorization header, the request body and the
// upstream's answer must never reach an error message, its JSON form, its cause or a log line.
// The clock is fake (helpers/fake-clock.ts): no request deadline can pass mid-scenario.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ProviderError } from "../../src/domain/errors.js";
import { useFakeClock } from "../helpers/fake-clock.js";
import { closedPortUrl, startLoopbackServer, type LoopbackServer, type Reply } from "../helpers/loopback-server.js";
import { callContext, capturingLogger, closeAll, rejectionOf, testTransport } from "./support.js";

const CANARY = "CANARY-7f3a91c2e5";

let server: LoopbackServer | undefined;
beforeEach(() => useFakeClock());
afterEach(async () => {
  vi.useRealTimers();
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
  const base = script === "refused" ? await closedPortUrl() : (server = await startLoopbackServer(script)).url;
  const { logger, lines } = capturingLogger();
  const error = await rejectionOf(
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
  return { error, lines };
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
    // Only the stalled upstream gets a short headers timeout, and nothing to race it: the
    // others answer at once and keep the 2 s one, which their answers never come near.
    ["a permanent 500 echoing the request", [echoing(500)], "UNAVAILABLE", 2_000],
    ["a 429 echoing the request", [echoing(429)], "RATE_LIMITED", 2_000],
    ["a connection reset", ["reset"], "UNAVAILABLE", 2_000],
    ["a stalled upstream", ["stall"], "TIMEOUT", 200],
  ] as const)("keeps the canary out after %s", async (_name, script, code, headersTimeoutMs) => {
    const { error, lines } = await failWith(script, headersTimeoutMs);
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
