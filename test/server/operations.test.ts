import { describe, expect, it } from "vitest";
import { request } from "undici";
import { ProviderRegistry } from "../../src/providers/registry.js";
import { startSubgraph } from "../../src/server.js";
import { createTransport } from "../../src/http/transport.js";
import { startLoopbackServer } from "../helpers/loopback-server.js";
import { silentLogger } from "../helpers/subgraph.js";

describe("operations endpoints", () => {
  it("reports live and ready, then not ready while draining", async () => {
    const subgraph = await startSubgraph({ registry: new ProviderRegistry([]), logger: silentLogger, requestDeadlineMs: 1_000, introspection: false, routerSecrets: ["router-secret-0123456789"], port: 0, host: "127.0.0.1" });
    const base = subgraph.url.replace("/graphql", "");
    const live = await request(`${base}/health/live`);
    expect([live.statusCode, await live.body.json()]).toEqual([200, { status: "live" }]);
    const ready = await request(`${base}/health/ready`);
    expect([ready.statusCode, await ready.body.json()]).toEqual([200, { status: "ready" }]);
    await subgraph.stop({ cutAt: Date.now() + 100 });
  });

  it("serves Prometheus metrics with upstream attempts, failures and breaker state per provider, without the router secret", async () => {
    const upstream = await startLoopbackServer([{ status: 503 }, { status: 200, body: "{}" }]);
    // A deadline far away: the retry after the 503 must happen whatever the machine's load.
    const transport = createTransport({ provider: "STULLER", retry: { baseDelayMs: 1, maxDelayMs: 2 }, resilience: { breaker: { threshold: 0.5, size: 20, minimumNumberOfCalls: 10, halfOpenAfterMs: 1000, maxHalfOpenAfterMs: 1000 } } });
    await transport.request({ method: "GET", url: `${upstream.url}/v2/invoice`, retry: "idempotent" }, { signal: new AbortController().signal, deadline: Date.now() + 60_000, requestId: "m", logger: silentLogger });
    const subgraph = await startSubgraph({ registry: new ProviderRegistry([]), logger: silentLogger, requestDeadlineMs: 1_000, introspection: false, routerSecrets: ["router-secret-0123456789"], port: 0, host: "127.0.0.1" });
    const response = await request(subgraph.url.replace("/graphql", "/metrics"));
    const text = await response.body.text();
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/plain");
    expect(text).toMatch(/invoices_upstream_attempts_total\{provider="STULLER",method="GET",outcome="5xx"\} [1-9]/);
    expect(text).toMatch(/invoices_upstream_attempts_total\{provider="STULLER",method="GET",outcome="2xx"\} [1-9]/);
    expect(text).toContain('invoices_circuit_breaker_state{provider="STULLER",state="closed"} 1');
    expect(text).toContain("invoices_upstream_attempt_duration_seconds_bucket");
    expect(text).toContain("invoices_unknown_codes_total");
    await subgraph.stop({ cutAt: Date.now() + 100 });
    await transport.close();
    await upstream.close();
  });
});
