// With no OTLP endpoint (or the SDK disabled), tracing is off and free: no SDK, the API's no-op
// tracer and context manager, and every seam hands back what it was given.
import { Writable } from "node:stream";
import { context, ROOT_CONTEXT, trace } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/observability/logger.js";
import { activeTracing, bindTraceContext, startTracing, traceLogFields, tracingEnabled } from "../../src/observability/tracing.js";
import { loadTracingConfig } from "../../src/observability/tracing-config.js";
import { endAttemptSpan, startAttemptSpan, traceLookup, traceRateLimitWait, traceRefresh } from "../../src/observability/upstream-tracing.js";
import { InMemoryProvider } from "../../src/providers/in-memory/index.js";
import { ProviderRegistry } from "../../src/providers/registry.js";
import { startSubgraph, type RunningSubgraph } from "../../src/server.js";
import { sampleInvoice } from "../helpers/invoices.js";
import { silentLogger } from "../helpers/subgraph.js";

const ENDPOINT = "http://127.0.0.1:4318";
const lines: string[] = [];
let subgraph: RunningSubgraph;

beforeAll(async () => {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  const provider = new InMemoryProvider({ id: "STULLER", invoices: [sampleInvoice("STULLER", "5123456", "PO-1001")] });
  subgraph = await startSubgraph({
    registry: new ProviderRegistry([provider]),
    logger: createLogger({ level: "info", destination }),
    requestDeadlineMs: 5_000,
    introspection: false,
    port: 0,
    host: "127.0.0.1",
  });
});

afterAll(async () => {
  await subgraph?.stop({ cutAt: Date.now() });
});

describe("tracing when no endpoint is configured", () => {
  it.each([
    [{}, "no endpoint"],
    [{ OTEL_SERVICE_NAME: "invoices", OTEL_TRACES_SAMPLER: "always_on" }, "no endpoint"],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: ENDPOINT, OTEL_SDK_DISABLED: "TRUE" }, "OTEL_SDK_DISABLED"],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: ENDPOINT, OTEL_TRACES_EXPORTER: "none" }, "OTEL_TRACES_EXPORTER=none"],
  ] as const)("is off with %j, and starting it creates no SDK", async (env, reason) => {
    const config = loadTracingConfig(env);
    expect(config).toEqual({ enabled: false, reason });
    const tracing = await startTracing(config);
    expect(tracing.enabled).toBe(false);
    expect(tracingEnabled()).toBe(false);
    expect(activeTracing()).toBeNull();
    await tracing.forceFlush();
    await tracing.shutdown();
  });

  it("leaves the API's no-op tracer and context manager in place", () => {
    const span = trace.getTracer("invoices-subgraph").startSpan("anything");
    expect(span.isRecording()).toBe(false);
    expect(trace.isSpanContextValid(span.spanContext())).toBe(false);
    expect(context.with(trace.setSpan(ROOT_CONTEXT, span), () => context.active())).toBe(ROOT_CONTEXT);
  });

  it("hands every seam back what it was given: the same promise, the same function, no span, no log fields", async () => {
    const pending = Promise.resolve("permit");
    expect(traceRateLimitWait(pending)).toBe(pending);
    const work = () => Promise.resolve(1);
    expect(bindTraceContext(work)).toBe(work);
    expect(startAttemptSpan("STULLER", "GET", "/v2/invoice", new URL("https://api.stuller.com/v2/invoice?PurchaseOrderNumber=PO-1"), 1)).toBeNull();
    const attempt = Promise.resolve({ kind: "response" as const, status: 200, bytes: 2 });
    expect(endAttemptSpan(null, attempt)).toBe(attempt);
    const loaded = Promise.resolve([]);
    const lookups = { load: () => loaded, forget: async () => {} };
    const call = { signal: new AbortController().signal, deadline: Date.now() + 1_000, requestId: "off", logger: silentLogger };
    expect(traceLookup(lookups, "po", ["PO-1"], call, "STULLER")).toBe(loaded);
    expect(traceRefresh("STULLER", "po", 1, () => loaded)).toBe(loaded);
    expect(traceLogFields()).toEqual({});
    expect(Object.isFrozen(traceLogFields())).toBe(true);
  });

  it("serves a request that carries a traceparent as before, with no trace fields in its log lines", async () => {
    const response = await fetch(subgraph.url, {
      method: "POST",
      headers: { "content-type": "application/json", traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" },
      body: JSON.stringify({ query: `{ invoicesByPurchaseOrder(purchaseOrderNumbers: ["PO-1001"]) { invoices { number } } }` }),
    });
    expect(await response.json()).toEqual({ data: { invoicesByPurchaseOrder: { invoices: [{ number: "5123456" }] } } });
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.some((line) => line["msg"] === "graphql request")).toBe(true);
    for (const line of logged) {
      expect(line).not.toHaveProperty("trace_id");
      expect(line).not.toHaveProperty("span_id");
    }
  });
});
