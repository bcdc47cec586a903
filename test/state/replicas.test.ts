// Two replicas of the subgraph sharing one real redis-server, against the four simulators
// behind the real clients: the Ingram budget is kept for both together, each answer is asked
// of its provider once, identical lookups spread over both share one call, a Redis outage
// loses no request, and a stale answer says so.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFabricSimulator, type FabricSimulator } from "../../src/sandbox/fabric/index.js";
import { startIngramMicroSimulator, type IngramSimulator, type SimulatedInvoice } from "../../src/sandbox/ingram-micro/index.js";
import { startStullerSimulator, type StullerSimulator } from "../../src/sandbox/stuller/index.js";
import { startTdSynnexSimulator, type TdSynnexSimulator } from "../../src/sandbox/td-synnex/index.js";
import { startRedis, type RedisServer } from "../helpers/redis-server.js";
import { startReplica, type Replica, type ReplicaOptions, type SimulatedAccounts } from "../helpers/replica.js";

let redis: RedisServer;
let ingram: IngramSimulator;
let td: TdSynnexSimulator;
let fabric: FabricSimulator;
let stuller: StullerSimulator;
let accounts: SimulatedAccounts;
const replicas: Replica[] = [];
let deployments = 0;

/** `count` Ingram invoices 20-R0001-11 … for the burst. */
function manyInvoices(count: number): SimulatedInvoice[] {
  return Array.from({ length: count }, (_, i) => {
    const number = `20-R${String(i + 1).padStart(4, "0")}-11`;
    return { number, purchaseOrder: `PO-R${i + 1}`, detail: { invoicenumber: number, currencycode: "USD", totalamount: `${i + 1}.00`, orderstatus: "F" } };
  });
}

beforeAll(async () => {
  redis = await startRedis();
  // A window these tests never fill; the burst has a simulator of its own with Ingram's real budget.
  [ingram, td, fabric, stuller] = await Promise.all([startIngramMicroSimulator({ limit: 10_000 }), startTdSynnexSimulator(), startFabricSimulator(), startStullerSimulator()]);
  accounts = { INGRAM_MICRO: ingram.credentials, TD_SYNNEX: td.credentials, FABRIC: fabric.credentials, STULLER: stuller.credentials };
});

afterEach(async () => {
  await Promise.allSettled(replicas.splice(0).map((replica) => replica.close()));
});

afterAll(async () => {
  await Promise.allSettled([ingram.close(), td.close(), fabric.close(), stuller.close()]);
  await redis.stop();
});

/** Two replicas of one deployment (one Redis key prefix), sharing the 60-per-60-s Ingram budget. */
async function deployment(options: ReplicaOptions & { readonly accounts?: SimulatedAccounts } = {}): Promise<[Replica, Replica]> {
  const keyPrefix = `replicas-${process.pid}-${++deployments}:`;
  const make = () => startReplica(options.accounts ?? accounts, { redisUrl: redis.url, keyPrefix, ingramRateLimit: { limit: 60, windowMs: 60_000 }, ...options });
  const pair: [Replica, Replica] = [await make(), await make()];
  replicas.push(...pair);
  return pair;
}

/** Upstream requests each simulator has seen so far (token calls excluded). */
function upstreamCalls() {
  return {
    INGRAM_MICRO: ingram.apiRequests().length,
    TD_SYNNEX: td.requests.length,
    FABRIC: fabric.requests.filter((r) => r.route !== "token").length,
    STULLER: stuller.requests.length,
  };
}

function since(before: ReturnType<typeof upstreamCalls>) {
  const now = upstreamCalls();
  return { INGRAM_MICRO: now.INGRAM_MICRO - before.INGRAM_MICRO, TD_SYNNEX: now.TD_SYNNEX - before.TD_SYNNEX, FABRIC: now.FABRIC - before.FABRIC, STULLER: now.STULLER - before.STULLER };
}

const INVOICE = `query ($n: String!) { invoice(provider: INGRAM_MICRO, number: $n) { number } }`;
const LOOKUP = `query ($pos: [String!]!) { invoicesByPurchaseOrder(purchaseOrderNumbers: $pos) { invoices { provider number retrievedAt } failures { provider code } notices { provider code message } } }`;

