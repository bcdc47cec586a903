// Figure (a): closed-loop throughput of the real subgraph over the simulators (zero added
// latency) divided by that of the same startSubgraph over prepared results, in interleaved
// pairs (the order alternates per pair), for the query and the `_entities` form.
import { closedLoop, median, type ClosedLoopResult, type Target } from "../lib/load.js";
import { withCpu } from "../lib/machine.js";
import type { UpstreamCounts } from "../lib/types.js";
import { FORMS, realistic, round2, upstreamTotal, url, type Bench, type Form, type Server } from "./common.js";

export interface Run extends ClosedLoopResult {
  /** CPU share of the server process (1.0 = its whole core) and of the simulators' process. */
  readonly serverCpu: number | null;
  readonly simsCpu: number | null;
  /** Server CPU milliseconds per answered query. */
  readonly serverCpuMsPerQuery: number | null;
}

export async function measure(bench: Bench, server: Server, target: Target, timing?: { warmupMs: number; durationMs: number }): Promise<Run> {
  const { settings } = bench;
  const { result, cpu } = await withCpu({ server: server.child.pid, sims: bench.sims.pid }, () =>
    closedLoop(target, { concurrency: settings.concurrency, warmupMs: timing?.warmupMs ?? settings.warmupMs, durationMs: timing?.durationMs ?? settings.durationMs }),
  );
  const serverCpu = cpu["server"] ?? null;
  return { ...result, qps: round2(result.qps), serverCpu, simsCpu: cpu["sims"] ?? null, serverCpuMsPerQuery: serverCpu === null || result.qps === 0 ? null : round2((serverCpu * 1000) / result.qps) };
}

/** Unmeasured load so every measured run meets a warm JIT, pools and token caches. */
export async function warmUp(bench: Bench, server: Server, ms: number, name = "subgraph"): Promise<void> {
  for (const form of FORMS) await closedLoop(realistic(bench, form, url(server, name)), { concurrency: bench.settings.concurrency, warmupMs: 0, durationMs: ms / 2 });
}

export interface FormFigure {
  /**
   * realUpstreamCallsPerQuery: upstream requests the simulators saw during the real run (its
   * warm-up included) per query answered in it. A query alone makes 22; queries in flight at
   * once share identical calls under way (the lookup cache's coalescing, also at
   * LOOKUP_CACHE_TTL_SECONDS=0), so a closed loop of one query makes fewer.
   */
  readonly pairs: ReadonlyArray<{ readonly real: Run; readonly prepared: Run; readonly ratio: number; readonly realUpstreamCalls: number; readonly realUpstreamCallsPerQuery: number }>;
  readonly medianRatio: number;
  readonly medianRealQps: number;
  readonly medianPreparedQps: number;
  /** Ratio of server CPU per query, prepared / real (the same question asked of CPU time). */
  readonly cpuPerQueryRatio: number | null;
  readonly medianRealUpstreamCallsPerQuery: number;
}

/** `label` names the figure in the progress lines ("a", or "a-warm" for the real server with a warm cache). */
export async function throughputFigure(bench: Bench, real: Server, prepared: Server, label = "a"): Promise<Record<Form, FormFigure>> {
  const pairs: Record<Form, Array<{ real: Run; prepared: Run; ratio: number; realUpstreamCalls: number; realUpstreamCallsPerQuery: number }>> = { lookup: [], entities: [] };
  for (let pair = 0; pair < bench.settings.pairs; pair++) {
    for (const form of FORMS) {
      const order = pair % 2 === 0 ? ["real", "prepared"] : ["prepared", "real"];
      const runs: Record<string, Run> = {};
      let realCalls = 0;
      for (const side of order) {
        const server = side === "real" ? real : prepared;
        if (side === "real") await bench.sims.call("resetCounts");
        runs[side] = await measure(bench, server, realistic(bench, form, url(server)));
        if (side === "real") realCalls = upstreamTotal(await bench.sims.call<UpstreamCounts>("counts"));
      }
      const r = runs["real"] as Run;
      const p = runs["prepared"] as Run;
      const answered = (r.qps * (bench.settings.warmupMs + bench.settings.durationMs)) / 1000;
      pairs[form].push({ real: r, prepared: p, ratio: round2(r.qps / p.qps), realUpstreamCalls: realCalls, realUpstreamCallsPerQuery: answered === 0 ? NaN : round2(realCalls / answered) });
      process.stderr.write(`  (${label}) ${form} pair ${pair + 1}: real ${r.qps}/s, prepared ${p.qps}/s, ratio ${round2(r.qps / p.qps)}\n`);
    }
  }
  const figure = (form: Form): FormFigure => {
    const list = pairs[form];
    const cpuReal = median(list.map((p) => p.real.serverCpuMsPerQuery ?? NaN));
    const cpuPrepared = median(list.map((p) => p.prepared.serverCpuMsPerQuery ?? NaN));
    return {
      pairs: list,
      medianRatio: median(list.map((p) => p.ratio)),
      medianRealQps: median(list.map((p) => p.real.qps)),
      medianPreparedQps: median(list.map((p) => p.prepared.qps)),
      cpuPerQueryRatio: Number.isFinite(cpuReal) && Number.isFinite(cpuPrepared) ? round2(cpuPrepared / cpuReal) : null,
      medianRealUpstreamCallsPerQuery: median(list.map((p) => p.realUpstreamCallsPerQuery)),
    };
  };
  return { lookup: figure("lookup"), entities: figure("entities") };
}
