// Secrets never leave (reliability-notes §8 F1–F6): every credential carries a canary, the
// providers are built the production way from environment variables, and a sweep of success,
// fault and rejection scenarios runs against all four simulators. The logger here is raw pino
// (no redaction paths, no scrubbing hook), so the check is that no code path puts a secret
// into a log line or a response in the first place, in any encoding. The clock is fake
// (helpers/fake-clock.ts): a provider that never answers is cut when the test moves the clock
// past the deadline, after the others have answered, instead of after 1.5 real seconds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeInvoiceId } from "../../src/domain/ids.js";
import { useFakeClock, useRealClock } from "../helpers/fake-clock.js";
import { ALL_PO_QUERY, postPastDeadline, startAllProviders, type AllProviders } from "./all-providers.js";
import { healAll, injectFault } from "./faults.js";

const CANARY = "CANARY-7hQ+/=&<x>";
const ROUTER_CANARY = "ROUTER-CANARY-0123456789abcdef";
const ROUTER = { "router-authorization": ROUTER_CANARY };

function canaryForms(secret: string, username: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    secret.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
    Buffer.from(`${username}:${secret}`).toString("base64"),
    Buffer.from(secret).toString("base64"),
    "CANARY-7hQ",
  ];
}

const DEADLINE_MS = 1_500;
const responses: string[] = [];
let accepting: AllProviders;
let rejecting: AllProviders;

beforeAll(async () => {
  // Before the clients exist: the transport and the rate limiter keep the Date.now they see.
  useFakeClock();
  accepting = await startAllProviders({ secret: CANARY, routerSecret: ROUTER_CANARY, deadlineMs: DEADLINE_MS });
  rejecting = await startAllProviders({ secret: CANARY, simulatorsRejectOurSecrets: true, routerSecret: ROUTER_CANARY, deadlineMs: DEADLINE_MS });
});
afterAll(async () => {
  useRealClock();
  await accepting?.close();
  await rejecting?.close();
});

function recorded<T extends { headers: unknown; text: string }>(response: T): T {
  responses.push(JSON.stringify(response.headers), response.text);
  return response;
}

async function send(harness: AllProviders, body: unknown, headers: Record<string, string> = ROUTER) {
  return recorded(await harness.post(body, headers));
}

describe("canary credentials", () => {
  it("runs the success paths of every provider", async () => {
    const { json } = await send(accepting, { query: ALL_PO_QUERY, variables: { pos: ["PO-1001", "PO-1002", "PO-1003"] } });
    expect((json.data?.["invoicesByPurchaseOrder"] as { failures: unknown[] }).failures).toEqual([]);
    for (const [provider, number] of [["INGRAM_MICRO", "20-12345-11"], ["TD_SYNNEX", "66999999"], ["FABRIC", "FD-1001-A"], ["STULLER", "5123456"]] as const) {
      const answer = await send(accepting, { query: `{ invoice(provider: ${provider}, number: "${number}") { number } }` });
      expect(answer.json.data?.["invoice"]).toEqual({ number });
    }
    const page = await send(accepting, { query: "{ unacknowledgedInvoices(first: 3) { edges { node { id } } } }" });
    const ids = (page.json.data?.["unacknowledgedInvoices"] as { edges: Array<{ node: { id: string } }> }).edges.map((e) => e.node.id);
    await send(accepting, { query: "mutation ($ids: [ID!]!) { acknowledgeInvoices(ids: $ids) { acknowledged error } }", variables: { ids: [...ids, encodeInvoiceId("STULLER", "5123456")] } });
  });

  it.each(["permanent-503", "malformed", "never-answers"] as const)("runs the %s fault path of every provider", async (fault) => {
    for (const provider of ["INGRAM_MICRO", "TD_SYNNEX", "FABRIC", "STULLER"] as const) {
      injectFault(accepting.simulators, provider, fault);
      const body = { query: ALL_PO_QUERY, variables: { pos: ["PO-1001"] } };
      const { json } = fault === "never-answers" ? recorded(await postPastDeadline(accepting, body, provider, DEADLINE_MS, ROUTER)) : await send(accepting, body);
      expect((json.data?.["invoicesByPurchaseOrder"] as { failures: Array<{ provider: string }> }).failures.map((f) => f.provider)).toEqual([provider]);
      healAll(accepting.simulators);
    }
  });

  it("refreshes a revoked Ingram token mid-flight", async () => {
    accepting.simulators.ingram.control.revokeAllTokens();
    const { json } = await send(accepting, { query: `{ invoice(provider: INGRAM_MICRO, number: "20-12345-11") { number } }` });
    expect(json.data?.["invoice"]).toEqual({ number: "20-12345-11" });
  });

  it("runs every provider's rejected-credentials path as AUTH_FAILED (D9)", async () => {
    const { json } = await send(rejecting, { query: ALL_PO_QUERY, variables: { pos: ["PO-1001"] } });
    const failures = (json.data?.["invoicesByPurchaseOrder"] as { failures: Array<{ provider: string; code: string }> }).failures;
    expect(failures.map((f) => [f.provider, f.code])).toEqual([
      ["INGRAM_MICRO", "AUTH_FAILED"],
      ["TD_SYNNEX", "AUTH_FAILED"],
      ["FABRIC", "AUTH_FAILED"],
      ["STULLER", "AUTH_FAILED"],
    ]);
  });

  it("refuses requests without the router secret, or with a wrong one", async () => {
    expect((await send(accepting, { query: "{ __typename }" }, {})).status).toBe(401);
    expect((await send(accepting, { query: "{ __typename }" }, { "router-authorization": `${ROUTER_CANARY}x` })).status).toBe(401);
  });

  it("leaves no canary, in any encoding, in any log line or response of the sweep (F1–F6)", () => {
    const logs = [...accepting.logs, ...rejecting.logs].join("\n");
    const answers = responses.join("\n");
    const forms = [...canaryForms(CANARY, accepting.simulators.stuller.credentials.username), ...canaryForms(ROUTER_CANARY, "router")];
    console.log(`[F1] ${accepting.logs.length + rejecting.logs.length} log lines and ${responses.length / 2} responses checked for ${forms.length} canary forms`);
    expect(logs.length).toBeGreaterThan(1_000);
    for (const form of forms) {
      expect(logs.includes(form), `log lines contain ${form}`).toBe(false);
      expect(answers.includes(form), `responses contain ${form}`).toBe(false);
    }
  });
});
