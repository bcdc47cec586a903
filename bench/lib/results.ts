// Everything one run measured (results.json) and the gates of issue 8 judged from it.
import type { CallsFigure } from "../phases/calls.js";
import type { Form } from "../phases/common.js";
import type { GatewayCapture } from "../phases/gateway.js";
import type { LogLevelFigure, ProviderCost, VariantFigure } from "../phases/known-costs.js";
import type { LatencyFigure } from "../phases/latency.js";
import type { SearchFigure } from "../phases/search.js";
import { GROWTH_TOLERANCE_BYTES, type MemoryFigure } from "../phases/memory.js";
import { REPLICAS_PHASE, REPLICAS_PRODUCTION_PHASE, type ReplicaCallsFigure } from "../phases/replicas.js";
import type { FormFigure } from "../phases/throughput.js";
import type { RedisCostFigure, WarmThroughputFigure } from "../phases/warm-cache.js";
import type { ClientCost } from "./client-bench.js";
import type { MachineFacts } from "./machine.js";
import type { Settings } from "./settings.js";
import type { ProfileSummary } from "./types.js";
import type { XmlFigures } from "./xml-bench.js";

export interface Results {
  facts: MachineFacts;
  settings: Settings;
  /** Phase name → error, for phases that could not be measured. */
  errors: Record<string, string>;
  durationSeconds?: number;
  /** Share of the machine's CPU time the hypervisor took during the run. */
  stealPercent?: number;
  /** Share of the machine's CPU time used by processes other than the bench's (other work on a shared machine). */
  otherProcessesPercent?: number;
  gateway?: GatewayCapture;
  sameAnswers?: { lookup: { identical: boolean; responseBytes: number }; entities: { identical: boolean; responseBytes: number } };
  throughput?: Record<Form, FormFigure>;
  profiles?: { real: ProfileSummary; prepared: ProfileSummary };
  apolloVariants?: VariantFigure[];
  logLevel?: LogLevelFigure;
  providerCosts?: ProviderCost[];
  httpClients?: ClientCost[];
  xml?: XmlFigures;
  calls?: CallsFigure[];
  latency?: LatencyFigure;
  memory?: MemoryFigure;
  /** redis-server for the figures of replicas sharing Redis: its version, or why there is none. */
  redis?: { available: true; version: string } | { available: false; reason: string };
  /** a-warm: figure (a) with every answer fresh in the real server's lookup cache. */
  throughputWarm?: WarmThroughputFigure;
  /** Upstream calls per distinct purchase order per freshness window, two replicas on Redis (Redis bound raised). */
  replicaCalls?: ReplicaCallsFigure;
  /** The same load on two other replicas with the production Redis bound. */
  replicaCallsProduction?: ReplicaCallsFigure;
  /** What Redis adds to a cached query (informational). */
  redisCost?: RedisCostFigure;
  /** Figure f (issue 15): upstream calls per page of an invoice search. */
  search?: SearchFigure;
  childWarnings?: Record<string, Record<string, number>>;
  gates?: Gate[];
}

export interface Gate {
  readonly figure: string;
  readonly measured: string;
  readonly gate: string;
  readonly verdict: "PASS" | "FAIL" | "NOT MEASURED";
}

const verdict = (ok: boolean | null): Gate["verdict"] => (ok === null ? "NOT MEASURED" : ok ? "PASS" : "FAIL");
const fixed = (n: number | undefined, digits = 2) => (n === undefined || !Number.isFinite(n) ? "n/a" : n.toFixed(digits));

export const GATES = { throughput: 0.75, warmThroughput: 0.75, calls: 1, replicaCalls: 1, latencyTimesS: 4, memoryTimesFloor: 1.5, xmlTimesJson: 20 } as const;

/** Why a figure that needs redis-server has no value: the reason it could not run, or its phase's error. */
function redisReason(results: Results, phase: string): string {
  if (results.redis && !results.redis.available) return `not measured: ${results.redis.reason}`;
  return results.errors[phase] ? `not measured: ${phase} failed (results.json errors)` : "n/a";
}

