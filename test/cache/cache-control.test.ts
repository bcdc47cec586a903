import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { request } from "undici";
import { ProviderError } from "../../src/domain/errors.js";
import { encodeInvoiceId } from "../../src/domain/ids.js";
import { InMemoryProvider } from "../../src/providers/in-memory/index.js";
import { ProviderRegistry } from "../../src/providers/registry.js";
import type { InvoiceProvider } from "../../src/providers/types.js";
import { startSubgraph, type RunningSubgraph } from "../../src/server.js";
import { silentLogger } from "../helpers/subgraph.js";
import { immutableInvoice, lookupCaching, openInvoice, testClock } from "./support.js";

const clock = testClock();
const stuller = new InMemoryProvider({
  id: "STULLER",
  account: "stuller-account",
  invoices: [immutableInvoice("STULLER", "CLOSED-1", "PO-CLOSED"), immutableInvoice("STULLER", "CLOSED-2", "PO-CLOSED"), openInvoice("STULLER", "OPEN-1", "PO-OPEN")],
});
const fabric = new InMemoryProvider({ id: "FABRIC", account: "fabric-account", acknowledgement: true, invoices: [openInvoice("FABRIC", "F-1")] });
const failing = new InMemoryProvider({ id: "INGRAM_MICRO", account: "ingram-account", invoices: [] });
failing.failWith(new ProviderError("INGRAM_MICRO", "UNAVAILABLE", "Ingram Micro is unavailable"));

let cached: RunningSubgraph;
let uncached: RunningSubgraph;

async function start(providers: readonly InvoiceProvider[], ttlSeconds: { lookup: number; invoice: number }): Promise<RunningSubgraph> {
  return startSubgraph({
    registry: new ProviderRegistry(providers),
    logger: silentLogger,
    requestDeadlineMs: 5_000,
    introspection: true,
    lookups: lookupCaching({ now: clock.now, lookupTtlSeconds: ttlSeconds.lookup, invoiceTtlSeconds: ttlSeconds.invoice }).lookups,
    port: 0,
    host: "127.0.0.1",
  });
}

beforeAll(async () => {
  cached = await start([stuller, fabric, failing], { lookup: 60, invoice: 300 });
  uncached = await start([new InMemoryProvider({ id: "STULLER", account: "stuller-account", invoices: [immutableInvoice("STULLER", "CLOSED-1")] })], { lookup: 0, invoice: 0 });
});

afterAll(async () => {
  await cached.stop();
  await uncached.stop();
});

async function cacheControlOf(subgraph: RunningSubgraph, query: string, variables: Record<string, unknown> = {}) {
  const response = await request(subgraph.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  const body = (await response.body.json()) as { errors?: unknown[] };
  return { status: response.statusCode, cacheControl: response.headers["cache-control"], errors: body.errors?.length ?? 0 };
}

const byNumber = (alias: string, provider: string, number: string) => `${alias}: invoice(provider: ${provider}, number: "${number}") { number status }`;
const entity = (ref: string) => ({ __typename: "Invoice", id: encodeInvoiceId("STULLER", ref) });

describe("Cache-Control on GraphQL responses", () => {
  it.each([
    ["immutable invoices only", `{ ${byNumber("a", "STULLER", "CLOSED-1")} ${byNumber("b", "STULLER", "CLOSED-2")} }`, {}, "private, max-age=300"],
    [
      "immutable invoices by id (`_entities`)",
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Invoice { number } } }`,
      { r: [entity("CLOSED-1"), entity("CLOSED-2")] },
      "private, max-age=300",
    ],
    ["one open invoice among immutable ones: the shortest freshness left", `{ ${byNumber("a", "STULLER", "CLOSED-1")} ${byNumber("b", "STULLER", "OPEN-1")} }`, {}, "private, max-age=60"],
    ["an invoice that is not found (an answer reused for the lookup window)", `{ ${byNumber("a", "STULLER", "CLOSED-1")} ${byNumber("b", "STULLER", "NOPE")} }`, {}, "private, max-age=60"],
    ["a provider failure as a GraphQL error", `{ ${byNumber("a", "STULLER", "CLOSED-1")} ${byNumber("b", "INGRAM_MICRO", "20-1-11")} }`, {}, "no-store"],
    ["a provider failure appended next to data", `query ($r: [_Any!]!) { _entities(representations: $r) { ... on PurchaseOrder { invoices { number } } } }`, { r: [{ __typename: "PurchaseOrder", number: "PO-CLOSED" }] }, "no-store"],
    ["a purchase-order lookup, even of immutable invoices (a purchase order can gain invoices)", `{ invoicesByPurchaseOrder(purchaseOrderNumbers: ["PO-CLOSED"], providers: [STULLER]) { invoices { number } } }`, {}, "private, max-age=60"],
    ["a purchase-order lookup with a provider failure as data", `{ invoicesByPurchaseOrder(purchaseOrderNumbers: ["PO-CLOSED"]) { invoices { number } failures { code } } }`, {}, "no-store"],
    ["unacknowledgedInvoices", `{ unacknowledgedInvoices(first: 5) { edges { node { number } } } }`, {}, "no-store"],
    ["a mutation", `mutation { acknowledgeInvoices(ids: ["${encodeInvoiceId("FABRIC", "F-1")}"]) { acknowledged } }`, {}, "no-store"],
    ["reasonCodes alone", `{ reasonCodes { code } }`, {}, "public, max-age=86400"],
    ["reasonCodes with an immutable invoice", `{ reasonCodes(kind: HOLD) { code } ${byNumber("a", "STULLER", "CLOSED-1")} }`, {}, "private, max-age=300"],
    ["nothing any resolver vouched for", `{ __typename }`, {}, "no-store"],
    ["a query that does not validate", `{ nope }`, {}, "no-store"],
  ])("%s → %s", async (_case, query, variables, expected) => {
    expect((await cacheControlOf(cached, query, variables)).cacheControl).toBe(expected);
  });

  it("advertises only the freshness an answer served from the cache has left, and nothing while it is revalidated", async () => {
    const query = `{ ${byNumber("a", "STULLER", "CLOSED-2")} }`;
    clock.advance(1_000_000);
    const calls = stuller.callsOf("findByNumbers").length;
    await cacheControlOf(cached, query);
    clock.advance(60_000);
    expect(await cacheControlOf(cached, query)).toEqual({ status: 200, cacheControl: "private, max-age=240", errors: 0 });
    clock.advance(240_000);
    expect((await cacheControlOf(cached, query)).cacheControl).toBe("no-store");
    await vi.waitFor(() => expect(stuller.callsOf("findByNumbers")).toHaveLength(calls + 2));
    expect((await cacheControlOf(cached, query)).cacheControl).toBe("private, max-age=300");
  });

  it("says no-store when answers are not reused (both TTLs 0)", async () => {
    expect((await cacheControlOf(uncached, `{ ${byNumber("a", "STULLER", "CLOSED-1")} }`)).cacheControl).toBe("no-store");
  });
});