describe("two replicas sharing one Redis", () => {
  it("keep Ingram's budget together under a burst of 200 lookups of distinct invoices: no 429, at most 60 calls, the rest RATE_LIMITED", async () => {
    // Ingram's documented budget: 60 calls per 60 s; the burst never spans two windows.
    const budgeted = await startIngramMicroSimulator({ limit: 60, windowMs: 60_000, invoices: manyInvoices(200) });
    try {
      const [a, b] = await deployment({ deadlineMs: 20_000, accounts: { INGRAM_MICRO: budgeted.credentials } });
      const numbers = manyInvoices(200).map((invoice) => invoice.number);
      const results = await Promise.all(numbers.map((n, i) => (i % 2 === 0 ? a : b).run(INVOICE, { n })));
      const calls = budgeted.apiRequests();
      expect(calls.filter((r) => r.status === 429)).toHaveLength(0);
      expect(calls.length).toBeLessThanOrEqual(60);
      const served = results.filter((r) => r.data?.["invoice"] !== null && r.data?.["invoice"] !== undefined);
      const limited = results.filter((r) => r.errors?.[0]?.extensions?.["code"] === "PROVIDER_RATE_LIMITED");
      expect(served.length).toBe(calls.length);
      // Both replicas served (the budget is not one replica's), and nothing else happened.
      expect(served.length).toBeGreaterThanOrEqual(55);
      expect(served.length + limited.length).toBe(200);
      for (const r of limited) expect(r.errors?.[0]?.extensions?.["retryAfterSeconds"]).toBeGreaterThanOrEqual(1);
    } finally {
      await Promise.allSettled(replicas.splice(0).map((replica) => replica.close()));
      await budgeted.close();
    }
  });

  it("ask an invoice of its provider once, whichever replica is asked", async () => {
    const [a, b] = await deployment();
    const before = upstreamCalls();
    expect((await a.run(INVOICE, { n: "20-12345-11" })).data).toEqual({ invoice: { number: "20-12345-11" } });
    expect((await b.run(INVOICE, { n: "20-12345-11" })).data).toEqual({ invoice: { number: "20-12345-11" } });
    expect(since(before).INGRAM_MICRO).toBe(1);
  });

  it("let 20 identical concurrent purchase-order lookups spread over both cost one call per provider", async () => {
    const [a, b] = await deployment();
    const tokensBefore = ingram.requests.filter((r) => r.kind === "token").length;
    const before = upstreamCalls();
    // Ingram answers a purchase order with a search and one detail per invoice it lists.
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).run(LOOKUP, { pos: ["PO-1002"] })));
    const first = JSON.stringify(results[0]?.data);
    for (const result of results) expect(JSON.stringify(result.data)).toBe(first);
    const lookup = results[0]?.data?.["invoicesByPurchaseOrder"] as { invoices: Array<{ provider: string }>; failures: unknown[] };
    expect(lookup.failures).toEqual([]);
    const ingramInvoices = lookup.invoices.filter((i) => i.provider === "INGRAM_MICRO").length;
    expect(since(before)).toEqual({ INGRAM_MICRO: 1 + ingramInvoices, TD_SYNNEX: 1, FABRIC: 1, STULLER: 1 });
    // One token request for the deployment (fabric's too), not one per replica.
    expect(ingram.requests.filter((r) => r.kind === "token").length - tokensBefore).toBeLessThanOrEqual(1);
  });

  it("lose no request when Redis stops mid-run, and share again once it is back", async () => {
    const [a, b] = await deployment();
    const before = upstreamCalls();
    expect((await a.run(LOOKUP, { pos: ["PO-1001"] })).data?.["invoicesByPurchaseOrder"]).toMatchObject({ failures: [] });
    await redis.kill();
    try {
      // Every request is answered while Redis is down: from the providers, on each replica's own share.
      for (const replica of [a, b, a, b]) {
        const result = await replica.run(LOOKUP, { pos: ["PO-1003"] });
        expect(result.errors).toBeUndefined();
        expect(result.data?.["invoicesByPurchaseOrder"]).toMatchObject({ failures: [] });
        expect((result.data?.["invoicesByPurchaseOrder"] as { invoices: unknown[] }).invoices.length).toBeGreaterThan(0);
      }
    } finally {
      await redis.restart();
    }
    expect(since(before).STULLER).toBeGreaterThanOrEqual(2);
    // Back: the replicas reconnect by themselves and share answers again.
    await expectEventually(async () => a.redisAvailable() && b.redisAvailable());
    const afterRecovery = upstreamCalls();
    await a.run(INVOICE, { n: "20-12345-12" });
    await b.run(INVOICE, { n: "20-12345-12" });
    expect(since(afterRecovery).INGRAM_MICRO).toBe(1);
  });

  it("serve the last answer another replica got, marked STALE, while the provider fails", async () => {
    const [a, b] = await deployment({ settings: { lookupTtlSeconds: 0 } });
    const fresh = (await a.run(LOOKUP, { pos: ["PO-1001"] })).data?.["invoicesByPurchaseOrder"] as { invoices: Array<{ provider: string; retrievedAt: string }> };
    const stullerBefore = fresh.invoices.filter((i) => i.provider === "STULLER");
    expect(stullerBefore.length).toBeGreaterThan(0);
    stuller.control.failAlways({ kind: "status", status: 503 });
    try {
      const stale = (await b.run(LOOKUP, { pos: ["PO-1001"] })).data?.["invoicesByPurchaseOrder"] as {
        invoices: Array<{ provider: string; retrievedAt: string }>;
        failures: unknown[];
        notices: Array<{ provider: string; code: string; message: string }>;
      };
      expect(stale.failures).toEqual([]);
      expect(stale.invoices.filter((i) => i.provider === "STULLER")).toEqual(stullerBefore);
      expect(stale.notices).toContainEqual({ provider: "STULLER", code: "STALE", message: expect.stringContaining("Stuller could not answer now (UNAVAILABLE") });
    } finally {
      stuller.control.failAlways(null);
    }
  });
});

