// `npm run bench`: every figure of issue 8 in one run, written to bench/results.json and
// bench/results.md. This process is the load generator (pinned to core 1 with the
// simulators); each subgraph under test is a child pinned to core 0. See bench/README.md.
import { readFileSync, writeFileSync } from "node:fs";
import { loadConfig } from "../src/config.js";
import { DEFAULT_REDIS_COMMAND_TIMEOUT_MS } from "../src/state/redis-link.js";
import { availableParallelism } from "node:os";
import { FALLBACK_ENTITIES_QUERY, QUERY_PURCHASE_ORDERS, entitiesBody, lookupBody } from "./lib/data.js";
import { postJson } from "./lib/load.js";
import { clockTicksPerSecond, cpuSeconds, machineFacts, machineTicks } from "./lib/machine.js";
import { redisMissing, startBenchRedis, stopAllRedis, type BenchRedis } from "./lib/redis.js";
import { BenchChild, killAllChildren, pinSelf, taskset } from "./lib/rpc.js";
import { RAISED_BUDGETS, settings as loadSettings } from "./lib/settings.js";
import type { ServerStart, ServerStarted, SimsInfo } from "./lib/types.js";
import { gateRow, searchSection, tableRow, writeReport } from "./lib/report.js";
import { judge, type Results } from "./lib/results.js";
import { callsFigure } from "./phases/calls.js";
import { searchFigure } from "./phases/search.js";
import type { Bench, Server } from "./phases/common.js";
import { captureEntitiesQuery } from "./phases/gateway.js";
import { apolloVariants, httpClients, logLevelCost, profileUnderLoad, providerCosts } from "./phases/known-costs.js";
import { latencyFigure } from "./phases/latency.js";
import { HELD_PROVIDERS, memoryFigure } from "./phases/memory.js";
import { REPLICAS_PHASE, REPLICAS_PRODUCTION_PHASE, replicaCallsFigure } from "./phases/replicas.js";
import { throughputFigure, warmUp } from "./phases/throughput.js";
import { redisCostFigure, warmThroughputFigure } from "./phases/warm-cache.js";
import { xmlFigures } from "./lib/xml-bench.js";

const SERVER_CORE = 0;
const LOAD_CORE = 1;
/** LOOKUP_CACHE_TTL_SECONDS of the warm-cache servers: its maximum, so no answer ages during the run. */
const WARM_TTL_SECONDS = 86_400;
/**
 * The freshness window of the replicas on Redis: five times the default, so that the whole
 * load fits in one window even on a slow, shared machine (the count is per window, whatever
 * its length; with LOOKUP_CACHE_TTL_SECONDS at the default 60 a disturbed run could outlast it).
 */
const REPLICA_TTL_SECONDS = 5 * loadConfig({}).lookupCacheTtlSeconds;
/**
 * The Redis bound of the gated replica figure: long enough that a stall of the shared machine
 * (seconds, seen on 2 busy cores) is not taken for a Redis outage; b-replicas′ runs the
 * same load with the production bound (DEFAULT_REDIS_COMMAND_TIMEOUT_MS).
 */
const RAISED_REDIS_BOUND_MS = 5_000;
const settings = loadSettings();
const began = performance.now();
const parallelism = availableParallelism();
const pinnedSelf = pinSelf(LOAD_CORE);
const facts = machineFacts(
  taskset(),
  pinnedSelf ? `servers under test on core ${SERVER_CORE}; load generator and simulators on core ${LOAD_CORE} (taskset)` : "not pinned (no taskset): figures are noisier",
  parallelism,
);
const results: Results = { facts, settings, errors: {} };
// Interrupted: no child may outlive the bench (they also exit when the IPC channel closes).
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void Promise.allSettled([killAllChildren(), stopAllRedis()]).finally(() => process.exit(130));
  });
}
const ticksAtStart = machineTicks();

async function phase<T>(name: string, work: () => Promise<T>): Promise<T | null> {
  process.stderr.write(`bench: ${name}\n`);
  try {
    return await work();
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    results.errors[name] = message;
    process.stderr.write(`bench: ${name} failed: ${message}\n`);
    return null;
  }
}

