// Figure (d): memory per in-flight query. A fresh server (started with --expose-gc) whose
// Stuller calls go through a holding proxy: Ingram, TD SYNNEX and fabric answer at once, so
// every one of the `inFlight` queries holds those providers' invoices while it waits for
// Stuller. With every query parked that way (the three providers' calls all counted and the
// server's CPU idle), the server forces GC and reports heap and RSS; the proxy then releases
// Stuller and all queries complete. Done twice: heap after the second pass against the first.
// The "after" readings come once the load's connections are closed and the upstream keep-alive
// sockets have idled out, so both passes are compared in the same state.
// Data floor: the JSON size of the provider answers (PurchaseOrderResult: InvoiceModels and
// notices) the parked queries hold, i.e. Ingram + TD SYNNEX + fabric for the five orders.
import { setTimeout as sleep } from "node:timers/promises";
import { burst, closedLoop, postJson } from "../lib/load.js";
import { cpuSeconds } from "../lib/machine.js";
import type { MemorySample, UpstreamCounts } from "../lib/types.js";
import { realistic, round1, round2, url, type Bench, type Server } from "./common.js";

/** Wait after a pass before the "after" reading: the keep-alive sockets to the simulators idle out after 4 s. */
const SETTLE_MS = 5_000;

/** "No growth": heap after pass 2 at most this much above heap after pass 1. */
export const GROWTH_TOLERANCE_BYTES = 1024 * 1024;

export interface PassFigure {
  /** Heap and RSS after GC right before the pass, with every query parked, and after it. */
  readonly before: MemorySample;
  readonly inFlight: MemorySample;
  readonly after: MemorySample;
  readonly answeredOk: number;
  readonly failed: number;
  readonly parkedAfterMs: number;
  /** False when some queries' calls failed before parking (their queries then answer with failures). */
  readonly parkedComplete: boolean;
  readonly heapPerQueryBytes: number;
  readonly rssPerQueryBytes: number;
}

export interface MemoryFigure {
  readonly queries: number;
  readonly baseline: MemorySample;
  readonly passes: readonly PassFigure[];
  readonly heapPerQueryBytes: number;
  readonly rssPerQueryBytes: number;
  readonly dataFloorBytes: number;
  readonly heapToFloor: number;
  readonly rssToFloor: number;
  readonly secondPassGrowthBytes: number;
  readonly floorDetail: Readonly<Record<string, { bytes: number; invoices: number }>>;
  readonly responseBytes: number;
  /** The held answers as plain JS objects (JSON.parse copies), heap per query: the data's own share. */
  readonly dataAsObjects: { jsonBytes: number; heapBytesPerCopy: number } | null;
}

type Counted = { ingram: number; td: number; fabric: number };
const counted = (c: UpstreamCounts): Counted => ({ ingram: c.ingram.searches + c.ingram.details, td: c.td.calls, fabric: c.fabric.lists });

/**
 * Waits until every query is parked: all of Ingram's, TD SYNNEX's and fabric's calls counted,
 * Stuller's calls held and the server idle. Calls that failed (a timeout on a disturbed
 * machine) are never counted, so parking also ends when the counts stop moving with the
 * server idle; `complete` says which.
 */
async function parked(bench: Bench, server: Server, expected: Counted, queries: number, stullerSlots: number): Promise<{ complete: boolean; counts: Counted }> {
  const deadline = Date.now() + bench.settings.holdTimeoutMs;
  let last = "";
  let still = 0;
  for (;;) {
    const c = counted(await bench.sims.call<UpstreamCounts>("counts"));
    const held = await bench.sims.call<number>("held");
    const before = cpuSeconds(server.child.pid);
    await sleep(300);
    const after = cpuSeconds(server.child.pid);
    const idle = before === null || after === null || after - before < 0.03;
    const complete = c.ingram >= expected.ingram * queries && c.td >= expected.td * queries && c.fabric >= expected.fabric * queries && held >= Math.min(queries, stullerSlots);
    if (complete && idle) return { complete: true, counts: c };
    const key = JSON.stringify([c, held]);
    still = key === last && idle ? still + 1 : 0;
    last = key;
    if (still >= 10) return { complete: false, counts: c };
    if (Date.now() > deadline) throw new Error(`queries were not all parked after ${bench.settings.holdTimeoutMs} ms (counts ${JSON.stringify(c)}, held ${held})`);
  }
}

