import { describe, expect, it } from "vitest";
import { request } from "undici";
import { InMemoryProvider } from "../../src/providers/in-memory/index.js";
import { ProviderRegistry } from "../../src/providers/registry.js";
import { startSubgraph } from "../../src/server.js";
import { sampleInvoice } from "../helpers/invoices.js";
import { silentLogger } from "../helpers/subgraph.js";

describe("graceful shutdown", () => {
  it("finishes every request in flight, then refuses new connections (A17)", async () => {
    const provider = new InMemoryProvider({ id: "STULLER", invoices: [sampleInvoice("STULLER", "S-1", "PO-1")], latencyMs: 300 });
    const subgraph = await startSubgraph({ registry: new ProviderRegistry([provider]), logger: silentLogger, requestDeadlineMs: 5_000, introspection: false, port: 0, host: "127.0.0.1" });
    const query = JSON.stringify({ query: `{ invoicesByPurchaseOrder(purchaseOrderNumbers: ["PO-1"]) { invoices { number } } }` });
    const inFlight = Array.from({ length: 10 }, () =>
      request(subgraph.url, { method: "POST", headers: { "content-type": "application/json" }, body: query }).then(async (r) => ({ status: r.statusCode, text: await r.body.text() })),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopped = subgraph.stop({ cutAt: Date.now() + 5_000 });
    const results = await Promise.all(inFlight);
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    for (const r of results) expect(r.text).toContain('"number":"S-1"');
    await stopped;
    await expect(request(subgraph.url, { method: "POST", headers: { "content-type": "application/json" }, body: query })).rejects.toThrow();
  });
});