async function startServer(sims: SimsInfo, name: string, start: Omit<ServerStart, "sims">, options: { logLevel?: string; gc?: boolean } = {}): Promise<Server> {
  const child = await BenchChild.start(name, "server.ts", {
    core: pinnedSelf ? SERVER_CORE : null,
    env: { LOG_LEVEL: options.logLevel ?? "info", NODE_ENV: "" },
    nodeArgs: options.gc ? ["--expose-gc"] : [],
  });
  const started = await child.call<ServerStarted>("start", { ...start, sims });
  return { child, urls: started.urls };
}

/** CPU seconds of every bench child, read just before it is stopped. */
const childCpu = new Map<string, number>();

async function stopChild(child: BenchChild | undefined): Promise<void> {
  if (!child) return;
  const seconds = cpuSeconds(child.pid);
  if (seconds !== null && !childCpu.has(child.name)) childCpu.set(child.name, seconds);
  await Promise.race([child.call("stop").catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5_000))]);
  await child.kill();
}

async function stopRedis(redis: BenchRedis | null): Promise<void> {
  if (redis === null) return;
  const seconds = cpuSeconds(redis.pid);
  if (seconds !== null && !childCpu.has("redis-server")) childCpu.set("redis-server", seconds);
  await redis.stop();
}

