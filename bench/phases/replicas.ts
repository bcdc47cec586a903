// Upstream calls per distinct purchase order per freshness window, with two replicas of one
// deployment sharing one redis-server (REDIS_URL and key prefix alike), each a real subgraph
// over the real clients and the simulators, LOOKUP_CACHE_TTL_SECONDS at its default.
//
// Load, all inside one freshness window (checked): rounds of fresh bench orders; in each round
// many requests that each ask 5 consecutive orders of the round (so every order is asked by
// about ten requests, and some requests are identical), spread over both replicas and both
// forms (invoicesByPurchaseOrder and `_entities`), sent one every few milliseconds so that
// answers arrive while other requests for the same orders are still starting; then the same
// requests again at once (every answer must now come from the cache and equal the first one);
// after the rounds, a closed loop of repeated lookups of all the orders on both replicas.
//
// Counted at the simulators, per provider, against the fewest calls those orders need
// (phases/calls.ts): Ingram one search per order plus one detail per invoice, TD SYNNEX and
// fabric one call per order. Stuller takes up to 25 orders per call, so how many calls
// concurrent requests need depends on how they batch; what must not repeat is an order, so
// Stuller is counted in orders asked (minimum: one per order), its calls reported beside.
import { Pool } from "undici";
import { benchOrder, entitiesBody, lookupBody } from "../lib/data.js";
import type { CacheMetrics, UpstreamCounts } from "../lib/types.js";
import { minimumCalls, repeats } from "./calls.js";
import { round2, url, type Bench, type Form, type Server } from "./common.js";

/** The phases' names in results.json `errors`: the gated run, and the same with the production Redis bound. */
export const REPLICAS_PHASE = "b-replicas. upstream calls, two replicas on Redis";
export const REPLICAS_PRODUCTION_PHASE = "b-replicas′. the same with the production Redis bound";

export interface ReplicaProviderCalls {
  readonly unit: string;
  readonly actual: number;
  readonly minimum: number;
  readonly ratio: number;
  /** Calls that repeated an earlier one (same order, invoice or page). */
  readonly repeats: number;
  /** Orders (or invoice numbers) asked more than once, first few. */
  readonly repeated: readonly string[];
}

export interface ReplicaCallsFigure {
  readonly windowSeconds: number;
  readonly redisVersion: string;
  /** Bound of every Redis call of both replicas (production: 250 ms). */
  readonly redisCommandTimeoutMs: number;
  readonly orders: number;
  readonly rounds: number;
  readonly requests: { readonly cold: number; readonly repeatedAtOnce: number; readonly closedLoop: number };
  /** From the first request to the last answer: must stay inside one window. */
  readonly elapsedMs: number;
  readonly providers: Readonly<Record<string, ReplicaProviderCalls>>;
  readonly stullerCalls: { readonly actual: number; readonly ordersPerCall: readonly number[] };
  readonly tokenCalls: { readonly ingram: number; readonly fabric: number };
  /** Answers that were not 200, carried errors or failures, or missed entities. */
  readonly errors: number;
  /** Repeated requests whose answer differed from the first answer to the same request. */
  readonly mismatched: number;
  /** The first few answers counted as errors (status and failures or errors). */
  readonly sampleFailures: readonly string[];
  /** Redis calls that failed or were skipped during a cool-down, both replicas (invoices_redis_errors_total). */
  readonly redisErrors: number;
  /** Longest the replicas' event loops ran late during the figure (monitorEventLoopDelay), ms. */
  readonly eventLoopDelayMaxMs: number;
  /** Each replica's cache and Redis counters at the end (fresh processes: this figure only). */
  readonly replicas: Readonly<Record<string, CacheMetrics>>;
}

interface Ask {
  readonly replica: 0 | 1;
  readonly form: Form;
  readonly orders: readonly string[];
}