/** The providers whose answers a parked query holds (all but Stuller, which is held back). */
export const HELD_PROVIDERS = ["INGRAM_MICRO", "TD_SYNNEX", "FABRIC"];

export async function memoryFigure(
  bench: Bench,
  server: Server,
  floorDetail: Record<string, { bytes: number; invoices: number }>,
  dataAsObjects: { jsonBytes: number; heapBytesPerCopy: number } | null,
  stullerSlots: number,
): Promise<MemoryFigure> {
  const queries = bench.settings.inFlight;
  const target = realistic(bench, "lookup", url(server));
  await bench.sims.call("latency", 0);
  await bench.sims.call("hold", false);
  // One query alone: the upstream calls each query makes, then a warm-up.
  await bench.sims.call("resetCounts");
  const reference = await postJson(target.url, target.body);
  const expected = counted(await bench.sims.call<UpstreamCounts>("counts"));
  await closedLoop(target, { concurrency: bench.settings.concurrency, warmupMs: 0, durationMs: 1_500 });
  const baseline = await server.child.call<MemorySample>("memory");

  const passes: PassFigure[] = [];
  let before = baseline;
  for (let pass = 0; pass < 2; pass++) {
    await bench.sims.call("resetCounts");
    await bench.sims.call("hold", true);
    const started = performance.now();
    const load = burst(target, queries);
    try {
      const parking = await parked(bench, server, expected, queries, stullerSlots);
      const parkedAfterMs = Math.round(performance.now() - started);
      const inFlight = await server.child.call<MemorySample>("memory");
      await bench.sims.call("hold", false);
      const outcome = await load.done;
      await load.close();
      await sleep(SETTLE_MS);
      const after = await server.child.call<MemorySample>("memory");
      passes.push({
        before,
        inFlight,
        after,
        answeredOk: outcome.ok,
        failed: outcome.failed,
        parkedAfterMs,
        parkedComplete: parking.complete,
        heapPerQueryBytes: Math.round((inFlight.heapUsed - before.heapUsed) / queries),
        rssPerQueryBytes: Math.round((inFlight.rss - before.rss) / queries),
      });
      before = after;
      process.stderr.write(`  (d) pass ${pass + 1}: parked after ${parkedAfterMs} ms, heap ${round1(inFlight.heapUsed / 2 ** 20)} MiB in flight, ${outcome.ok} ok\n`);
    } finally {
      await bench.sims.call("hold", false);
      await load.close();
    }
  }
  const first = passes[0] as PassFigure;
  const second = passes[1] as PassFigure;
  const held = HELD_PROVIDERS.reduce((sum, id) => sum + (floorDetail[id]?.bytes ?? 0), 0);
  // The larger of the two passes is the figure.
  const heapPerQuery = Math.max(first.heapPerQueryBytes, second.heapPerQueryBytes);
  const rssPerQuery = Math.max(first.rssPerQueryBytes, second.rssPerQueryBytes);
  return {
    queries,
    baseline,
    passes,
    heapPerQueryBytes: Math.round(heapPerQuery),
    rssPerQueryBytes: Math.round(rssPerQuery),
    dataFloorBytes: held,
    heapToFloor: round2(heapPerQuery / held),
    rssToFloor: round2(rssPerQuery / held),
    secondPassGrowthBytes: second.after.heapUsed - first.after.heapUsed,
    floorDetail,
    responseBytes: reference.bytes,
    dataAsObjects,
  };
}