async function main(): Promise<void> {
  const sims = await BenchChild.start("simulators", "sims.ts", { core: pinnedSelf ? LOAD_CORE : null });
  const servers: Server[] = [];
  let redis: BenchRedis | null = null;
  try {
    const info = await sims.call<SimsInfo>("info");
    const orders = [...QUERY_PURCHASE_ORDERS];
    const [real, prepared, variants, realWarn, raised, held] = await Promise.all([
      startServer(info, "real", { mode: "real", budgets: "production" }),
      startServer(info, "prepared", { mode: "prepared", preparedOrders: orders }),
      startServer(info, "variants", { mode: "variants", preparedOrders: orders }),
      startServer(info, "real-warn", { mode: "real", budgets: "production" }, { logLevel: "warn" }),
      startServer(info, "real-raised", { mode: "real", budgets: "raised" }),
      startServer(info, "real-held", { mode: "real", budgets: "raised", holdStuller: true }, { gc: true }),
    ]);
    servers.push(real, prepared, variants, realWarn, raised, held);
    const url = (s: Server) => s.urls["subgraph"] ?? "";

    const capture = await phase("gateway", () => captureEntitiesQuery(url(real)));
    const bench: Bench = { settings, sims, info, entitiesQuery: capture?.query ?? FALLBACK_ENTITIES_QUERY };
    results.gateway = capture ?? undefined;

    results.sameAnswers = await phase("same answers", async () => {
      const check = async (body: string) => {
        const [r, p] = await Promise.all([postJson(url(real), body), postJson(url(prepared), body)]);
        return { identical: JSON.stringify(r.json) === JSON.stringify(p.json), responseBytes: r.bytes };
      };
      return { lookup: await check(lookupBody(orders)), entities: await check(entitiesBody(bench.entitiesQuery, orders)) };
    }) ?? undefined;
    const floor = await phase("data floor", () => prepared.child.call<Record<string, { bytes: number; invoices: number }>>("sizes", orders));
    const dataHeap = await phase("data as objects", () =>
      prepared.child.call<{ jsonBytes: number; heapBytesPerCopy: number }>("dataHeap", { orders, providers: HELD_PROVIDERS, copies: settings.inFlight }),
    );
    await phase("warm-up", async () => {
      await warmUp(bench, real, settings.realWarmupMs);
      await warmUp(bench, prepared, settings.warmupMs * 1.5);
      for (const name of Object.keys(variants.urls)) if (!name.includes("ftv1")) await warmUp(bench, variants, settings.warmupMs / 2, name);
    });

    results.throughput = (await phase("a. throughput", () => throughputFigure(bench, real, prepared))) ?? undefined;
    results.profiles = (await phase("profiles", async () => ({ real: await profileUnderLoad(bench, real), prepared: await profileUnderLoad(bench, prepared) }))) ?? undefined;
    results.apolloVariants = (await phase("known costs: Apollo plugins", () => apolloVariants(bench, variants))) ?? undefined;
    // Each real server is warmed right before it is measured: an idle one is slower at first.
    results.logLevel = (await phase("known costs: log level", () => warmUp(bench, realWarn, settings.realWarmupMs * 1.25).then(() => logLevelCost(bench, real, realWarn)))) ?? undefined;
    results.providerCosts = (await phase("known costs: per provider", () => providerCosts(bench, real, prepared))) ?? undefined;
    results.httpClients = (await phase("known costs: HTTP clients", () => httpClients(bench, variants))) ?? undefined;
    results.xml = (await phase("e. XML", async () => xmlFigures(settings.microMs, settings.microRounds))) ?? undefined;
    results.calls = (await phase("b. upstream calls", () => callsFigure(bench, real))) ?? undefined;
    results.search = (await phase("f. search calls per page", searchFigure)) ?? undefined;
    const capacity = results.throughput?.lookup.medianRealQps;
    results.latency =
      (await phase("c. latency", () => {
        if (capacity === undefined || !Number.isFinite(capacity)) throw new Error("figure (a) gave no capacity to take half of");
        return warmUp(bench, raised, settings.realWarmupMs * 1.25).then(() => latencyFigure(bench, raised, real, capacity));
      })) ?? undefined;

    // Issue 11: the lookup cache warm, and two replicas sharing Redis. Started only now, so the
    // figures above run as before; the prepared server of (a) is the baseline of a-warm.
    const missing = redisMissing();
    results.redis = { available: false, reason: missing ?? "redis-server did not start (results.json errors)" };
    if (missing === null) {
      redis = await phase("redis-server", () => startBenchRedis(pinnedSelf ? LOAD_CORE : null));
      if (redis !== null) results.redis = { available: true, version: redis.version };
    }
    const cacheServers = await phase("cache servers", async () => {
      const onRedis = (keyPrefix: string, commandTimeoutMs?: number) =>
        redis === null ? undefined : { url: redis.url, keyPrefix, ...(commandTimeoutMs === undefined ? {} : { commandTimeoutMs }) };
      const warm = { mode: "real", budgets: "production", lookupTtlSeconds: WARM_TTL_SECONDS } as const;
      const replica = (keyPrefix: string, commandTimeoutMs?: number) =>
        ({ mode: "real", budgets: "production", lookupTtlSeconds: REPLICA_TTL_SECONDS, redis: onRedis(keyPrefix, commandTimeoutMs) }) as const;
      const started = await Promise.all([
        startServer(info, "real-warm", warm),
        ...(redis === null
          ? []
          : [
              startServer(info, "real-warm-redis", { ...warm, redis: onRedis("bench-warm:") }),
              startServer(info, "replica-a", replica("bench-replicas:", RAISED_REDIS_BOUND_MS)),
              startServer(info, "replica-b", replica("bench-replicas:", RAISED_REDIS_BOUND_MS)),
              startServer(info, "replica-a-prod", replica("bench-replicas-prod:")),
              startServer(info, "replica-b-prod", replica("bench-replicas-prod:")),
            ]),
      ]);
      servers.push(...started);
      const pair = (a: Server | undefined, b: Server | undefined) => (a && b ? ([a, b] as const) : null);
      return { warm: started[0] as Server, warmRedis: started[1], replicas: pair(started[2], started[3]), production: pair(started[4], started[5]), all: started };
    });
    results.throughputWarm =
      (await phase("a-warm. throughput, warm lookup cache", async () => {
        if (cacheServers === null) throw new Error("the warm-cache server did not start");
        await warmUp(bench, prepared, settings.warmupMs);
        return warmThroughputFigure(bench, cacheServers.warm, prepared, WARM_TTL_SECONDS);
      })) ?? undefined;
    if (redis !== null) {
      const about = { redisVersion: redis.version, windowSeconds: REPLICA_TTL_SECONDS };
      results.redisCost =
        (await phase("redis cost of a cached query", () => {
          if (!cacheServers?.warmRedis || redis === null) throw new Error("the warm-cache server on Redis did not start");
          return redisCostFigure(bench, cacheServers.warm, cacheServers.warmRedis, redis, WARM_TTL_SECONDS);
        })) ?? undefined;
      results.replicaCalls =
        (await phase(REPLICAS_PHASE, () => {
          if (!cacheServers?.replicas) throw new Error("the replicas on Redis did not start");
          return replicaCallsFigure(bench, cacheServers.replicas, { ...about, label: "b-replicas", redisCommandTimeoutMs: RAISED_REDIS_BOUND_MS });
        })) ?? undefined;
      results.replicaCallsProduction =
        (await phase(REPLICAS_PRODUCTION_PHASE, () => {
          if (!cacheServers?.production) throw new Error("the replicas on Redis did not start");
          return replicaCallsFigure(bench, cacheServers.production, { ...about, label: "b-replicas′", redisCommandTimeoutMs: DEFAULT_REDIS_COMMAND_TIMEOUT_MS });
        })) ?? undefined;
    }
    if (cacheServers) await Promise.all(cacheServers.all.map((s) => stopChild(s.child)));
    await stopRedis(redis);

    // Only the parked server may use core 0 from here on.
    await Promise.all([real, prepared, variants, realWarn, raised].map((s) => stopChild(s.child)));
    results.memory =
      (await phase("d. memory", () => {
        if (floor === null) throw new Error("no data floor: the prepared server did not report its answers' size");
        return memoryFigure(bench, held, floor, dataHeap, RAISED_BUDGETS.bulkhead.limit);
      })) ?? undefined;
  } finally {
    await Promise.all(servers.map((s) => stopChild(s.child)));
    await stopChild(sims);
    await killAllChildren();
    await stopRedis(redis);
    results.childWarnings = Object.fromEntries([sims, ...servers.map((s) => s.child)].map((child) => [child.name, child.warnings]));
  }
}

