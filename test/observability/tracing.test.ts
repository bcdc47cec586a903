// Distributed tracing end to end: a real OTLP/HTTP receiver on loopback, the SDK started from
// the standard variables, the real subgraph over the four real provider clients (built the
// production way, with canary credentials) against their simulators, and requests that carry
// the router's `traceparent`.
import { randomBytes } from "node:crypto";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { context, ROOT_CONTEXT, trace, TraceFlags } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLookupCaches } from "../../src/cache/lookup-caches.js";
import { ProviderError } from "../../src/domain/errors.js";
import { createTransport } from "../../src/http/transport.js";
import { InProcessRateLimiter } from "../../src/http/rate-limiter.js";
import { createLogger } from "../../src/observability/logger.js";
import { startTracing, type Tracing } from "../../src/observability/tracing.js";
import { loadTracingConfig } from "../../src/observability/tracing-config.js";
import { traceLookup, traceRateLimitWait } from "../../src/observability/upstream-tracing.js";
import type { CallContext } from "../../src/providers/types.js";
import { processState } from "../../src/state/shared-state.js";
import { callsSince, startAllProviders, type AllProviders } from "../hardening/all-providers.js";
import { healAll, injectFault } from "../hardening/faults.js";
import { startLoopbackServer } from "../helpers/loopback-server.js";
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from "../helpers/otlp-receiver.js";
import { silentLogger } from "../helpers/subgraph.js";
import { gatedProvider, lookupsOver } from "./tracing-support.js";

const CANARY = "CANARY-7hQ+/=&<x>";
const ROUTER_CANARY = "ROUTER-CANARY-0123456789abcdef";
const EXPORT_KEY = "EXPORT-KEY-CANARY-5f1e9a";
const ROUTER = { "router-authorization": ROUTER_CANARY };
const SERVER = 2;
const CLIENT = 3;
const PROVIDERS = ["INGRAM_MICRO", "TD_SYNNEX", "FABRIC", "STULLER"] as const;

const QUERY = /* GraphQL */ `
  query InvoicesOfOrders($pos: [String!]!) {
    invoicesByPurchaseOrder(purchaseOrderNumbers: $pos) {
      invoices { provider number }
      failures { provider code }
    }
  }
`;

let receiver: OtlpReceiver;
let tracing: Tracing;
let harness: AllProviders;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  const config = loadTracingConfig({
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_HEADERS: `x-api-key=${encodeURIComponent(EXPORT_KEY)}`,
    OTEL_SERVICE_NAME: "invoices-subgraph",
  });
  // Spans leave only when a test flushes them.
  tracing = await startTracing(config, { scheduledDelayMs: 600_000 });
  const shared = processState();
  const lookups = createLookupCaches({
    store: shared.store,
    coordination: shared.coordination,
    settings: { lookupTtlSeconds: 600, invoiceTtlSeconds: 600, staleIfErrorSeconds: 0 },
    logger: silentLogger,
    refreshDeadlineMs: 5_000,
  });
  harness = await startAllProviders({ secret: CANARY, routerSecret: ROUTER_CANARY, productionLogger: true, lookups });
});

afterAll(async () => {
  await harness?.close();
  await tracing?.shutdown();
  await receiver?.close();
});