/** Small deterministic generator, so every run asks the same things. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface ReplicaRun {
  readonly label: string;
  readonly redisVersion: string;
  readonly windowSeconds: number;
  readonly redisCommandTimeoutMs: number;
}

export async function replicaCallsFigure(bench: Bench, replicas: readonly [Server, Server], run: ReplicaRun): Promise<ReplicaCallsFigure> {
  const { settings } = bench;
  const { label, windowSeconds } = run;
  // Each replica's event-loop delay from here on (the read resets it).
  for (const replica of replicas) await replica.child.call<CacheMetrics>("cacheMetrics");
  const urls = [url(replicas[0]), url(replicas[1])] as const;
  const pools = urls.map((u) => new Pool(new URL(u).origin, { connections: Math.max(16, settings.replicaRequestsPerRound), pipelining: 1 }));
  const paths = urls.map((u) => new URL(u).pathname);
  let errors = 0;
  let mismatched = 0;
  const failed: string[] = [];

  const body = (ask: Ask) => (ask.form === "lookup" ? lookupBody(ask.orders) : entitiesBody(bench.entitiesQuery, [...ask.orders, ask.orders[0] ?? ""]));
  async function send(ask: Ask): Promise<string> {
    const pool = pools[ask.replica] as Pool;
    const res = await pool.request({ method: "POST", path: paths[ask.replica] ?? "/graphql", headers: { "content-type": "application/json" }, body: body(ask) });
    const text = await res.body.text();
    let ok = res.statusCode === 200 && !text.includes('"errors"');
    if (ok && ask.form === "lookup") ok = text.includes('"failures":[]');
    if (ok && ask.form === "entities") {
      const entities = (JSON.parse(text) as { data?: { _entities?: unknown[] } }).data?._entities ?? [];
      ok = entities.length === ask.orders.length + 1 && entities.every((e) => e !== null);
    }
    if (!ok) {
      errors += 1;
      if (failed.length < 3) failed.push(`${res.statusCode} ${text.includes('"failures":[{') ? text.slice(text.indexOf('"failures"'), text.indexOf('"failures"') + 300) : text.slice(0, 300)}`);
    }
    return text;
  }

  const indexes: number[] = [];
  let cold = 0;
  let repeatedAtOnce = 0;
  let closedLoop = 0;
  try {
    await bench.sims.call("resetCounts");
    const started = performance.now();
    for (let round = 0; round < settings.replicaRounds; round++) {
      const first = round * settings.replicaOrdersPerRound + 1;
      const orders = Array.from({ length: settings.replicaOrdersPerRound }, (_, i) => first + i);
      indexes.push(...orders);
      const asks: Ask[] = Array.from({ length: settings.replicaRequestsPerRound }, (_, j) => {
        const offset = (j * 2) % orders.length;
        const chosen = Array.from({ length: 5 }, (_, k) => benchOrder(orders[(offset + k) % orders.length] ?? first));
        return { replica: (j % 2) as 0 | 1, form: Math.floor(j / 2) % 2 === 0 ? "lookup" : "entities", orders: chosen };
      });
      const gap = settings.replicaSpreadMs / asks.length;
      const roundStarted = performance.now();
      const firstAnswers = await Promise.all(
        asks.map(async (ask, j) => {
          await new Promise((resolve) => setTimeout(resolve, j * gap));
          return send(ask);
        }),
      );
      cold += asks.length;
      const coldMs = Math.round(performance.now() - roundStarted);
      const again = await Promise.all(asks.map((ask) => send(ask)));
      repeatedAtOnce += asks.length;
      mismatched += again.filter((text, j) => text !== firstAnswers[j]).length;
      process.stderr.write(
        `  (${label}) round ${round + 1}: ${asks.length} requests over ${settings.replicaOrdersPerRound} fresh orders in ${coldMs} ms, then again at once in ${Math.round(performance.now() - roundStarted) - coldMs} ms\n`,
      );
    }
    // Repeated lookups of every order of the figure, on both replicas: all fresh by now.
    const random = lcg(11);
    const end = performance.now() + settings.replicaRepeatMs;
    await Promise.all(
      Array.from({ length: 16 }, async (_, worker) => {
        while (performance.now() < end) {
          const chosen = Array.from({ length: 5 }, () => benchOrder(indexes[Math.floor(random() * indexes.length)] ?? 1));
          await send({ replica: (worker % 2) as 0 | 1, form: worker % 4 < 2 ? "lookup" : "entities", orders: [...new Set(chosen)] });
          closedLoop += 1;
        }
      }),
    );
    const elapsedMs = Math.round(performance.now() - started);
    if (elapsedMs >= (windowSeconds - 5) * 1000) throw new Error(`the load took ${elapsedMs} ms, not inside one ${windowSeconds} s freshness window: the counts would cover two`);

    const counts = await bench.sims.call<UpstreamCounts>("counts");
    const minimum = minimumCalls(indexes);
    const twice = (list: readonly string[]) => [...new Set(list.filter((item, i) => list.indexOf(item) !== i))].slice(0, 10);
    const entry = (unit: string, actual: number, min: number, lists: ReadonlyArray<readonly string[]>): ReplicaProviderCalls => ({
      unit,
      actual,
      minimum: min,
      ratio: round2(actual / min),
      repeats: lists.reduce((n, list) => n + repeats(list), 0),
      repeated: lists.flatMap(twice).slice(0, 10),
    });
    const stullerOrders = counts.stuller.orders.length;
    const providers: Record<string, ReplicaProviderCalls> = {
      INGRAM_MICRO: entry("calls (searches + details)", counts.ingram.searches + counts.ingram.details, minimum.INGRAM_MICRO, [counts.ingram.searchedOrders, counts.ingram.detailNumbers]),
      TD_SYNNEX: entry("calls", counts.td.calls, minimum.TD_SYNNEX, [counts.td.orders]),
      FABRIC: entry("list calls", counts.fabric.lists, minimum.FABRIC, [counts.fabric.listedOrders]),
      STULLER: entry("orders asked", stullerOrders, indexes.length, [counts.stuller.orders]),
    };
    const metrics: Record<string, CacheMetrics> = {};
    for (const [i, replica] of replicas.entries()) metrics[`replica ${i === 0 ? "A" : "B"}`] = await replica.child.call<CacheMetrics>("cacheMetrics");
    for (const [id, p] of Object.entries(providers)) process.stderr.write(`  (${label}) ${id}: ${p.actual} ${p.unit}, minimum ${p.minimum}${p.repeated.length ? `, repeated ${p.repeated.join(" ")}` : ""}\n`);
    const redisErrors = Object.values(metrics).reduce((n, m) => n + Object.values(m["invoices_redis_errors_total"] ?? {}).reduce((a, b) => a + b, 0), 0);
    const eventLoopDelayMaxMs = Math.round(Math.max(...Object.values(metrics).map((m) => m["event_loop_delay_ms"]?.["max"] ?? 0)));
    return {
      windowSeconds,
      redisVersion: run.redisVersion,
      redisCommandTimeoutMs: run.redisCommandTimeoutMs,
      orders: indexes.length,
      rounds: settings.replicaRounds,
      requests: { cold, repeatedAtOnce, closedLoop },
      elapsedMs,
      providers,
      stullerCalls: { actual: counts.stuller.calls, ordersPerCall: counts.stuller.ordersPerCall },
      tokenCalls: { ingram: counts.ingram.tokens, fabric: counts.fabric.other.filter((route) => route === "token").length },
      errors,
      mismatched,
      sampleFailures: failed,
      redisErrors,
      eventLoopDelayMaxMs,
      replicas: metrics,
    };
  } finally {
    await Promise.allSettled(pools.map((pool) => pool.destroy()));
  }
}
