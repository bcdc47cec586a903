// Known costs, measured before anything is recommended:
// - Apollo's per-field cache-control hook and the subgraph inline-trace plugin: the same
//   prepared subgraph with each switched off (addPlugin before start), and with the router's
//   `apollo-federation-include-trace: ftv1` header, relative to the shipped configuration;
// - logging: the real subgraph at LOG_LEVEL=info (the default; one "upstream attempt" line per
//   upstream call) against LOG_LEVEL=warn, interleaved pairs;
// - where the time goes: CPU profiles of the real and the prepared server under load;
// - HTTP clients: undici.request (what the transport uses) against undici.fetch and Node's fetch.
import type { ClientCost } from "../lib/client-bench.js";
import { lookupBody, QUERY_PURCHASE_ORDERS } from "../lib/data.js";
import { median, postJson } from "../lib/load.js";
import type { ProfileSummary, UpstreamCounts } from "../lib/types.js";
import { realistic, round2, url, type Bench, type Server } from "./common.js";
import { measure, type Run } from "./throughput.js";

export interface VariantFigure {
  readonly variant: string;
  readonly qps: number;
  /** Throughput relative to the shipped configuration (> 1: faster without it). */
  readonly relative: number;
  /** Server microseconds per query saved (positive) or added, against shipped. */
  readonly microsPerQueryDelta: number;
  readonly runs: readonly Run[];
}

export async function apolloVariants(bench: Bench, variants: Server): Promise<VariantFigure[]> {
  const names = Object.keys(variants.urls);
  const runs = new Map<string, Run[]>(names.map((n) => [n, []]));
  for (let round = 0; round < bench.settings.variantRounds; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const headers = name.includes("ftv1") ? { "apollo-federation-include-trace": "ftv1" } : undefined;
      const run = await measure(bench, variants, realistic(bench, "lookup", url(variants, name), headers), {
        warmupMs: bench.settings.variantWarmupMs,
        durationMs: bench.settings.variantDurationMs,
      });
      runs.get(name)?.push(run);
      process.stderr.write(`  known cost: ${name}: ${run.qps}/s\n`);
    }
  }
  const qpsOf = (name: string) => median((runs.get(name) ?? []).map((r) => r.qps));
  const shipped = qpsOf("shipped");
  return names.map((variant) => {
    const qps = qpsOf(variant);
    return { variant, qps, relative: round2(qps / shipped), microsPerQueryDelta: Math.round(1e6 / shipped - 1e6 / qps), runs: runs.get(variant) ?? [] };
  });
}

export interface LogLevelFigure {
  readonly infoQps: number;
  readonly warnQps: number;
  readonly relative: number;
  readonly infoCpuMsPerQuery: number;
  readonly warnCpuMsPerQuery: number;
  readonly pairs: ReadonlyArray<{ info: Run; warn: Run }>;
}

export async function logLevelCost(bench: Bench, info: Server, warn: Server): Promise<LogLevelFigure> {
  const pairs: Array<{ info: Run; warn: Run }> = [];
  for (let pair = 0; pair < bench.settings.logPairs; pair++) {
    const timing = { warmupMs: bench.settings.variantWarmupMs, durationMs: bench.settings.variantDurationMs };
    const first = pair % 2 === 0 ? info : warn;
    const second = first === info ? warn : info;
    const a = await measure(bench, first, realistic(bench, "lookup", url(first)), timing);
    const b = await measure(bench, second, realistic(bench, "lookup", url(second)), timing);
    pairs.push(first === info ? { info: a, warn: b } : { info: b, warn: a });
    process.stderr.write(`  known cost: LOG_LEVEL info ${pairs[pair]?.info.qps}/s, warn ${pairs[pair]?.warn.qps}/s\n`);
  }
  const infoQps = median(pairs.map((p) => p.info.qps));
  const warnQps = median(pairs.map((p) => p.warn.qps));
  return {
    infoQps,
    warnQps,
    relative: round2(warnQps / infoQps),
    infoCpuMsPerQuery: median(pairs.map((p) => p.info.serverCpuMsPerQuery ?? NaN)),
    warnCpuMsPerQuery: median(pairs.map((p) => p.warn.serverCpuMsPerQuery ?? NaN)),
    pairs,
  };
}