function routerTrace(sampled = true) {
  const traceId = randomBytes(16).toString("hex");
  const spanId = randomBytes(8).toString("hex");
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-${sampled ? "01" : "00"}` };
}

function spansOf(traceId: string): ReceivedSpan[] {
  return receiver.spans.filter((span) => span.traceId === traceId);
}

/** Flushes until `done` holds: a span can end a moment after the code that awaited its work. */
async function flushUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !done(); i++) {
    await tracing.forceFlush();
    if (!done()) await yieldToLoop();
  }
}

function logLines(): Array<Record<string, unknown>> {
  return harness.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
}

const ROUTES: Record<(typeof PROVIDERS)[number], readonly string[]> = {
  INGRAM_MICRO: ["/oauth/oauth30/token", "/resellers/v6/invoices", "/resellers/v5/invoices/{number}"],
  TD_SYNNEX: [],
  FABRIC: ["/auth/token/", "/v1/retailers/{retailerId}/invoices/", "/v1/retailers/{retailerId}/invoices/{id}/", "/v1/retailers/{retailerId}/invoices/{id}/acknowledge/"],
  STULLER: ["/v2/invoice"],
};

describe("a traced request", () => {
  const first = routerTrace();

  it("gives one trace under the router's trace id: the operation span, a lookup span per provider and an attempt span per upstream call", async () => {
    const before = harness.upstreamCalls();
    const { json } = await harness.post({ query: QUERY, variables: { pos: ["PO-1001", "PO-1002", "PO-1003"] } }, { ...ROUTER, traceparent: first.traceparent });
    expect((json.data?.["invoicesByPurchaseOrder"] as { failures: unknown[] }).failures).toEqual([]);
    const calls = callsSince(before, harness.upstreamCalls());
    // The router's trace context stays with us: the vendors' APIs never see it.
    expect(harness.simulators.ingram.requests.filter((r) => r.headers["traceparent"] !== undefined)).toEqual([]);
    const expected = 1 + PROVIDERS.length + PROVIDERS.reduce((sum, provider) => sum + calls[provider], 0);
    await flushUntil(() => spansOf(first.traceId).length >= expected);

    const spans = spansOf(first.traceId);
    expect(spans).toHaveLength(expected);
    const [operation, ...others] = spans.filter((span) => span.kind === SERVER);
    expect(others).toEqual([]);
    expect(operation).toMatchObject({
      name: "query InvoicesOfOrders",
      parentSpanId: first.spanId,
      attributes: { "graphql.operation.type": "query", "graphql.operation.name": "InvoicesOfOrders", "http.request.method": "POST", "http.route": "/graphql", "http.response.status_code": 200, "invoices.graphql.errors": 0 },
      resource: { "service.name": "invoices-subgraph" },
    });
    expect(operation?.attributes["invoices.request.id"]).toEqual(expect.any(String));

    for (const provider of PROVIDERS) {
      const lookups = spans.filter((span) => span.name.startsWith("lookup ") && span.attributes["invoices.provider"] === provider);
      expect(lookups, provider).toHaveLength(1);
      const lookup = lookups[0] as ReceivedSpan;
      expect(lookup).toMatchObject({
        name: `lookup ${provider} po`,
        parentSpanId: operation?.spanId,
        attributes: { "invoices.lookup.kind": "po", "invoices.lookup.keys": 3, "invoices.lookup.fetched": 3, "invoices.lookup.fresh": 0, "invoices.lookup.failed": 0, "invoices.lookup.coalesced": 0 },
      });
      // Only Ingram Micro's calls pass a rate limiter.
      expect(lookup.attributes["invoices.rate_limit.wait_ms"] !== undefined, provider).toBe(provider === "INGRAM_MICRO");

      const attempts = spans.filter((span) => span.kind === CLIENT && span.attributes["invoices.provider"] === provider);
      expect(attempts.length, provider).toBe(calls[provider]);
      expect(calls[provider], provider).toBeGreaterThan(0);
      for (const attempt of attempts) {
        expect(attempt.parentSpanId).toBe(lookup.spanId);
        expect(attempt.name).toBe(`${attempt.attributes["http.request.method"]} ${attempt.attributes["url.template"]}`);
        expect(attempt.attributes).toMatchObject({ "server.address": "127.0.0.1", "invoices.upstream.attempt": 1, "http.response.status_code": 200 });
        expect(attempt.attributes["http.response.body.size"]).toBeGreaterThan(0);
        const template = attempt.attributes["url.template"] as string;
        if (provider === "TD_SYNNEX") expect(template).toBe(new URL(harness.simulators.td.credentials.url).pathname);
        else expect(ROUTES[provider]).toContain(template);
      }
    }
  });

  it("is answered by the lookup cache the second time: lookup spans count fresh answers and no attempt span is made", async () => {
    const again = routerTrace();
    const before = harness.upstreamCalls();
    await harness.post({ query: QUERY, variables: { pos: ["PO-1001", "PO-1002", "PO-1003"] } }, { ...ROUTER, traceparent: again.traceparent });
    expect(callsSince(before, harness.upstreamCalls())).toEqual({ INGRAM_MICRO: 0, TD_SYNNEX: 0, FABRIC: 0, STULLER: 0 });
    await flushUntil(() => spansOf(again.traceId).length >= 5);
    const spans = spansOf(again.traceId);
    expect(spans.filter((span) => span.kind === CLIENT)).toEqual([]);
    const lookups = spans.filter((span) => span.name.startsWith("lookup "));
    expect(lookups).toHaveLength(4);
    for (const lookup of lookups) expect(lookup.attributes).toMatchObject({ "invoices.lookup.fresh": 3, "invoices.lookup.fetched": 0 });
  });

  it("writes log lines that carry the trace id and the id of the span they were written in", () => {
    const spans = spansOf(first.traceId);
    const lines = logLines().filter((line) => line["trace_id"] === first.traceId);
    const operation = spans.find((span) => span.kind === SERVER);
    const request = lines.find((line) => line["msg"] === "graphql request");
    expect(request).toMatchObject({ span_id: operation?.spanId, trace_flags: "01", operationName: "InvoicesOfOrders" });
    const upstream = lines.filter((line) => line["msg"] === "upstream attempt");
    expect(upstream.length).toBe(spans.filter((span) => span.kind === CLIENT).length);
    for (const line of upstream) {
      // Written after the attempt, in its lookup's span: the attempt span is that span's child with the same attempt number.
      const lookup = spans.find((span) => span.spanId === line["span_id"]);
      expect(lookup?.attributes["invoices.provider"]).toBe(line["provider"]);
      expect(spans.some((span) => span.parentSpanId === lookup?.spanId && span.attributes["invoices.upstream.attempt"] === line["attempt"])).toBe(true);
    }
  });

  it("records nothing when the router did not sample the trace, while its log lines still carry the trace id", async () => {
    const unsampled = routerTrace(false);
    await harness.post({ query: QUERY, variables: { pos: ["PO-NOT-SAMPLED"] } }, { ...ROUTER, traceparent: unsampled.traceparent });
    await tracing.forceFlush();
    expect(spansOf(unsampled.traceId)).toEqual([]);
    expect(logLines().filter((line) => line["trace_id"] === unsampled.traceId && line["msg"] === "upstream attempt").length).toBeGreaterThan(0);
    expect(logLines().find((line) => line["trace_id"] === unsampled.traceId)).toMatchObject({ trace_flags: "00" });
  });

  it("starts a trace of its own for a request without a traceparent", async () => {
    const before = receiver.spans.length;
    await harness.post({ query: "query Codes { reasonCodes { code } }" }, ROUTER);
    await flushUntil(() => receiver.spans.slice(before).some((span) => span.name === "query Codes"));
    const operation = receiver.spans.slice(before).find((span) => span.name === "query Codes");
    expect(operation).toMatchObject({ kind: SERVER, parentSpanId: "" });
  });
});

describe("what a span never carries", () => {
  it("records retries as attempt spans with the status, the resend count and an error type", async () => {
    injectFault(harness.simulators, "STULLER", "permanent-503");
    const traced = routerTrace();
    try {
      await harness.post({ query: QUERY, variables: { pos: ["PO-RETRIED"] } }, { ...ROUTER, traceparent: traced.traceparent });
    } finally {
      healAll(harness.simulators);
    }
    await flushUntil(() => spansOf(traced.traceId).some((span) => span.name.startsWith("lookup STULLER")));
    const attempts = spansOf(traced.traceId).filter((span) => span.kind === CLIENT && span.attributes["invoices.provider"] === "STULLER");
    expect(attempts.length).toBeGreaterThan(1);
    attempts.forEach((attempt, index) => {
      expect(attempt.attributes).toMatchObject({ "http.response.status_code": 503, "error.type": "503", "invoices.upstream.attempt": index + 1 });
      expect(attempt.statusCode).toBe(2);
      if (index > 0) expect(attempt.attributes["http.request.resend_count"]).toBe(index);
    });
    const lookup = spansOf(traced.traceId).find((span) => span.name === "lookup STULLER po");
    expect(lookup).toMatchObject({ statusCode: 2, attributes: { "invoices.lookup.failed": 1, "invoices.lookup.failure_codes": ["UNAVAILABLE"] } });
  });

  it("runs fabric's list and acknowledge calls and every provider's lookup by number", async () => {
    const traced = routerTrace();
    const headers = { ...ROUTER, traceparent: traced.traceparent };
    for (const [provider, number] of [["INGRAM_MICRO", "20-RCW67-11"], ["TD_SYNNEX", "66999999"], ["FABRIC", "FD-1002-A"], ["STULLER", "5123456"]] as const) {
      await harness.post({ query: `{ invoice(provider: ${provider}, number: "${number}") { number } }` }, headers);
    }
    const page = await harness.post({ query: "{ unacknowledgedInvoices(first: 2) { edges { node { id } } } }" }, headers);
    const ids = (page.json.data?.["unacknowledgedInvoices"] as { edges: Array<{ node: { id: string } }> }).edges.map((edge) => edge.node.id);
    await harness.post({ query: "mutation ($ids: [ID!]!) { acknowledgeInvoices(ids: $ids) { acknowledged } }", variables: { ids } }, headers);
    await flushUntil(() => spansOf(traced.traceId).some((span) => span.name.startsWith("mutation")));
    const templates = new Set(spansOf(traced.traceId).map((span) => span.attributes["url.template"]));
    expect(templates).toContain("/v1/retailers/{retailerId}/invoices/{id}/acknowledge/");
    expect(templates).toContain("/v1/retailers/{retailerId}/invoices/");
  });

  it("exports no credential, token, export key, query string, body, host userinfo, purchase order or invoice number, and no attribute outside the documented set", async () => {
    await tracing.forceFlush();
    const exported = receiver.requests.map((request) => request.body).join("\n");
    expect(receiver.spans.length).toBeGreaterThan(50);
    const stuller = harness.simulators.stuller.credentials.username;
    const forbidden = [
      CANARY,
      encodeURIComponent(CANARY),
      JSON.stringify(CANARY).slice(1, -1),
      Buffer.from(`${stuller}:${CANARY}`).toString("base64"),
      "CANARY",
      ROUTER_CANARY,
      EXPORT_KEY,
      "Bearer",
      "Basic ",
      "access_token",
      "client_secret",
      "grant_type",
      "customerNumber",
      "customerOrderNumber",
      "PurchaseOrderNumber",
      "isoCountryCode",
      "20-123456",
      "retailers/1234",
      "PO-10",
      "PO-RETRIED",
      "20-RCW67-11",
      "FD-1002-A",
      "?",
      "<",
      "http://",
      "127.0.0.1:",
    ];
    for (const text of forbidden) expect(exported.includes(text), `the export contains ${text}`).toBe(false);

    const documented = new Set([
      "http.request.method",
      "http.route",
      "http.response.status_code",
      "graphql.operation.type",
      "graphql.operation.name",
      "invoices.request.id",
      "invoices.graphql.errors",
      "invoices.provider",
      "invoices.lookup.kind",
      "invoices.lookup.keys",
      "invoices.lookup.fresh",
      "invoices.lookup.fetched",
      "invoices.lookup.revalidating",
      "invoices.lookup.stale",
      "invoices.lookup.failed",
      "invoices.lookup.coalesced",
      "invoices.lookup.failure_codes",
      "invoices.rate_limit.wait_ms",
      "server.address",
      "server.port",
      "invoices.upstream.attempt",
      "url.template",
      "http.request.resend_count",
      "http.response.body.size",
      "error.type",
    ]);
    const keys = new Set(receiver.spans.flatMap((span) => [...Object.keys(span.attributes), ...span.events.flatMap((event) => Object.keys(event.attributes))]));
    expect([...keys].filter((key) => !documented.has(key) && key !== "invoices.rate_limit.granted")).toEqual([]);
  });

  it("sends the export headers to the collector, and never writes them in a log line", () => {
    expect(receiver.requests.length).toBeGreaterThan(0);
    for (const request of receiver.requests) expect(request.headers["x-api-key"]).toBe(EXPORT_KEY);
    expect(harness.logs.join("\n")).not.toContain(EXPORT_KEY);
  });
});

describe("the seams below the request", () => {
  const call = (): CallContext => ({ signal: new AbortController().signal, deadline: Date.now() + 5_000, requestId: "seam", logger: silentLogger });
  const inTrace = <T>(traceId: string, run: () => Promise<T>) =>
    context.with(trace.setSpan(ROOT_CONTEXT, trace.wrapSpanContext({ traceId, spanId: randomBytes(8).toString("hex"), traceFlags: TraceFlags.SAMPLED })), run);

  it("counts a lookup that joined another request's call as coalesced, and leaves the call's spans to the request that led it", async () => {
    const provider = gatedProvider();
    const lookups = lookupsOver(provider);
    const [leader, joiner] = [routerTrace(), routerTrace()];
    const led = inTrace(leader.traceId, () => traceLookup(lookups, "po", ["PO-1"], call(), "FABRIC"));
    const joined = inTrace(joiner.traceId, () => traceLookup(lookups, "po", ["PO-1"], call(), "FABRIC"));
    provider.open();
    await Promise.all([led, joined]);
    expect(provider.calls).toBe(1);
    await flushUntil(() => spansOf(joiner.traceId).length > 0 && spansOf(leader.traceId).length > 0);
    expect(spansOf(leader.traceId)[0]?.attributes).toMatchObject({ "invoices.lookup.coalesced": 0, "invoices.lookup.fetched": 1 });
    expect(spansOf(joiner.traceId)[0]?.attributes).toMatchObject({ "invoices.lookup.coalesced": 1, "invoices.lookup.fetched": 1 });
  });

  it("refreshes a stale answer in a trace of its own, linked to the lookup that found it stale", async () => {
    let now = 1_000_000;
    const provider = gatedProvider();
    provider.open();
    const lookups = lookupsOver(provider, () => now);
    await traceLookup(lookups, "po", ["PO-2"], call(), "FABRIC");
    now += 90_000; // past the 60 s window, within twice it: served while one refresh runs
    const triggering = routerTrace();
    const answers = await inTrace(triggering.traceId, () => traceLookup(lookups, "po", ["PO-2"], call(), "FABRIC"));
    expect(answers.map((answer) => answer.kind)).toEqual(["revalidating"]);
    await flushUntil(() => receiver.spans.some((span) => span.name === "refresh FABRIC po" && span.links[0]?.traceId === triggering.traceId));
    const lookup = spansOf(triggering.traceId).find((span) => span.name === "lookup FABRIC po");
    const refresh = receiver.spans.find((span) => span.name === "refresh FABRIC po" && span.links[0]?.traceId === triggering.traceId);
    expect(lookup?.attributes["invoices.lookup.revalidating"]).toBe(1);
    expect(refresh).toMatchObject({ parentSpanId: "", links: [{ traceId: triggering.traceId, spanId: lookup?.spanId }], attributes: { "invoices.lookup.keys": 1 } });
    expect(refresh?.traceId).not.toBe(triggering.traceId);
    expect(provider.calls).toBe(2);
  });

  it("notes a rate limiter's wait and its refusal on the lookup span", async () => {
    const limiter = new InProcessRateLimiter({ provider: "INGRAM_MICRO", limit: 1, windowMs: 30, callRoomMs: 0 });
    const traced = routerTrace();
    const lookups = {
      async load(_kind: string, keys: readonly string[], c: CallContext) {
        (await traceRateLimitWait(limiter.acquire(c))).release();
        // The window is spent: this one waits for it.
        (await traceRateLimitWait(limiter.acquire(c))).release();
        // No slot can come before this deadline: refused at once.
        await traceRateLimitWait(limiter.acquire({ signal: c.signal, deadline: Date.now() })).catch(() => {});
        return keys.map(() => ({ kind: "failed" as const, error: new ProviderError("INGRAM_MICRO", "RATE_LIMITED", "limited") }));
      },
      forget: async () => {},
    };
    await inTrace(traced.traceId, () => traceLookup(lookups, "po", ["PO-3"], call(), "INGRAM_MICRO"));
    await flushUntil(() => spansOf(traced.traceId).length > 0);
    const [lookup] = spansOf(traced.traceId);
    expect(lookup?.attributes["invoices.rate_limit.wait_ms"]).toEqual(expect.any(Number));
    expect(lookup?.events.map((event) => event.attributes["invoices.rate_limit.granted"])).toEqual([true, false]);
  });

  it("keeps a call queued in the bulkhead in its own caller's trace, and sends the vendor no trace context", async () => {
    const upstream = await startLoopbackServer([{ status: 200, body: "{}" }]);
    const transport = createTransport({ provider: "STULLER", resilience: { bulkhead: { limit: 1, queue: 10 } } });
    try {
      const traces = [routerTrace(), routerTrace(), routerTrace()];
      // One runs, the others wait in the bulkhead and start when the one before them ends.
      await Promise.all(traces.map((t) => inTrace(t.traceId, () => transport.request({ method: "GET", url: `${upstream.url}/v2/invoice`, route: "/v2/invoice", retry: "idempotent" }, call()))));
      await flushUntil(() => traces.every((t) => spansOf(t.traceId).length === 1));
      for (const t of traces) expect(spansOf(t.traceId).map((span) => span.name)).toEqual(["GET /v2/invoice"]);
      // A third party gets no traceparent, tracestate or baggage from us.
      expect(upstream.requests.flatMap((r) => Object.keys(r.headers)).filter((name) => ["traceparent", "tracestate", "baggage"].includes(name))).toEqual([]);
    } finally {
      await transport.close();
      await upstream.close();
    }
  });

  it("gives log lines written inside a span its ids, and still scrubs them", async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
    const traced = routerTrace();
    await inTrace(traced.traceId, async () => logger.info({ note: `client_secret=${CANARY}` }, "inside"));
    logger.info("outside");
    const [inside, outside] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(inside).toMatchObject({ trace_id: traced.traceId, span_id: expect.any(String), trace_flags: "01", msg: "inside" });
    expect(lines[0]).not.toContain(CANARY);
    expect(outside).not.toHaveProperty("trace_id");
  });
});
