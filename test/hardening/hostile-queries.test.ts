// Hostile queries and direct access (reliability-notes §8 C1, C3–C5, C7, C10, C11, D1) against
// the real providers: each is refused before any resolver runs, so no simulator sees a call.
// Deadlines and undici's timeouts run on a fake clock that no test here moves
// (helpers/fake-clock.ts): on a busy machine a healthy call waits, it never times out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_PO_QUERY, callsSince, startAllProviders, type AllProviders } from "./all-providers.js";
import { useFakeClock, useRealClock } from "../helpers/fake-clock.js";

const ROUTER_SECRET = "router-secret-hostile-0123456789";
const ROUTER = { "router-authorization": ROUTER_SECRET };
let harness: AllProviders;

beforeAll(async () => {
  useFakeClock();
  harness = await startAllProviders({ routerSecret: ROUTER_SECRET });
});
afterAll(async () => {
  useRealClock();
  await harness.close();
});

const nested = (depth: number) => {
  let selection = "number";
  for (let i = 0; i < depth; i++) selection = `purchaseOrder { invoices { ${selection} } }`;
  return `{ invoice(provider: FABRIC, number: "FD-1001-A") { ${selection} } }`;
};
const pos = (n: number) => Array.from({ length: n }, (_, i) => `PO-${i}`);

describe("hostile queries against the real providers", () => {
  it.each([
    ["C1 depth 12", { query: nested(6) }],
    ["C3 twenty aliases", { query: `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: invoice(provider: STULLER, number: "${i}") { number }`).join(" ")} }` }],
    ["C4 ten thousand tokens", { query: `{ ${"__typename ".repeat(10_000)} }` }],
    ["C5 a hundred directives", { query: `{ reasonCodes { code ${"@include(if: true) ".repeat(100)} } }` }],
    ["C7 introspection", { query: "{ __schema { types { name } } }" }],
    ["C10 ten thousand representations", { query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on PurchaseOrder { invoices { number } } } }`, variables: { r: pos(10_000).map((number) => ({ __typename: "PurchaseOrder", number })) } }],
    ["C11 a thousand purchase orders", { query: ALL_PO_QUERY, variables: { pos: pos(1_000) } }],
    ["C11 a page of 99,999", { query: "{ unacknowledgedInvoices(first: 99999) { edges { cursor } } }" }],
  ])("refuses %s with HTTP 400 and no upstream call", async (_label, body) => {
    const before = harness.upstreamCalls();
    const { status, json } = await harness.post(body, ROUTER);
    console.log(`[C] ${_label}: HTTP ${status}, "${json.errors?.[0]?.message.slice(0, 80)}"`);
    expect(status).toBe(400);
    expect(json.errors?.[0]?.message).toBeTruthy();
    expect(callsSince(before, harness.upstreamCalls())).toEqual({ INGRAM_MICRO: 0, TD_SYNNEX: 0, FABRIC: 0, STULLER: 0 });
  });

  it.each([
    ["no Router-Authorization", {}],
    ["a wrong secret", { "router-authorization": `${ROUTER_SECRET.slice(0, -1)}x` }],
  ])("refuses a direct request with %s with 401 and no upstream call (D1, D2)", async (_label, headers) => {
    const before = harness.upstreamCalls();
    const { status, text } = await harness.post({ query: ALL_PO_QUERY, variables: { pos: ["PO-1001"] } }, headers);
    expect(status).toBe(401);
    expect(text).not.toMatch(/Invoice|PurchaseOrder/);
    expect(callsSince(before, harness.upstreamCalls())).toEqual({ INGRAM_MICRO: 0, TD_SYNNEX: 0, FABRIC: 0, STULLER: 0 });
  });

  it("still serves the router's own queries", async () => {
    const { status, json } = await harness.post({ query: ALL_PO_QUERY, variables: { pos: ["PO-1001"] } }, ROUTER);
    expect(status).toBe(200);
    expect((json.data?.["invoicesByPurchaseOrder"] as { invoices: unknown[] }).invoices.length).toBeGreaterThan(3);
  });
});
