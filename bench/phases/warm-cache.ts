// Figures with every answer fresh in the lookup cache (issue 11 item 9):
// - a-warm: figure (a)'s method (closed loop, both forms, interleaved pairs) with the real
//   subgraph whose lookup cache keeps every answer fresh for the whole run
//   (LOOKUP_CACHE_TTL_SECONDS at its maximum, warmed once), against the same server over
//   prepared results. No upstream call may happen while it is measured (counted at the
//   simulators): otherwise the figure is not the one it claims to be.
// - Redis cost: the same warm-cache query on that server (state in process) and on a server
//   that differs only by keeping its state on Redis (as with REDIS_URL), in interleaved pairs:
//   unloaded latency (sequential queries, p50 and p99), and a closed loop for throughput,
//   loaded latency and server CPU per query. Informational: what a cached query pays for
//   reading its answers from Redis instead of from its own memory.
import { entitiesBody, lookupBody, QUERY_PURCHASE_ORDERS } from "../lib/data.js";
import { median, percentile, postJson, sequential } from "../lib/load.js";
import { cpuSeconds } from "../lib/machine.js";
import type { CacheMetrics, UpstreamCounts } from "../lib/types.js";
import { FORMS, realistic, round2, upstreamTotal, url, type Bench, type Form, type Server } from "./common.js";
import { measure, throughputFigure, warmUp, type FormFigure, type Run } from "./throughput.js";

/** Fills the warm server's lookup cache (one query of each form) and says whether it answers as the prepared server does. */
async function fill(bench: Bench, warm: Server, prepared: Server | null): Promise<{ lookup: boolean; entities: boolean } | null> {
  const orders = [...QUERY_PURCHASE_ORDERS];
  const bodies: Record<Form, string> = { lookup: lookupBody(orders), entities: entitiesBody(bench.entitiesQuery, orders) };
  const same: Record<Form, boolean> = { lookup: true, entities: true };
  for (const form of FORMS) {
    const first = await postJson(url(warm), bodies[form]);
    if (first.status !== 200) throw new Error(`filling the warm cache: ${form} answered ${first.status}`);
    if (prepared === null) continue;
    const [again, baseline] = await Promise.all([postJson(url(warm), bodies[form]), postJson(url(prepared), bodies[form])]);
    same[form] = JSON.stringify(again.json) === JSON.stringify(baseline.json) && JSON.stringify(first.json) === JSON.stringify(again.json);
  }
  return prepared === null ? null : same;
}

export interface WarmThroughputFigure {
  readonly lookupTtlSeconds: number;
  readonly forms: Record<Form, FormFigure>;
  /** Upstream requests (tokens included) the simulators saw while the pairs ran: 0 when every answer was fresh. */
  readonly upstreamCallsWhileMeasured: number;
  /** The warm server's answers (from its cache) byte-identical to the prepared server's. */
  readonly sameAnswers: { lookup: boolean; entities: boolean };
}

export async function warmThroughputFigure(bench: Bench, warm: Server, prepared: Server, lookupTtlSeconds: number): Promise<WarmThroughputFigure> {
  const sameAnswers = (await fill(bench, warm, prepared)) ?? { lookup: false, entities: false };
  // The same unmeasured warm-up the prepared server had: both now answer from memory.
  await warmUp(bench, warm, bench.settings.warmupMs * 1.5);
  const forms = await throughputFigure(bench, warm, prepared, "a-warm");
  // Counted at the simulators around every run of the warm server (the prepared one never calls upstream).
  const upstreamCallsWhileMeasured = FORMS.reduce((sum, form) => sum + forms[form].pairs.reduce((n, p) => n + p.realUpstreamCalls, 0), 0);
  return { lookupTtlSeconds, forms, upstreamCallsWhileMeasured, sameAnswers };
}

export interface StateSide {
  /** Sequential queries, one connection: latency p50 and p99 (the first few dropped). */
  readonly unloadedP50Ms: number;
  readonly unloadedP99Ms: number;
  /** Closed loop, figure (a)'s concurrency. */
  readonly loaded: Run;
  /** redis-server's CPU milliseconds per answered query during the closed loop (Redis side only). */
  readonly redisCpuMsPerQuery: number | null;
}

export interface RedisCostFigure {
  readonly redisVersion: string;
  readonly lookupTtlSeconds: number;
  readonly sequentialQueries: number;
  readonly pairs: ReadonlyArray<{ readonly inProcess: StateSide; readonly redis: StateSide }>;
  /** Medians over the pairs. */
  readonly inProcess: { unloadedP50Ms: number; unloadedP99Ms: number; loadedP50Ms: number; loadedP99Ms: number; qps: number; cpuMsPerQuery: number };
  readonly redis: { unloadedP50Ms: number; unloadedP99Ms: number; loadedP50Ms: number; loadedP99Ms: number; qps: number; cpuMsPerQuery: number; redisCpuMsPerQuery: number };
  /** Redis minus in process, and Redis / in process. */
  readonly addedUnloadedP50Ms: number;
  readonly addedUnloadedP99Ms: number;
  readonly unloadedP50Ratio: number;
  readonly addedCpuMsPerQuery: number;
  readonly cpuPerQueryRatio: number;
  readonly qpsRatio: number;
  /** Upstream requests the simulators saw while the pairs ran: 0 when every answer was fresh on both servers. */
  readonly upstreamCallsWhileMeasured: number;
  readonly errors: number;
  /** Redis calls of the Redis side that failed or were skipped while measured (each such read is a miss). */
  readonly redisErrors: number;
  /** Longest the Redis side's event loop ran late while measured, ms. */
  readonly eventLoopDelayMaxMs: number;
}

