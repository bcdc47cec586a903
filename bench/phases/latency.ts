// Figure (c): latency with every simulator answering after 50 ms.
// Critical path CP: the longest chain of upstream calls that depend on each other, Ingram's
// v6 search then v5 detail, 2 × 50 ms; every other provider answers in one round trip.
// S: the single-query service time, the unloaded latency (sequential queries, median)
// minus CP: what the subgraph adds to one query when nothing else runs.
// Loaded: uniform open-loop arrivals at half the capacity measured in (a), latency measured
// from each request's scheduled send time. Gate: p99 − CP ≤ 4 × S.
import { median, openLoop, sequential, type OpenLoopResult } from "../lib/load.js";
import { realistic, round1, url, type Bench, type Server } from "./common.js";

export interface LatencyFigure {
  readonly upstreamLatencyMs: number;
  readonly criticalPathMs: number;
  /** Unloaded latency at zero added upstream latency (the subgraph's own time, loopback included). */
  readonly unloadedZeroLatencyMs: number;
  readonly unloadedMs: number;
  readonly serviceTimeMs: number;
  readonly rate: number;
  readonly loaded: OpenLoopResult;
  readonly p99AddedMs: number;
  readonly gateMs: number;
  /** The same arrivals against the production concurrency budgets (TD SYNNEX 4, bulkheads 16/256). */
  readonly production: OpenLoopResult | { readonly error: string };
}

export async function latencyFigure(bench: Bench, raised: Server, production: Server, capacity: number): Promise<LatencyFigure> {
  const { settings } = bench;
  const target = realistic(bench, "lookup", url(raised));
  const criticalPathMs = 2 * settings.latencyMs;
  const skip = Math.min(5, Math.floor(settings.unloadedQueries / 3));

  await bench.sims.call("latency", 0);
  const zero = await sequential(target, settings.unloadedQueries);
  await bench.sims.call("latency", settings.latencyMs);
  try {
    const unloaded = median((await sequential(target, settings.unloadedQueries)).slice(skip));
    const serviceTimeMs = unloaded - criticalPathMs;
    const rate = Math.max(1, Math.round(capacity / 2));
    process.stderr.write(`  (c) unloaded ${round1(unloaded)} ms; open loop at ${rate}/s\n`);
    const loaded = await openLoop(target, { rate, warmupMs: settings.openWarmupMs, durationMs: settings.openDurationMs, maxWaitMs: 20_000, connections: 512 });
    process.stderr.write(`  (c) p50 ${round1(loaded.p50Ms)} ms, p99 ${round1(loaded.p99Ms)} ms\n`);

    let productionRun: LatencyFigure["production"];
    try {
      productionRun = await openLoop(realistic(bench, "lookup", url(production)), {
        rate,
        warmupMs: 1_000,
        durationMs: settings.productionOpenDurationMs,
        maxWaitMs: 8_000,
        connections: 512,
      });
      process.stderr.write(`  (c) production budgets: p50 ${round1(productionRun.p50Ms)} ms, p99 ${round1(productionRun.p99Ms)} ms, ${productionRun.errors} errors\n`);
    } catch (error) {
      productionRun = { error: error instanceof Error ? error.message : String(error) };
    }
    return {
      upstreamLatencyMs: settings.latencyMs,
      criticalPathMs,
      unloadedZeroLatencyMs: round1(median(zero.slice(skip))),
      unloadedMs: round1(unloaded),
      serviceTimeMs: round1(serviceTimeMs),
      rate,
      loaded,
      p99AddedMs: round1(loaded.p99Ms - criticalPathMs),
      gateMs: round1(4 * serviceTimeMs),
      production: productionRun,
    };
  } finally {
    await bench.sims.call("latency", 0);
  }
}
