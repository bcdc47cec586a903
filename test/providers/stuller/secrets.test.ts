// F1 for Stuller: the configured password is a canary, and after every kind of answer
// (success, 401, 5xx echoing the request, 429, malformed, timeout, an invoice carrying the
// canary in a field that fails validation) it appears in no log line, no error and no
// GraphQL response, in any of the forms it could take on the wire. The clock is fake
// (helpers/fake-clock.ts): in the timeout case the test moves it past the headers timeout
// while the simulator's answer is still far off, so a late answer can never race it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createContext } from "../../../src/context.js";
import { ProviderRegistry } from "../../../src/providers/registry.js";
import { createStullerProvider, type StullerProvider } from "../../../src/providers/stuller/index.js";
import { createApollo } from "../../../src/server.js";
import { STULLER_SAMPLE_INVOICES, type StullerFault } from "../../../src/sandbox/stuller/index.js";
import { wireInvoice } from "../../../src/sandbox/stuller/wire.js";
import { pastUndiciTimeout, settle, until, useFakeClock, useRealClock } from "../../helpers/fake-clock.js";
import { callContext, capturingLogger } from "../../http/support.js";
import { FAST_TRANSPORT, startStullerHarness, type StullerHarness } from "./support.js";

const USER = "jeweler-api";
const CANARY = "CANARY-stuller-pw-3f9a1c77e2";
const FORMS = [CANARY, encodeURIComponent(CANARY), Buffer.from(`${USER}:${CANARY}`).toString("base64"), Buffer.from(CANARY).toString("base64")];

const { logger, lines } = capturingLogger();
let accepting: StullerHarness;
let rejecting: StullerHarness;
const outputs: string[] = [];

beforeAll(async () => {
  // Before the clients exist: the transport keeps the Date.now it sees.
  useFakeClock();
  const leaky = wireInvoice({ InvoiceNumber: "LEAKY-1", PurchaseOrderNumber: "PO-LEAK", InvoiceDate: CANARY });
  accepting = await startStullerHarness({ simulator: { username: USER, password: CANARY, invoices: [...STULLER_SAMPLE_INVOICES, leaky] }, logger, transport: { headersTimeoutMs: 200 } });
  rejecting = await startStullerHarness({ simulator: { username: USER, password: "something-else" }, logger });
});
afterAll(async () => {
  useRealClock();
  await accepting?.close();
  await rejecting?.close();
});

async function graphql(provider: StullerProvider, query: string): Promise<string> {
  const registry = new ProviderRegistry([provider]);
  const apollo = createApollo({ registry, logger, requestDeadlineMs: 5_000, introspection: false });
  await apollo.start();
  try {
    const response = await apollo.executeOperation({ query }, { contextValue: createContext({ registry, logger, deadlineMs: 5_000 }) });
    return JSON.stringify(response.body);
  } finally {
    await apollo.stop();
  }
}

/** Everything an error could show: message, JSON, inspection, and its causes. */
function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current !== undefined && depth < 5; depth++) {
    parts.push(String(current), JSON.stringify(current), (current as Error)?.stack ?? "");
    current = (current as { cause?: unknown })?.cause;
  }
  return parts.join("\n");
}

const QUERY = `{ invoicesByPurchaseOrder(purchaseOrderNumbers: ["PO-1001", "PO-LEAK"]) { invoices { number total { amount } } failures { code message } } }`;
const echo = (status: number): StullerFault => ({ kind: "status", status, body: `{"Message":"Request failed","Authorization":"Basic ${FORMS[2]}","Password":"${CANARY}"}` });

describe("the Stuller password never leaks", () => {
  it.each<[string, StullerFault | null]>([
    ["a successful lookup with one invoice failing validation", null],
    ["a 500 that echoes the credentials", echo(500)],
    ["a 400 that echoes the credentials", echo(400)],
    ["a 429", { kind: "rate-limited", retryAfterSeconds: 3 }],
    ["a malformed body", { kind: "malformed" }],
    ["a timeout", { kind: "slow", delayMs: 10_000 }],
  ])("after %s", async (_case, fault) => {
    accepting.simulator.control.reset();
    accepting.simulator.control.failAlways(fault);
    /** Runs one lookup; a slow simulator's call ends by the 200 ms headers timeout, once the request is there. */
    const lookup = async <T>(start: () => Promise<T>): Promise<T> => {
      const before = accepting.simulator.requests.length;
      const pending = start();
      if (fault?.kind === "slow") {
        await until(() => accepting.simulator.requests.length > before, "the request at the simulator");
        vi.advanceTimersByTime(pastUndiciTimeout(200));
      }
      return settle(pending, "the lookup to end");
    };
    outputs.push(await lookup(() => graphql(accepting.provider, QUERY)));
    const direct = await lookup(() => accepting.provider.findByPurchaseOrders(["PO-1001", "PO-LEAK"], callContext({ logger })).catch((error: unknown) => error));
    outputs.push(direct instanceof Error ? describeError(direct) : JSON.stringify([...(direct as Map<string, unknown>)].map(([k, v]) => [k, describeError(v)])));
  });

  it("after a 401", async () => {
    const wrong = createStullerProvider({ ...rejecting.simulator.credentials, password: CANARY }, { logger, transport: FAST_TRANSPORT });
    try {
      outputs.push(await graphql(wrong, QUERY));
      outputs.push(describeError(await wrong.findByNumbers(["5123456"], callContext({ logger })).catch((error: unknown) => error)));
    } finally {
      await wrong.close();
    }
    expect(rejecting.simulator.requests.every((r) => r.status === 401)).toBe(true);
  });

  it("in any form, in any log line, error or response of the scenarios above", () => {
    // The scenarios ran and were logged (upstream attempts, failures, the validation warning).
    expect(lines.some((line) => line.includes("upstream attempt"))).toBe(true);
    expect(lines.some((line) => line.includes("Stuller invoice failed validation"))).toBe(true);
    const all = outputs.join("\n");
    for (const seen of ["12345678901234.56", "AUTH_FAILED", "UNAVAILABLE", "RATE_LIMITED", "TIMEOUT", "BAD_RESPONSE"]) expect(all).toContain(seen);
    for (const form of FORMS) {
      expect(lines.filter((line) => line.includes(form))).toEqual([]);
      expect(outputs.filter((output) => output.includes(form))).toEqual([]);
    }
  });
});
