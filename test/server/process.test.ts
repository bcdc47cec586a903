// The real entry point as a child process: sandbox start, SIGTERM, and start-up refusals.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { request } from "undici";

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
  it("starts in sandbox mode with nothing configured, answers, and exits 0 on SIGTERM", { timeout: 40_000 }, async () => {
    const child = start({ PORT: "0" });
    try {
      const url = await readyUrl(child);
      expect(child.output()).toContain("Example queries:");
      const response = await request(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ reasonCodes { code } }" }) });
      expect(response.statusCode).toBe(200);
      await response.body.dump();
      child.kill("SIGTERM");
      expect(await child.exited).toBe(0);
    } finally {
      child.kill("SIGKILL");
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