describe("the page-view pattern: 6 users opening purchase-order pages over and over, Ingram at 60 calls per window", () => {
  const ORDERS = ["PO-1001", "PO-1002", "PO-1003", ...Array.from({ length: 9 }, (_, i) => `PO-GEN-00${i + 1}`)];
  const PAGE = `query ($po: String!) { invoicesByPurchaseOrder(purchaseOrderNumbers: [$po]) { invoices { provider number } failures { provider code } } }`;

  /** How often each provider was asked about each purchase order (and Ingram about each invoice) since the marks. */
  function askedPerOrder(marks: ReturnType<typeof requestMarks>, budgeted: IngramSimulator): number[] {
    const counts = new Map<string, number>();
    const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const r of budgeted.apiRequests().slice(marks.ingram)) count(r.kind === "search" ? `ingram search ${r.query["customerOrderNumber"]}` : `ingram detail ${r.path}`);
    for (const r of td.requests.slice(marks.td)) for (const m of r.body.matchAll(/<PONbr>([^<]*)<\/PONbr>/g)) count(`td ${m[1]}`);
    for (const r of fabric.requests.slice(marks.fabric)) if (r.route === "list") count(`fabric ${r.params["purchase_order_number"]}`);
    for (const r of stuller.requests.slice(marks.stuller)) for (const po of r.purchaseOrderNumbers) count(`stuller ${po}`);
    return [...counts.values()];
  }

  function requestMarks(budgeted: IngramSimulator) {
    return { ingram: budgeted.apiRequests().length, td: td.requests.length, fabric: fabric.requests.length, stuller: stuller.requests.length };
  }

  it.each([
    ["one replica", false],
    ["two replicas sharing Redis", true],
  ])("completes every page view with %s: no 429, each provider asked once per purchase order in the window", async (_name, shared) => {
    const budgeted = await startIngramMicroSimulator({ limit: 60, windowMs: 60_000 });
    try {
      const own = { ...accounts, INGRAM_MICRO: budgeted.credentials };
      const fleet = shared ? await deployment({ accounts: own }) : [await startReplica(own, { ingramRateLimit: { limit: 60, windowMs: 60_000 } })];
      if (!shared) replicas.push(...fleet);
      const marks = requestMarks(budgeted);
      // 6 users, 10 page views each, one every 50 ms, each user walking the 12 orders from its own start.
      const views = await Promise.all(
        Array.from({ length: 6 }, async (_, user) => {
          const results = [];
          for (let view = 0; view < 10; view++) {
            const po = ORDERS[(user * 2 + view) % ORDERS.length] ?? "PO-1001";
            const replica = fleet[(user + view) % fleet.length] as Replica;
            results.push(await replica.run(PAGE, { po }));
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          return results;
        }),
      );
      const all = views.flat();
      expect(all).toHaveLength(60);
      const complete = all.filter((r) => r.errors === undefined && (r.data?.["invoicesByPurchaseOrder"] as { failures: unknown[] }).failures.length === 0);
      expect(complete).toHaveLength(60);
      expect(budgeted.apiRequests().filter((r) => r.status === 429)).toHaveLength(0);
      expect(Math.max(...askedPerOrder(marks, budgeted))).toBe(1);
    } finally {
      await Promise.allSettled(replicas.splice(0).map((replica) => replica.close()));
      await budgeted.close();
    }
  });
});

async function expectEventually(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await condition().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(await condition()).toBe(true);
}
