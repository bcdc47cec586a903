// The real entry point as a child process: sandbox start, SIGTERM, and start-up refusals.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { request } from "undici";
import { startLoopbackServer } from "../helpers/loopback-server.js";

const TSX = new URL("../../node_modules/.bin/tsx", import.meta.url).pathname;
const MAIN = new URL("../../src/main.ts", import.meta.url).pathname;

interface Child {
  readonly output: () => string;
  readonly exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

function start(env: Record<string, string>): Child {
  const child = spawn(TSX, [MAIN], { env: { PATH: process.env["PATH"] ?? "", LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { output: () => output, exited, kill: (signal) => child.kill(signal) };
}

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function readyUrl(child: Child, timeoutMs = 20_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const match = /ready at (http:\/\/\S+\/graphql)/.exec(child.output());
    if (match?.[1]) return match[1];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ready line:\n${child.output()}`);
}

describe("the subgraph process", () => {
  it("starts in sandbox mode with nothing configured, answers, and exits at once on a second signal", { timeout: 40_000 }, async () => {
    const child = start({ PORT: "0", LOG_LEVEL: "info", SHUTDOWN_DELAY_MS: "20000", SHUTDOWN_GRACE_MS: "30000" });
    try {
      const url = await readyUrl(child);
      expect(child.output()).toContain("Example queries:");
      const response = await request(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ reasonCodes { code } }" }) });
      expect(response.statusCode).toBe(200);
      await response.body.dump();
      child.kill("SIGTERM");
      // The first signal starts a 20 s delay; the second ends the process now.
      await waitFor(() => child.output().includes("shutting down"));
      child.kill("SIGINT");
      expect(await child.exited).toBe(130);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("after SIGTERM answers readiness 503, cuts an upstream that never answers at the grace period with a TIMEOUT answer, and exits 0", { timeout: 40_000 }, async () => {
    const upstream = await startLoopbackServer(["stall"]);
    const child = start({
      PORT: "0",
      LOG_LEVEL: "info",
      STULLER_BASE_URL: upstream.url,
      STULLER_USERNAME: "user",
      STULLER_PASSWORD: "password",
      REQUEST_DEADLINE_MS: "60000",
      SHUTDOWN_DELAY_MS: "2000",
      SHUTDOWN_GRACE_MS: "3000",
    });
    try {
      const url = await readyUrl(child);
      const query = JSON.stringify({ query: `{ invoicesByPurchaseOrder(purchaseOrderNumbers: ["PO-1"]) { failures { provider code message } } }` });
      const inFlight = request(url, { method: "POST", headers: { "content-type": "application/json" }, body: query }).then(async (r) => ({ status: r.statusCode, body: await r.body.text() }));
      await waitFor(() => upstream.requests.length === 1);
      const signalledAt = Date.now();
      child.kill("SIGTERM");
      // The signal reaches the process through tsx: probe once the process says it got it.
      await waitFor(() => child.output().includes("shutting down"));
      const ready = await request(url.replace("/graphql", "/health/ready"), { reset: true });
      expect([ready.statusCode, await ready.body.json()]).toEqual([503, { status: "draining" }]);

      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({
        data: { invoicesByPurchaseOrder: { failures: [{ provider: "STULLER", code: "TIMEOUT", message: "The call to Stuller was cut because this subgraph replica is shutting down; ask again" }] } },
      });
      expect(await child.exited).toBe(0);
      // Bounded by the grace period, not by the upstream (which never answered) or the 60 s deadline.
      expect(Date.now() - signalledAt).toBeLessThan(20_000);
    } finally {
      child.kill("SIGKILL");
      await upstream.close();
    }
  });

  it.each([
    [{ INGRAM_CLIENT_SECRET: "CANARY-start-secret" }, "INGRAM_CLIENT_ID, INGRAM_CUSTOMER_NUMBER, INGRAM_COUNTRY_CODE must be set"],
    [{ STULLER_USERNAME: "u", STULLER_PASSWORD: "CANARY-start-secret", STULLER_BASE_URL: "http://stuller.example.com" }, "STULLER_BASE_URL must use https"],
    [{ SANDBOX: "0" }, "SANDBOX=0"],
  ])("refuses to start on bad configuration, naming the variable and never the secret: %j", { timeout: 30_000 }, async (env, message) => {
    const child = start(env);
    expect(await child.exited).toBe(1);
    expect(child.output()).toContain(message);
    expect(child.output()).not.toContain("CANARY");
  });
});
