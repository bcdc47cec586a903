// Searches shared by two replicas on one real redis-server (README "Running several replicas"):
// a search page one replica read is fresh for the other, and identical searches spread over
// both at the same moment cost one call per provider, as lookups do.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/dates.js";
import { startFabricSimulator, type FabricSimulator } from "../../src/sandbox/fabric/index.js";
import { startIngramMicroSimulator, type IngramSimulator } from "../../src/sandbox/ingram-micro/index.js";
import { startStullerSimulator, type StullerSimulator } from "../../src/sandbox/stuller/index.js";
import { startRedis, type RedisServer } from "../helpers/redis-server.js";
import { startReplica, type Replica } from "../helpers/replica.js";

const AS_OF = "2026-09-15";
const FILTER = { invoiceDateFrom: addDays(AS_OF, -29), invoiceDateTo: AS_OF };
const SEARCH = `query ($f: InvoiceFilter!, $a: String) { invoices(filter: $f, first: 7, after: $a) { edges { node { provider number } } pageInfo { hasNextPage endCursor } failures { provider code } } }`;

let redis: RedisServer;
let ingram: IngramSimulator;
let fabric: FabricSimulator;
let stuller: StullerSimulator;
let a: Replica;
let b: Replica;

beforeAll(async () => {
  redis = await startRedis();
  [ingram, fabric, stuller] = await Promise.all([
    startIngramMicroSimulator({ searchInvoicesAsOf: AS_OF }),
    startFabricSimulator({ searchInvoicesAsOf: AS_OF }),
    startStullerSimulator({ searchInvoicesAsOf: AS_OF }),
  ]);
  const accounts = { INGRAM_MICRO: ingram.credentials, FABRIC: fabric.credentials, STULLER: stuller.credentials };
  const keyPrefix = `search-replicas-${process.pid}:`;
  [a, b] = [await startReplica(accounts, { redisUrl: redis.url, keyPrefix }), await startReplica(accounts, { redisUrl: redis.url, keyPrefix })];
});

afterAll(async () => {
  await Promise.allSettled([a?.close(), b?.close()]);
  await Promise.allSettled([ingram?.close(), fabric?.close(), stuller?.close()]);
  await redis?.stop();
});

const searchCalls = () => [ingram.requests.filter((r) => r.kind === "search").length, fabric.requests.filter((r) => r.route === "list").length, stuller.requests.length];

describe("two replicas sharing one Redis", () => {
  it("share identical searches asked at the same moment: one call per provider", async () => {
    const before = searchCalls();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).run(SEARCH, { f: FILTER, a: null })));
    for (const result of results) expect(result.data).toEqual(results[0]?.data);
    expect(results[0]?.data?.["invoices"]).toMatchObject({ failures: [] });
    expect(searchCalls().map((n, i) => n - (before[i] ?? 0))).toEqual([1, 1, 1]);
  });

  it("read every page of a search, alternately on both, for one call per provider", async () => {
    const filter = { invoiceDateFrom: addDays(AS_OF, -44), invoiceDateTo: AS_OF };
    const before = searchCalls();
    let after: string | null = null;
    let invoices = 0;
    for (let n = 0; n < 20; n++) {
      const result = await (n % 2 === 0 ? b : a).run(SEARCH, { f: filter, a: after });
      const page = result.data?.["invoices"] as { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      invoices += page.edges.length;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(invoices).toBeGreaterThan(21);
    expect(searchCalls().map((n, i) => n - (before[i] ?? 0))).toEqual([1, 1, 1]);
  });
});
