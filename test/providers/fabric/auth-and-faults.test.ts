// Tokens and upstream faults, through GraphQL with the real client against the simulator
// (reliability-notes A1, A2, A8, A10, A11, B-class bad data).
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { settle, until, useFakeClock, useRealClock, watch } from "../../helpers/fake-clock.js";
import { queryLedger, startHarness, type Harness } from "./harness.js";

const BY_NUMBER = /* GraphQL */ `query ($number: String!) { invoice(provider: FABRIC, number: $number) { number } }`;
const BY_PO = /* GraphQL */ `
  query ($pos: [String!]!) {
    invoicesByPurchaseOrder(purchaseOrderNumbers: $pos, providers: [FABRIC]) {
      invoices { number }
      failures { provider code message purchaseOrderNumbers }
    }
  }
`;
const UNACKED = /* GraphQL */ `query { unacknowledgedInvoices(first: 5) { edges { node { number } } } }`;
const PAGE = /* GraphQL */ `query ($first: Int) { unacknowledgedInvoices(first: $first) { edges { node { number } } } }`;

let h: Harness | undefined;
afterEach(async () => {
  useRealClock();
  await h?.close();
  h = undefined;
});
afterAll(() => expect(queryLedger.putsDuringQueries).toBe(0));

const numberOf = (result: { data?: Record<string, unknown> | null }) => (result.data?.["invoice"] as { number: string } | null)?.number;

describe("fabric access tokens", () => {
  it("shares one token call among 50 concurrent cold requests, each sent with the bearer token", async () => {
    h = await startHarness();
    const harness = h;
    const results = await Promise.all(Array.from({ length: 50 }, () => harness.run(BY_NUMBER, { number: "FD-2001" })));
    expect(results.map(numberOf)).toEqual(Array.from({ length: 50 }, () => "FD-2001"));
    expect(h.count("token")).toBe(1);
    expect(h.count("list")).toBe(50);
    const token = h.sim.requests.find((r) => r.route === "token");
    expect(new URLSearchParams(token?.body)).toEqual(new URLSearchParams({ grant_type: "client_credentials", client_id: "sandbox-fabric-client", client_secret: "sandbox-fabric-secret" }));
  });

  it("refreshes a revoked token once and repeats the call", async () => {
    h = await startHarness();
    expect(numberOf(await h.run(BY_NUMBER, { number: "FD-2001" }))).toBe("FD-2001");
    h.sim.control.revokeTokens();
    expect(numberOf(await h.run(BY_NUMBER, { number: "FD-2002" }))).toBe("FD-2002");
    expect(h.count("token")).toBe(2);
    expect(h.sim.requests.filter((r) => r.route === "list").map((r) => r.params["search"])).toEqual(["FD-2001", "FD-2002", "FD-2002"]);
  });

  it.each([
    // 4 POs in flight: 401, one shared refresh, 401 again; the other 6 POs are not tried.
    ["fabric keeps refusing fresh tokens", { rejectTokens: true }, [2, 8], "fabric rejected this subgraph's access token, also right after issuing a new one"],
    ["the client secret is wrong", { config: { clientSecret: "wrong" } }, [1, 0], "fabric rejected this subgraph's client credentials"],
    ["the retailer id is not this client's", { config: { retailerId: "999" } }, [1, 4], "fabric refused this API client access to the configured retailer's invoices"],
  ])("fails with AUTH_FAILED, without looping, when %s", async (_situation, setup: { rejectTokens?: boolean; config?: Record<string, string> }, [tokens, lists], message) => {
    h = await startHarness({ config: setup.config ?? {} });
    if (setup.rejectTokens) h.sim.control.rejectAllTokens();
    const pos = Array.from({ length: 10 }, (_, i) => `PO-${2001 + i}`);
    const result = await h.run(BY_PO, { pos });
    expect(result.data?.["invoicesByPurchaseOrder"]).toEqual({
      invoices: [],
      failures: [{ provider: "FABRIC", code: "AUTH_FAILED", message, purchaseOrderNumbers: pos }],
    });
    expect([h.count("token"), h.count("list")]).toEqual([tokens, lists]);
  });
});

describe("fabric upstream faults", () => {
  it("retries 503s and answers once fabric recovers", async () => {
    h = await startHarness();
    h.sim.control.failNext(2, { status: 503, route: "list" });
    expect(numberOf(await h.run(BY_NUMBER, { number: "FD-2003" }))).toBe("FD-2003");
    expect(h.count("list")).toBe(3);
  });

  it.each([
    ["503 on every call", "UNAVAILABLE", "fabric answered HTTP 503 three times", (harness: Harness) => harness.sim.control.failNext(10, { status: 503, route: "list" })],
    ["a truncated JSON body", "BAD_RESPONSE", "fabric sent a body that is not JSON", (harness: Harness) => harness.sim.control.malformed(10, "list")],
    ["a token endpoint down", "UNAVAILABLE", "fabric answered HTTP 502 three times", (harness: Harness) => harness.sim.control.failNext(10, { status: 502, route: "token" })],
  ])("reports %s as a %s failure of the purchase orders it left unanswered", async (_fault, code, message, inject) => {
    h = await startHarness();
    inject(h);
    const result = await h.run(BY_PO, { pos: ["PO-1001", "PO-1002"] });
    expect(result.data?.["invoicesByPurchaseOrder"]).toEqual({
      invoices: [],
      failures: [{ provider: "FABRIC", code, message, purchaseOrderNumbers: expect.arrayContaining(["PO-1001", "PO-1002"]) as unknown }],
    });
  });

  it("times out a slow fabric within the request deadline", async () => {
    // On a fake clock, installed before the client exists: fabric's 2 s delay and the 400 ms
    // deadline both wait for the test to move the clock.
    useFakeClock();
    const harness = (h = await startHarness({ deadlineMs: 400 }));
    harness.sim.control.slow(2_000);
    const pending = watch(harness.run(BY_NUMBER, { number: "FD-2001" }));
    await until(() => harness.sim.requests.length > 0, "a request at fabric");
    expect(pending.settled()).toBe(false);
    vi.advanceTimersByTime(400);
    // Answered at the deadline, long before fabric's answer was due.
    const result = await settle(pending.promise, "the answer once the deadline passed");
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "PROVIDER_TIMEOUT", provider: "FABRIC" });
  });

  it("fails unacknowledgedInvoices with a typed error when fabric is down, acknowledging nothing", async () => {
    h = await startHarness();
    h.sim.control.failNext(10, { status: 503, route: "list" });
    const result = await h.run(UNACKED);
    expect(result.errors?.[0]).toMatchObject({ message: "fabric answered HTTP 503 three times", extensions: { code: "PROVIDER_UNAVAILABLE", provider: "FABRIC" } });
    expect(h.count("acknowledge")).toBe(0);
  });

  it("refuses an unreadable invoice on the page it would be delivered in, naming it, and serves pages before it", async () => {
    h = await startHarness({ simulator: { sample: false, unacknowledged: 3 } });
    h.sim.control.updateInvoice(2, { net_amount: "N/A" });
    const first = await h.run(PAGE, { first: 1 });
    expect((first.data?.["unacknowledgedInvoices"] as { edges: unknown[] }).edges).toHaveLength(1);
    const second = await h.run(PAGE, { first: 2 });
    expect(second.errors?.[0]).toMatchObject({
      message: 'fabric invoice 2 could not be read: net_amount: expected a decimal string such as "12.89"',
      extensions: { code: "PROVIDER_BAD_RESPONSE", provider: "FABRIC" },
    });
  });
});
