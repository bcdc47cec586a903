// The clock is fake (helpers/fake-clock.ts): the simulator's slow answers, undici's timeouts
// and the request deadlines wait for the test to move the clock, so a call to a slow Stuller
// ends by the headers timeout when the test says so, whatever the machine's load.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createStullerProvider } from "../../../src/providers/stuller/index.js";
import { generatedPurchaseOrders, type StullerFault } from "../../../src/sandbox/stuller/index.js";
import { callContext, rejectionOf, silentLogger } from "../../http/support.js";
import { pastUndiciTimeout, settle, until, useFakeClock, useRealClock } from "../../helpers/fake-clock.js";
import { FAST_TRANSPORT, invoiceNumbersByKey, startStullerHarness, type StullerHarness } from "./support.js";

let harness: StullerHarness | undefined;
beforeEach(() => useFakeClock());
afterEach(async () => {
  useRealClock();
  await harness?.close();
  harness = undefined;
});

describe("Stuller upstream faults", () => {
  it("turns a rejected password into AUTH_FAILED after one call, never retried", async () => {
    harness = await startStullerHarness({ simulator: { password: "the-right-one" } });
    const provider = createStullerProvider({ ...harness.simulator.credentials, password: "a-wrong-one" }, { logger: silentLogger, transport: FAST_TRANSPORT });
    try {
      const error = await rejectionOf(provider.findByPurchaseOrders(["PO-1001"], callContext()));
      expect(error).toMatchObject({ provider: "STULLER", code: "AUTH_FAILED", message: "Stuller rejected the configured credentials (HTTP 401)", upstreamStatus: 401 });
      expect(harness.simulator.requests.map((r) => [r.authorized, r.status])).toEqual([[false, 401]]);
    } finally {
      await provider.close();
    }
  });

  it("returns the data after 503, 503, 200 (three calls)", async () => {
    harness = await startStullerHarness();
    harness.simulator.control.failNext({ kind: "status", status: 503 }, { kind: "status", status: 503 });
    const results = await harness.provider.findByPurchaseOrders(["PO-1003"], callContext());
    expect(invoiceNumbersByKey(results)).toEqual({ "PO-1003": ["70010031"] });
    expect(harness.simulator.requests.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it("retries the POST form too, because it only reads", async () => {
    harness = await startStullerHarness({ maxUrlLength: 60 });
    harness.simulator.control.failNext({ kind: "status", status: 502 });
    const results = await harness.provider.findByPurchaseOrders(["PO-1002", "PO-1003"], callContext());
    expect(invoiceNumbersByKey(results)).toEqual({ "PO-1002": ["70010021", "70010022"], "PO-1003": ["70010031"] });
    expect(harness.simulator.requests.map((r) => [r.method, r.status])).toEqual([
      ["POST", 502],
      ["POST", 200],
    ]);
  });

  it.each<{ fault: StullerFault; code: string; message: string; calls: number }>([
    { fault: { kind: "status", status: 503 }, code: "UNAVAILABLE", message: "Stuller answered HTTP 503 three times", calls: 3 },
    { fault: { kind: "status", status: 500 }, code: "UNAVAILABLE", message: "Stuller answered HTTP 500 three times", calls: 3 },
    { fault: { kind: "rate-limited", retryAfterSeconds: 7 }, code: "RATE_LIMITED", message: "Stuller answered HTTP 429", calls: 1 },
    { fault: { kind: "malformed" }, code: "BAD_RESPONSE", message: "Stuller sent an invoice response that is not valid JSON (malformed JSON)", calls: 1 },
    { fault: { kind: "slow", delayMs: 1_500 }, code: "TIMEOUT", message: "Stuller did not send response headers in time", calls: 1 },
  ])("turns a persistent $fault.kind fault into $code after $calls call(s)", async ({ fault, code, message, calls }) => {
    harness = await startStullerHarness({ transport: { headersTimeoutMs: 200 } });
    harness.simulator.control.failAlways(fault);
    const simulator = harness.simulator;
    const pending = rejectionOf(harness.provider.findByPurchaseOrders(["PO-1001"], callContext()));
    if (fault.kind === "slow") {
      // The simulator's 1.5 s wait outlasts the move: only the headers timeout can end the call.
      await until(() => simulator.requests.length === 1, "the request at the simulator");
      vi.advanceTimersByTime(pastUndiciTimeout(200));
    }
    const error = await settle(pending, "the lookup to fail");
    expect(error).toMatchObject({ provider: "STULLER", code, message });
    if (fault.kind === "rate-limited") expect(error).toMatchObject({ retryAfterSeconds: 7 });
    expect(harness.simulator.requests).toHaveLength(calls);
  });

  it("fails every key of a 30-PO batch with the same error when Stuller is down", async () => {
    harness = await startStullerHarness();
    harness.simulator.control.failAlways({ kind: "status", status: 503 });
    const error = await rejectionOf(harness.provider.findByPurchaseOrders(generatedPurchaseOrders(30), callContext()));
    expect(error).toMatchObject({ code: "UNAVAILABLE" });
    // Two chunks of 25 and 5, three attempts each.
    expect(harness.simulator.requests).toHaveLength(6);
  });

  it("reaches a host that serves only the documented /api/v2 path through a base URL ending in /api", async () => {
    harness = await startStullerHarness();
    const provider = createStullerProvider(
      { ...harness.simulator.credentials, baseUrl: new URL(`${harness.simulator.url}/api`) },
      { logger: silentLogger, transport: FAST_TRANSPORT },
    );
    try {
      const results = await provider.findByPurchaseOrders(["PO-1003"], callContext());
      expect(invoiceNumbersByKey(results)).toEqual({ "PO-1003": ["70010031"] });
      expect(harness.simulator.requests.map((r) => r.path)).toEqual(["/api/v2/invoice"]);
    } finally {
      await provider.close();
    }
  });
});
