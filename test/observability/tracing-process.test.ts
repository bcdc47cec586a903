// The real entry point as a child process with tracing on: it continues the router's trace and
// exports the last spans while it shuts down; a bad OTEL_* variable stops it at start.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "undici";
import { startOtlpReceiver, type OtlpReceiver } from "../helpers/otlp-receiver.js";

const TSX = new URL("../../node_modules/.bin/tsx", import.meta.url).pathname;
const MAIN = new URL("../../src/main.ts", import.meta.url).pathname;

function start(env: Record<string, string>) {
  const child = spawn(TSX, [MAIN], { env: { PATH: process.env["PATH"] ?? "", LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { output: () => output, exited, kill: (signal: NodeJS.Signals) => child.kill(signal) };
}

async function readyUrl(output: () => string, timeoutMs = 20_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const match = /ready at (http:\/\/\S+\/graphql)/.exec(output());
    if (match?.[1]) return match[1];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ready line:\n${output()}`);
}

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(async () => {
  await receiver?.close();
});

describe("the subgraph process with tracing", () => {
  it("continues the router's trace and exports its spans on SIGTERM, before it exits", { timeout: 40_000 }, async () => {
    const child = start({
      PORT: "0",
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      // Nothing leaves on the batch timer: what arrives was flushed by the shutdown.
      OTEL_BSP_SCHEDULE_DELAY: "600000",
      SHUTDOWN_DELAY_MS: "0",
      SHUTDOWN_GRACE_MS: "3000",
    });
    try {
      const url = await readyUrl(child.output);
      const traceId = randomBytes(16).toString("hex");
      const parent = randomBytes(8).toString("hex");
      const response = await request(url, {
        method: "POST",
        headers: { "content-type": "application/json", traceparent: `00-${traceId}-${parent}-01` },
        body: JSON.stringify({ query: `query Sandbox { invoicesByPurchaseOrder(purchaseOrderNumbers: ["PO-1001"]) { invoices { number } } }` }),
      });
      expect(response.statusCode).toBe(200);
      await response.body.text();
      expect(receiver.spans).toEqual([]);
      child.kill("SIGTERM");
      expect(await child.exited).toBe(0);
      const spans = receiver.spans.filter((span) => span.traceId === traceId);
      expect(spans.find((span) => span.name === "query Sandbox")?.parentSpanId).toBe(parent);
      expect(spans.filter((span) => span.name.startsWith("lookup ")).length).toBe(4);
      expect(spans.filter((span) => span.kind === 3).length).toBeGreaterThanOrEqual(4);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("refuses to start on a bad OTEL_* variable, naming it and never its value", { timeout: 30_000 }, async () => {
    const child = start({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://user:CANARY-otel-start@collector:4318", OTEL_TRACES_SAMPLER: "CANARY" });
    expect(await child.exited).toBe(1);
    expect(child.output()).toContain("OTEL_EXPORTER_OTLP_ENDPOINT must not contain credentials");
    expect(child.output()).toContain("OTEL_TRACES_SAMPLER must be one of");
    expect(child.output()).not.toContain("CANARY");
  });
});