export function judge(results: Results): Gate[] {
  const gates: Gate[] = [];
  for (const form of ["lookup", "entities"] as const) {
    const figure = results.throughput?.[form];
    gates.push({
      figure: `a. throughput real / prepared, ${form === "lookup" ? "invoicesByPurchaseOrder" : "_entities"} form`,
      measured: fixed(figure?.medianRatio),
      gate: `≥ ${GATES.throughput}`,
      verdict: verdict(figure ? figure.medianRatio >= GATES.throughput : null),
    });
  }
  const warm = results.throughputWarm;
  for (const form of ["lookup", "entities"] as const) {
    const figure = warm?.forms[form];
    // The figure is the one it claims only if no upstream call happened and the cached answers equal the prepared ones.
    const clean = warm ? warm.upstreamCallsWhileMeasured === 0 && warm.sameAnswers[form] : false;
    const caveat = warm && !clean ? ` (${warm.upstreamCallsWhileMeasured} upstream calls while measured${warm.sameAnswers[form] ? "" : ", answers differ from the prepared server's"})` : "";
    gates.push({
      figure: `a-warm. throughput real with every answer fresh in its lookup cache / prepared, ${form === "lookup" ? "invoicesByPurchaseOrder" : "_entities"} form`,
      measured: figure ? `${fixed(figure.medianRatio)}${caveat}` : "n/a",
      gate: `≥ ${GATES.warmThroughput}, no upstream call`,
      verdict: verdict(figure ? figure.medianRatio >= GATES.warmThroughput && clean : null),
    });
  }
  for (const n of [1, 7, 50, 200]) {
    const figure = results.calls?.find((c) => c.n === n);
    const worst = figure ? Math.max(...Object.values(figure.providers).map((p) => p.actual / p.minimum)) : undefined;
    gates.push({
      figure: `b. upstream calls / minimum, N = ${n}`,
      measured: figure ? `${fixed(figure.total.ratio)} (worst provider ${fixed(worst)})` : "n/a",
      gate: "exactly 1.00 for every provider",
      verdict: verdict(figure ? Object.values(figure.providers).every((p) => p.actual === p.minimum) && figure.errors === 0 : null),
    });
  }
  const replicaGate = (figure: ReplicaCallsFigure | undefined, name: string, phase: string) => {
    const worst = figure ? Math.max(...Object.values(figure.providers).map((p) => p.actual / p.minimum)) : undefined;
    gates.push({
      figure: name,
      measured: figure
        ? `${Object.entries(figure.providers)
            .map(([id, p]) => `${id} ${fixed(p.ratio)}`)
            .join(", ")} (worst ${fixed(worst)}; ${figure.errors} errors, ${figure.mismatched} answers changed, ${figure.redisErrors} Redis calls failed or skipped)`
        : redisReason(results, phase),
      gate: "exactly 1.00 for every provider",
      verdict: verdict(figure ? Object.values(figure.providers).every((p) => p.actual === p.minimum) && figure.errors === 0 && figure.mismatched === 0 : null),
    });
  };
  replicaGate(
    results.replicaCalls,
    `b-replicas. upstream calls per distinct purchase order per freshness window, two replicas sharing Redis / minimum (Redis bound ${results.replicaCalls?.redisCommandTimeoutMs ?? "raised"} ms)`,
    REPLICAS_PHASE,
  );
  replicaGate(
    results.replicaCallsProduction,
    `b-replicas′. the same load on two replicas with the production Redis bound (${results.replicaCallsProduction?.redisCommandTimeoutMs ?? 250} ms)`,
    REPLICAS_PRODUCTION_PHASE,
  );
  const latency = results.latency;
  gates.push({
    figure: "c. p99 added over the critical path (budgets that do not bind)",
    measured: latency ? `${fixed(latency.p99AddedMs, 1)} ms (S = ${fixed(latency.serviceTimeMs, 1)} ms)` : "n/a",
    gate: `≤ ${GATES.latencyTimesS} × S`,
    verdict: verdict(latency ? latency.p99AddedMs <= latency.gateMs && latency.loaded.unanswered === 0 && latency.loaded.errors === 0 : null),
  });
  const production = latency && "p99Ms" in latency.production ? latency.production : null;
  gates.push({
    figure: "c′. the same arrivals against the production budgets (TD SYNNEX 4 calls, bulkheads 16/256)",
    measured: production && latency ? `${fixed(production.p99Ms - latency.criticalPathMs, 1)} ms, ${production.errors} errors, ${production.unanswered} unanswered` : "n/a",
    gate: `≤ ${GATES.latencyTimesS} × S`,
    verdict: verdict(production && latency ? production.p99Ms - latency.criticalPathMs <= latency.gateMs && production.unanswered === 0 && production.errors === 0 : null),
  });
  const memory = results.memory;
  gates.push({
    figure: "d. heap per in-flight query / data floor",
    measured: memory ? `${fixed(memory.heapToFloor)} (${Math.round(memory.heapPerQueryBytes / 1024)} KiB vs ${Math.round(memory.dataFloorBytes / 1024)} KiB)` : "n/a",
    gate: `≤ ${GATES.memoryTimesFloor}`,
    verdict: verdict(memory ? memory.heapToFloor <= GATES.memoryTimesFloor && memory.passes.every((p) => p.failed === 0 && p.parkedComplete) : null),
  });
  gates.push({
    figure: "d. heap growth, second pass against the first",
    measured: memory ? `${fixed(memory.secondPassGrowthBytes / 1024, 0)} KiB` : "n/a",
    gate: `≤ ${GROWTH_TOLERANCE_BYTES / 1024} KiB (1 KiB per query of the pass)`,
    verdict: verdict(memory ? memory.secondPassGrowthBytes <= GROWTH_TOLERANCE_BYTES : null),
  });
  for (const reading of results.search?.readings ?? []) {
    gates.push({
      figure: `f. search calls per provider and page, 90-day search, first: 7, ${reading.name}`,
      measured: `${reading.maxSearchCallsPerProviderPage} at most (${reading.pages.length} pages, ${reading.invoices} invoices)${reading.lines ? `, ${fixed(reading.detailsPerIngramInvoice)} Ingram detail per Ingram invoice` : ""}`,
      gate: reading.lines ? "≤ 1, and exactly 1.00 detail per Ingram invoice" : "≤ 1",
      verdict: verdict(reading.errors === 0 && reading.maxSearchCallsPerProviderPage <= 1 && (!reading.lines || reading.detailsPerIngramInvoice === 1)),
    });
  }
  const xml = results.xml?.documents[0];
  gates.push({
    figure: `e. TD SYNNEX read path / JSON.parse, per invoice (${xml?.invoices ?? "?"}-invoice answer)`,
    measured: xml ? `${fixed(xml.ratioToDtoJson, 1)}×` : "n/a",
    gate: `≤ ${GATES.xmlTimesJson}×`,
    verdict: verdict(xml ? xml.ratioToDtoJson <= GATES.xmlTimesJson : null),
  });
  return gates;
}