/**
 * `BENCH_ONLY=search npm run bench`: figure f alone (a couple of seconds, no children), merged
 * into the last full run's results.json, and into its results.md as the f gate rows and the
 * f section only: the rest of the report stays the text of that full run.
 */
async function searchOnly(): Promise<void> {
  const dir = new URL("./", import.meta.url);
  const previous = JSON.parse(readFileSync(new URL("results.json", dir), "utf8")) as Results;
  const merged: Results = { ...previous, search: { ...(await searchFigure()), measuredAlone: true } };
  merged.gates = judge(merged);
  writeFileSync(new URL("results.json", dir), `${JSON.stringify(merged, null, 2)}\n`);
  const fRows = merged.gates.filter((g) => g.figure.startsWith("f. ")).map((g) => tableRow(gateRow(g)));
  const lines = readFileSync(new URL("results.md", dir), "utf8").split("\n").filter((line) => !line.startsWith("| f. "));
  // The f rows go last in the gates table; the f section before the known costs, replacing an earlier one.
  const gatesEnd = lines.findIndex((line, i) => i > lines.indexOf("## Gates") + 2 && !line.startsWith("|"));
  lines.splice(gatesEnd, 0, ...fRows);
  let text = lines.join("\n").replace(/## f\. Upstream calls per page of an invoice search\n[\s\S]*?(?=\n## )/, "").replace(/\n{3,}/g, "\n\n");
  text = text.replace("## Known costs, measured first", `${searchSection(merged)}\n\n## Known costs, measured first`);
  writeFileSync(new URL("results.md", dir), text);
  process.stderr.write("bench: figure f measured alone and merged into bench/results.md and bench/results.json\n");
}

if (process.env["BENCH_ONLY"] === "search") await searchOnly();
else {
  try {
    await main();
  } catch (error) {
    results.errors["bench"] = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.exitCode = 1;
  } finally {
    results.durationSeconds = Math.round((performance.now() - began) / 1000);
    const ticksAtEnd = machineTicks();
    if (ticksAtStart && ticksAtEnd && ticksAtEnd.total > ticksAtStart.total) {
      const total = ticksAtEnd.total - ticksAtStart.total;
      results.stealPercent = Math.round((1000 * (ticksAtEnd.steal - ticksAtStart.steal)) / total) / 10;
      // Busy time of the machine that no bench process accounts for: other work on the machine.
      const own = process.cpuUsage();
      const benchSeconds = (own.user + own.system) / 1e6 + [...childCpu.values()].reduce((a, b) => a + b, 0);
      const busySeconds = (ticksAtEnd.busy - ticksAtStart.busy) / clockTicksPerSecond();
      results.otherProcessesPercent = Math.max(0, Math.round((1000 * (busySeconds - benchSeconds)) / (total / clockTicksPerSecond())) / 10);
    }
    results.gates = judge(results);
    const dir = new URL("./", import.meta.url);
    writeFileSync(new URL("results.json", dir), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(new URL("results.md", dir), writeReport(results));
    process.stderr.write(`bench: wrote bench/results.md and bench/results.json in ${results.durationSeconds} s\n`);
  }
}
