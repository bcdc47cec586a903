import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "undici";
import { ProviderRegistry } from "../../src/providers/registry.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { startSubgraph, type RunningSubgraph } from "../../src/server.js";
import { processState } from "../../src/state/shared-state.js";
import { silentLogger } from "../helpers/subgraph.js";

let sandbox: Sandbox;
let subgraph: RunningSubgraph;

beforeAll(async () => {
  sandbox = await startSandbox({ logger: silentLogger, shared: processState() });
  subgraph = await startSubgraph({
    registry: new ProviderRegistry(sandbox.providers),
    logger: silentLogger,
    requestDeadlineMs: 5_000,
    introspection: true,
    port: 0,
    host: "127.0.0.1",
  });
});

afterAll(async () => {
  await subgraph.stop();
  await sandbox.stop();
});

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await request(subgraph.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.statusCode, body: (await response.body.json()) as { data?: Record<string, unknown>; errors?: unknown[] } };
}

describe("the HTTP endpoint in sandbox mode", () => {
  it("answers reasonCodes", async () => {
    const { status, body } = await post({ query: "{ reasonCodes { code description } }" });
    expect(status).toBe(200);
    expect((body.data?.["reasonCodes"] as unknown[]).length).toBeGreaterThan(60);
  });

  it("serves the federation SDL with the entities and the link to federation v2", async () => {
    const { body } = await post({ query: "{ _service { sdl } }" });
    const sdl = (body.data?.["_service"] as { sdl: string }).sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toMatch(/type Invoice\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type PurchaseOrder\s+@key\(fields: "number"\)/);
  });

  it("serves the sample purchase orders across every provider", async () => {
    const { body } = await post({
      query: `{ invoicesByPurchaseOrder(purchaseOrderNumbers: ${JSON.stringify(sandbox.purchaseOrders)}) { invoices { provider } failures { code } } }`,
    });
    const lookup = body.data?.["invoicesByPurchaseOrder"] as { invoices: Array<{ provider: string }>; failures: unknown[] };
    expect(new Set(lookup.invoices.map((i) => i.provider))).toEqual(new Set(["INGRAM_MICRO", "TD_SYNNEX", "FABRIC", "STULLER"]));
    expect(lookup.failures).toEqual([]);
  });

  it("rejects batched operations and a body that is not JSON with 400", async () => {
    expect((await post([{ query: "{ __typename }" }, { query: "{ __typename }" }])).status).toBe(400);
    const response = await request(subgraph.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(response.statusCode).toBe(400);
    await response.body.dump();
  });

  it("blocks a simple-content-type POST as a possible CSRF", async () => {
    const response = await request(subgraph.url, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(response.statusCode).toBe(400);
    await response.body.dump();
  });

  it("answers 404 outside /graphql", async () => {
    const response = await request(subgraph.url.replace("/graphql", "/nope"));
    expect(response.statusCode).toBe(404);
    await response.body.dump();
  });
});