/** CPU profile of `server` while the closed loop runs against it. */
export async function profileUnderLoad(bench: Bench, server: Server): Promise<ProfileSummary> {
  const ms = bench.settings.profileMs;
  const load = measure(bench, server, realistic(bench, "lookup", url(server)), { warmupMs: 500, durationMs: ms + 500 });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const profile = await server.child.call<ProfileSummary>("profile", ms);
  await load;
  return profile;
}

export async function httpClients(bench: Bench, variants: Server): Promise<ClientCost[]> {
  return variants.child.call<ClientCost[]>("clients", { url: bench.info.responderUrl, requests: bench.settings.clientRequests, concurrency: 16, rounds: bench.settings.microRounds });
}

export interface ProviderCost {
  readonly provider: string;
  /** Upstream calls of the query alone. */
  readonly upstreamCallsPerQuery: number;
  /**
   * Upstream calls per answered query in the closed loop: fewer, since identical queries in
   * flight at once share calls under way (the lookup cache's coalescing, also at TTL 0).
   */
  readonly upstreamCallsPerQueryUnderLoad: number;
  readonly realCpuMsPerQuery: number;
  readonly preparedCpuMsPerQuery: number;
  /** Server CPU the real path adds per upstream call (HTTP, decoding, validation, normalization, logging, resilience). */
  readonly addedMicrosPerCall: number;
}

/**
 * The realistic query restricted to one provider (`providers: [P]`), on the real and the
 * prepared server: the difference in server CPU per query is that provider's upstream path,
 * divided by the upstream calls the query makes to it.
 */
export async function providerCosts(bench: Bench, real: Server, prepared: Server): Promise<ProviderCost[]> {
  const timing = { warmupMs: bench.settings.variantWarmupMs, durationMs: bench.settings.variantDurationMs };
  const costs: ProviderCost[] = [];
  for (const provider of ["INGRAM_MICRO", "TD_SYNNEX", "FABRIC", "STULLER"]) {
    const body = lookupBody(QUERY_PURCHASE_ORDERS, [provider]);
    await bench.sims.call("resetCounts");
    await postJson(url(real), body);
    const c = await bench.sims.call<UpstreamCounts>("counts");
    const calls = c.ingram.searches + c.ingram.details + c.td.calls + c.fabric.lists + c.stuller.calls;
    await bench.sims.call("resetCounts");
    const r = await measure(bench, real, { url: url(real), body, mustContain: '"failures":[]' }, timing);
    const loaded = await bench.sims.call<UpstreamCounts>("counts");
    const underLoad = (loaded.ingram.searches + loaded.ingram.details + loaded.td.calls + loaded.fabric.lists + loaded.stuller.calls) / ((r.qps * (timing.warmupMs + timing.durationMs)) / 1000);
    const p = await measure(bench, prepared, { url: url(prepared), body, mustContain: '"failures":[]' }, timing);
    const realMs = r.serverCpuMsPerQuery ?? NaN;
    const preparedMs = p.serverCpuMsPerQuery ?? NaN;
    costs.push({
      provider,
      upstreamCallsPerQuery: calls,
      upstreamCallsPerQueryUnderLoad: round2(underLoad),
      realCpuMsPerQuery: realMs,
      preparedCpuMsPerQuery: preparedMs,
      // Per call actually made in the loop (CPU per query is measured there too).
      addedMicrosPerCall: Math.round(((realMs - preparedMs) * 1000) / underLoad),
    });
    process.stderr.write(`  known cost: ${provider} alone: real ${realMs} ms, prepared ${preparedMs} ms CPU per query, ${calls} calls alone, ${round2(underLoad)} per query in the loop\n`);
  }
  return costs;
}
