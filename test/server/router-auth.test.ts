import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "undici";
import { InMemoryProvider } from "../../src/providers/in-memory/index.js";
import { ProviderRegistry } from "../../src/providers/registry.js";
import { startSubgraph, type RunningSubgraph } from "../../src/server.js";
import { sampleInvoice } from "../helpers/invoices.js";
import { silentLogger } from "../helpers/subgraph.js";

const OLD = "old-router-secret-0123456789";
const NEW = "new-router-secret-9876543210";
let subgraph: RunningSubgraph;
let provider: InMemoryProvider;

beforeAll(async () => {
  provider = new InMemoryProvider({ id: "STULLER", invoices: [sampleInvoice("STULLER", "S-1", "PO-1")] });
  subgraph = await startSubgraph({ registry: new ProviderRegistry([provider]), logger: silentLogger, requestDeadlineMs: 5_000, introspection: false, routerSecrets: [OLD, NEW], port: 0, host: "127.0.0.1" });
});
afterAll(async () => subgraph.stop());

async function post(headers: Record<string, string>) {
  const response = await request(subgraph.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query: `{ invoicesByPurchaseOrder(purchaseOrderNumbers: ["PO-1"]) { invoices { number } } _service { sdl } }` }),
  });
  return { status: response.statusCode, text: await response.body.text() };
}

describe("router-only access", () => {
  it.each([
    ["no header", {}],
    ["a wrong secret of the same length, first byte differs", { "router-authorization": `X${NEW.slice(1)}` }],
    ["a wrong secret of the same length, last byte differs", { "router-authorization": `${NEW.slice(0, -1)}X` }],
    ["the secret in another header", { authorization: NEW }],
  ])("refuses %s with 401, no schema text and no upstream call (D1, D2)", async (_label, headers) => {
    provider.calls.length = 0;
    const { status, text } = await post(headers);
    expect(status).toBe(401);
    expect(text).not.toContain("Invoice");
    expect(provider.calls).toEqual([]);
  });

  it.each([["the new secret", NEW], ["the old secret during a rotation", OLD]])("serves a request carrying %s (D3)", async (_label, secret) => {
    const { status, text } = await post({ "Router-Authorization": secret });
    expect(status).toBe(200);
    expect(text).toContain('"number":"S-1"');
  });
});
