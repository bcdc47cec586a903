// F1 for Ingram Micro: with a canary client secret, run the happy path and every failure the
// client knows (rejected credentials, token endpoint down, revoked token, 5xx, 429, malformed
// body) through GraphQL with debug logging captured; the canary must appear nowhere.
// Deadlines and undici's timeouts run on a fake clock that no test here moves
// (helpers/fake-clock.ts): on a busy machine a healthy call waits, it never times out.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createContext } from "../../../src/context.js";
import { createIngramMicroProvider } from "../../../src/providers/ingram-micro/index.js";
import { ProviderRegistry } from "../../../src/providers/registry.js";
import { startIngramMicroSimulator, type Fault } from "../../../src/sandbox/ingram-micro/index.js";
import { createApollo } from "../../../src/server.js";
import { capturingLogger } from "../../http/support.js";
import { TEST_TRANSPORT } from "./support.js";
import { useFakeClock, useRealClock } from "../../helpers/fake-clock.js";

const CANARY = "CANARY-ingram-7f3a9e51";
const cleanup: Array<() => Promise<void>> = [];
beforeEach(() => useFakeClock());
afterEach(async () => {
  useRealClock();
  for (const close of cleanup.splice(0).reverse()) await close();
});

const QUERY = `query ($n: String!) { invoice(provider: INGRAM_MICRO, number: $n) { number total { amount } } }`;

async function scenario(setup: { secret?: string; fault?: Fault; tokenDown?: boolean }) {
  const { logger, lines } = capturingLogger();
  const sim = await startIngramMicroSimulator({ account: { clientSecret: CANARY } });
  const provider = createIngramMicroProvider({ ...sim.credentials, clientSecret: setup.secret ?? CANARY }, { logger, transport: TEST_TRANSPORT });
  cleanup.push(() => sim.close(), () => provider.close());
  if (setup.fault) sim.control.always(setup.fault);
  sim.control.tokenEndpointDown = setup.tokenDown ?? false;
  const registry = new ProviderRegistry([provider]);
  const apollo = createApollo({ registry, logger, requestDeadlineMs: 3_000, introspection: false });
  await apollo.start();
  cleanup.push(() => apollo.stop());
  const response = await apollo.executeOperation(
    { query: QUERY, variables: { n: "20-12345-11" } },
    { contextValue: createContext({ registry, logger, deadlineMs: 3_000 }) },
  );
  return { response: JSON.stringify(response.body), lines, sim };
}

describe("the Ingram Micro client secret", () => {
  it.each([
    ["a successful lookup", {}, null],
    ["credentials the token endpoint rejects (the secret sent contains the canary)", { secret: `${CANARY}-old` }, "PROVIDER_AUTH_FAILED"],
    ["a token endpoint that is down", { tokenDown: true }, "PROVIDER_UNAVAILABLE"],
    ["a token revoked on every call", { fault: { kind: "revoke-token" } as const }, "PROVIDER_AUTH_FAILED"],
    ["a permanent 500", { fault: { kind: "status", status: 500 } as const }, "PROVIDER_UNAVAILABLE"],
    ["a 429", { fault: { kind: "rate-limited", resetInMs: 60_000 } as const }, "PROVIDER_RATE_LIMITED"],
    ["a malformed body", { fault: { kind: "malformed-json" } as const }, "PROVIDER_BAD_RESPONSE"],
  ])("never appears in a log line, an error or a response after %s", async (_name, setup, code) => {
    const { response, lines, sim } = await scenario(setup);
    // The canary really was used: the simulator received it.
    expect(sim.requests.find((r) => r.kind === "token")?.body).toContain(CANARY);
    if (code === null) expect(response).toContain('"amount":"5400.00"');
    else expect(response).toContain(`"code":"${code}"`);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((line) => line.includes(CANARY))).toEqual([]);
    expect(response).not.toContain(CANARY);
    // Nor the bearer token the simulator issued.
    for (const token of sim.requests.map((r) => r.headers["authorization"]?.slice("Bearer ".length)).filter((t): t is string => t !== undefined)) {
      expect(lines.join("\n")).not.toContain(token);
    }
  });
});