const redisErrorsOf = (m: CacheMetrics) => Object.values(m["invoices_redis_errors_total"] ?? {}).reduce((a, b) => a + b, 0);

async function side(bench: Bench, server: Server, redisPid: number | null): Promise<StateSide> {
  const { settings } = bench;
  const target = realistic(bench, "lookup", url(server));
  const skip = Math.min(10, Math.floor(settings.redisSequentialQueries / 10));
  const latencies = (await sequential(target, settings.redisSequentialQueries)).slice(skip).sort((a, b) => a - b);
  const redisBefore = redisPid === null ? null : cpuSeconds(redisPid);
  const loaded = await measure(bench, server, target, { warmupMs: settings.redisWarmupMs, durationMs: settings.redisDurationMs });
  const redisAfter = redisPid === null ? null : cpuSeconds(redisPid);
  // The CPU window includes the closed loop's warm-up: per query on the same basis as measure() (rate × whole window).
  const answered = (loaded.qps * (settings.redisWarmupMs + settings.redisDurationMs)) / 1000;
  const redisCpuMsPerQuery = redisBefore === null || redisAfter === null || answered === 0 ? null : round2(((redisAfter - redisBefore) * 1000) / answered);
  return { unloadedP50Ms: round2(percentile(latencies, 50)), unloadedP99Ms: round2(percentile(latencies, 99)), loaded, redisCpuMsPerQuery };
}

export async function redisCostFigure(bench: Bench, inProcess: Server, onRedis: Server, redis: { pid: number; version: string }, lookupTtlSeconds: number): Promise<RedisCostFigure> {
  await fill(bench, onRedis, null);
  await warmUp(bench, onRedis, bench.settings.warmupMs * 1.5);
  await warmUp(bench, inProcess, bench.settings.warmupMs / 2);
  await bench.sims.call("resetCounts");
  const metricsBefore = await onRedis.child.call<CacheMetrics>("cacheMetrics");
  const pairs: Array<{ inProcess: StateSide; redis: StateSide }> = [];
  for (let pair = 0; pair < bench.settings.redisPairs; pair++) {
    const first = pair % 2 === 0 ? "inProcess" : "redis";
    const sides: Partial<Record<"inProcess" | "redis", StateSide>> = {};
    for (const which of first === "inProcess" ? (["inProcess", "redis"] as const) : (["redis", "inProcess"] as const)) {
      sides[which] = which === "redis" ? await side(bench, onRedis, redis.pid) : await side(bench, inProcess, null);
    }
    const p = { inProcess: sides.inProcess as StateSide, redis: sides.redis as StateSide };
    pairs.push(p);
    process.stderr.write(
      `  (redis) pair ${pair + 1}: unloaded p50 ${p.inProcess.unloadedP50Ms} → ${p.redis.unloadedP50Ms} ms, ` +
        `CPU/query ${p.inProcess.loaded.serverCpuMsPerQuery} → ${p.redis.loaded.serverCpuMsPerQuery} ms, ${p.inProcess.loaded.qps} → ${p.redis.loaded.qps}/s\n`,
    );
  }
  const upstreamCallsWhileMeasured = upstreamTotal(await bench.sims.call<UpstreamCounts>("counts"));
  const metricsAfter = await onRedis.child.call<CacheMetrics>("cacheMetrics");
  const of = (which: "inProcess" | "redis") => {
    const list = pairs.map((p) => p[which]);
    return {
      unloadedP50Ms: round2(median(list.map((s) => s.unloadedP50Ms))),
      unloadedP99Ms: round2(median(list.map((s) => s.unloadedP99Ms))),
      loadedP50Ms: round2(median(list.map((s) => s.loaded.p50Ms))),
      loadedP99Ms: round2(median(list.map((s) => s.loaded.p99Ms))),
      qps: round2(median(list.map((s) => s.loaded.qps))),
      cpuMsPerQuery: round2(median(list.map((s) => s.loaded.serverCpuMsPerQuery ?? NaN))),
      redisCpuMsPerQuery: round2(median(list.map((s) => s.redisCpuMsPerQuery ?? NaN))),
    };
  };
  const a = of("inProcess");
  const b = of("redis");
  return {
    redisVersion: redis.version,
    lookupTtlSeconds,
    sequentialQueries: bench.settings.redisSequentialQueries,
    pairs,
    inProcess: { unloadedP50Ms: a.unloadedP50Ms, unloadedP99Ms: a.unloadedP99Ms, loadedP50Ms: a.loadedP50Ms, loadedP99Ms: a.loadedP99Ms, qps: a.qps, cpuMsPerQuery: a.cpuMsPerQuery },
    redis: b,
    addedUnloadedP50Ms: round2(b.unloadedP50Ms - a.unloadedP50Ms),
    addedUnloadedP99Ms: round2(b.unloadedP99Ms - a.unloadedP99Ms),
    unloadedP50Ratio: round2(b.unloadedP50Ms / a.unloadedP50Ms),
    addedCpuMsPerQuery: round2(b.cpuMsPerQuery - a.cpuMsPerQuery),
    cpuPerQueryRatio: round2(b.cpuMsPerQuery / a.cpuMsPerQuery),
    qpsRatio: round2(b.qps / a.qps),
    upstreamCallsWhileMeasured,
    errors: pairs.reduce((n, p) => n + p.inProcess.loaded.errors + p.redis.loaded.errors, 0),
    redisErrors: redisErrorsOf(metricsAfter) - redisErrorsOf(metricsBefore),
    eventLoopDelayMaxMs: Math.round(metricsAfter["event_loop_delay_ms"]?.["max"] ?? NaN),
  };
}
