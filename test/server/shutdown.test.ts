// Shutdown in two phases, in process, against an upstream that never answers: readiness 503
// at once while the subgraph still serves for the delay; then no new connections, requests
// in flight finish; at the grace period the upstream calls still running are cut and their
// requests answered with typed TIMEOUT failures, not cut connections. The end of the delay is
// the test's to choose (an injected sleep), so nothing races the machine's speed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "undici";
import { shutDown } from "../../src/front/shutdown.js";
import { ShutdownAbort } from "../../src/http/failures.js";
import { createStullerProvider } from "../../src/providers/stuller/index.js";
import { ProviderRegistry } from "../../src/providers/registry.js";
import { InMemoryProvider } from "../../src/providers/in-memory/index.js";
import { startSubgraph, type RunningSubgraph } from "../../src/server.js";
import { sampleInvoice } from "../helpers/invoices.js";
import { startLoopbackServer, type LoopbackServer } from "../helpers/loopback-server.js";
import { silentLogger } from "../helpers/subgraph.js";

const LOOKUP = JSON.stringify({ query: `{ invoicesByPurchaseOrder(purchaseOrderNumbers: ["PO-1"]) { invoices { number } failures { provider code message } } }` });

async function post(url: string, body = LOOKUP) {
  const response = await request(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  return { status: response.statusCode, text: await response.body.text() };
}

/** A promise the test resolves: the end of the shutdown delay. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe("two-phase shutdown with an upstream that never answers", () => {
  let upstream: LoopbackServer;
  let subgraph: RunningSubgraph;
  const cut = new AbortController();

  beforeAll(async () => {
    upstream = await startLoopbackServer(["stall"]);
    // Stuller stands for any provider: its calls hang until something cuts them.
    const stuller = createStullerProvider({ baseUrl: new URL(upstream.url), username: "u", password: "p" }, { logger: silentLogger, transport: { headersTimeoutMs: 60_000, bodyTimeoutMs: 60_000 } });
    subgraph = await startSubgraph({
      registry: new ProviderRegistry([stuller]),
      logger: silentLogger,
      requestDeadlineMs: 60_000,
      introspection: false,
      shutdownSignal: cut.signal,
      port: 0,
      host: "127.0.0.1",
    });
  });

  afterAll(async () => {
    await upstream.close();
  });

  it("answers readiness 503 during the delay, serves what arrives then, and answers every stuck request with TIMEOUT at the grace period", async () => {
    const base = subgraph.url.replace("/graphql", "");
    const inFlight = post(subgraph.url);
    await expectEventually(() => upstream.requests.length === 1);

    const delay = gate();
    let released = false;
    const done = shutDown({
      subgraph,
      delayMs: 1,
      graceMs: 1_000,
      cutUpstream: () => cut.abort(new ShutdownAbort()),
      release: async () => void (released = true),
      sleep: () => delay.opened,
    });

    // The delay: not ready, on a new connection, yet still serving.
    const ready = await request(`${base}/health/ready`, { reset: true });
    expect([ready.statusCode, await ready.body.json()]).toEqual([503, { status: "draining" }]);
    const arrivedInDelay = post(subgraph.url);
    await expectEventually(() => upstream.requests.length === 2);

    delay.open();
    await done;
    expect(released).toBe(true);
    for (const answer of await Promise.all([inFlight, arrivedInDelay])) {
      expect(answer.status).toBe(200);
      const body = JSON.parse(answer.text) as { data: { invoicesByPurchaseOrder: { failures: Array<{ code: string; message: string }> } } };
      expect(body.data.invoicesByPurchaseOrder.failures).toEqual([
        { provider: "STULLER", code: "TIMEOUT", message: "The call to Stuller was cut because this subgraph replica is shutting down; ask again" },
      ]);
    }
    // After the delay no new connection is accepted.
    await expect(post(subgraph.url)).rejects.toThrow();
  });
});

describe("shutdown with quick requests in flight", () => {
  it("finishes every request in flight before closing, and cuts nothing (A17)", async () => {
    const provider = new InMemoryProvider({ id: "STULLER", invoices: [sampleInvoice("STULLER", "S-1", "PO-1")], latencyMs: 200 });
    const cut = new AbortController();
    const subgraph = await startSubgraph({ registry: new ProviderRegistry([provider]), logger: silentLogger, requestDeadlineMs: 5_000, introspection: false, shutdownSignal: cut.signal, port: 0, host: "127.0.0.1" });
    const inFlight = Array.from({ length: 10 }, () => post(subgraph.url));
    await expectEventually(() => provider.calls.length === 10);
    await shutDown({ subgraph, delayMs: 0, graceMs: 30_000, cutUpstream: () => cut.abort(new ShutdownAbort()), release: async () => {} });
    const results = await Promise.all(inFlight);
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    for (const r of results) expect(r.text).toContain('"number":"S-1"');
    expect(cut.signal.aborted).toBe(false);
    await expect(post(subgraph.url)).rejects.toThrow();
  });
});

async function expectEventually(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}
