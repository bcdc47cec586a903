// Hostile queries (reliability-notes §8 C) are rejected with HTTP 400 before any resolver
// runs, while the queries a router really sends keep passing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "undici";
import { InMemoryProvider } from "../../src/providers/in-memory/index.js";
import { ProviderRegistry } from "../../src/providers/registry.js";
import { startSubgraph, type RunningSubgraph } from "../../src/server.js";
import { encodeInvoiceId } from "../../src/domain/ids.js";
import { sampleInvoice } from "../helpers/invoices.js";
import { silentLogger } from "../helpers/subgraph.js";

let subgraph: RunningSubgraph;
let provider: InMemoryProvider;

beforeAll(async () => {
  provider = new InMemoryProvider({ id: "FABRIC", invoices: [sampleInvoice("FABRIC", "F-1", "PO-1")], acknowledgement: true });
  subgraph = await startSubgraph({ registry: new ProviderRegistry([provider]), logger: silentLogger, requestDeadlineMs: 5_000, introspection: false, port: 0, host: "127.0.0.1" });
});
afterAll(async () => subgraph.stop());

async function post(query: string, variables?: Record<string, unknown>) {
  provider.calls.length = 0;
  const response = await request(subgraph.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  const body = (await response.body.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  return { status: response.statusCode, body, upstreamCalls: provider.calls.length };
}

const nested = (depth: number) => {
  let selection = "number";
  for (let i = 0; i < depth; i++) selection = `purchaseOrder { invoices { ${selection} } }`;
  return `{ invoice(provider: FABRIC, number: "F-1") { ${selection} } }`;
};

describe("query limits", () => {
  it.each([
    ["a depth-12 nested query (C1)", () => post(nested(6)), /depth limit of 10 exceeded/i],
    ["20 aliases of invoice (C3)", () => post(`{ ${Array.from({ length: 20 }, (_, i) => `a${i}: invoice(provider: FABRIC, number: "${i}") { number }`).join(" ")} }`), /aliases limit of 15 exceeded/i],
    ["a 10,000-token document (C4)", () => post(`{ ${"__typename ".repeat(10_000)} }`), /Document contains more th\w+ 2000 tokens/],
    ["100 @include directives (C5)", () => post(`{ reasonCodes { code ${"@include(if: true) ".repeat(100)} } }`), /directives limit of 50 exceeded/i],
    ["10,000 _entities representations (C10)", () => post(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on PurchaseOrder { number } } }`, { r: Array.from({ length: 10_000 }, (_, i) => ({ __typename: "PurchaseOrder", number: `PO-${i}` })) }), /_entities\(representations:\) accepts at most 500 entries, got 10000/],
    ["101 purchase orders inline", () => post(`{ invoicesByPurchaseOrder(purchaseOrderNumbers: [${Array.from({ length: 101 }, (_, i) => `"PO-${i}"`).join(",")}]) { invoices { id } } }`), /accepts at most 100 entries, got 101/],
    ["101 ids to acknowledge (variables)", () => post(`mutation ($ids: [ID!]!) { acknowledgeInvoices(ids: $ids) { id } }`, { ids: Array.from({ length: 101 }, () => encodeInvoiceId("FABRIC", "F-1")) }), /acknowledgeInvoices\(ids:\) accepts at most 100 entries, got 101/],
  ])("rejects %s with HTTP 400, a clear message and no upstream call", async (_label, send, message) => {
    const { status, body, upstreamCalls } = await send();
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(message);
    expect(upstreamCalls).toBe(0);
  });

  it("accepts a router-style _entities query with the deepest selection this schema has (C2)", async () => {
    const { status, body } = await post(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on PurchaseOrder { invoiceLookup { invoices { purchaseOrder { number } lines { serialNumbers { value } } terms { dueDate } } failures { code } } } } }`,
      { r: Array.from({ length: 500 }, (_, i) => ({ __typename: "PurchaseOrder", number: `PO-${i}` })) },
    );
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
  });

  it("answers a typo without suggesting field names and hides introspection in production mode (C6, C7)", async () => {
    const typo = await post(`{ invoic(provider: FABRIC, number: "F-1") { number } }`);
    expect(typo.status).toBe(400);
    expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean/);
    const schema = await post(`{ __schema { types { name } } }`);
    expect(schema.status).toBe(400);
  });
});
