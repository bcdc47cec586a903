// Figure (b): upstream calls per `_entities` request over the theoretical minimum, for N
// distinct purchase orders sent as N + ceil(N/2) representations (every other one twice).
// Calls are counted from the simulators' own request logs; token calls are reported apart.
// Minimum per provider: TD SYNNEX one call per distinct PO; fabric one list call per distinct
// PO (each bench PO has at most 10 invoices, one page); Ingram one v6 search per distinct PO
// plus one v5 detail per distinct invoice the searches list; Stuller ceil(distinct / K).
// Each N uses bench orders no earlier phase asked for, so caches are cold.
import { DEFAULT_MAX_PURCHASE_ORDERS_PER_CALL } from "../../src/providers/stuller/index.js";
import { benchOrder, entitiesBody, ingramInvoicesOfBenchOrder } from "../lib/data.js";
import { postJson } from "../lib/load.js";
import type { UpstreamCounts } from "../lib/types.js";
import { round2, url, type Bench, type Server } from "./common.js";

export const CALL_SIZES = [1, 7, 50, 200] as const;

export interface ProviderCalls {
  readonly actual: number;
  readonly minimum: number;
  readonly ratio: number;
  /** Calls that repeated an earlier call of the same request (same PO / invoice / page). */
  readonly repeats: number;
}

export interface CallsFigure {
  readonly n: number;
  readonly representations: number;
  readonly providers: Readonly<Record<string, ProviderCalls>>;
  readonly total: ProviderCalls;
  readonly tokenCalls: number;
  readonly invoicesReturned: number;
  readonly errors: number;
}

export const repeats = (list: readonly string[]): number => list.length - new Set(list).size;

/**
 * The fewest upstream calls that can answer the bench orders `indexes` (distinct), per
 * provider: Ingram one v6 search per order plus one v5 detail per invoice it lists, TD SYNNEX
 * and fabric one call per order, Stuller ceil(orders / K) (K orders per call) when they are
 * asked together.
 */
export function minimumCalls(indexes: readonly number[]): Record<"INGRAM_MICRO" | "TD_SYNNEX" | "FABRIC" | "STULLER", number> {
  const n = indexes.length;
  return {
    INGRAM_MICRO: n + indexes.reduce((sum, i) => sum + ingramInvoicesOfBenchOrder(i), 0),
    TD_SYNNEX: n,
    FABRIC: n,
    STULLER: Math.ceil(n / DEFAULT_MAX_PURCHASE_ORDERS_PER_CALL),
  };
}

export async function callsFigure(bench: Bench, real: Server): Promise<CallsFigure[]> {
  const figures: CallsFigure[] = [];
  let next = 1;
  for (const n of CALL_SIZES) {
    const indexes = Array.from({ length: n }, (_, i) => next + i);
    next += n;
    const distinct = indexes.map(benchOrder);
    const representations = [...distinct, ...distinct.filter((_, i) => i % 2 === 0)];
    await bench.sims.call("resetCounts");
    const answer = await postJson(url(real), entitiesBody(bench.entitiesQuery, representations));
    const counts = await bench.sims.call<UpstreamCounts>("counts");
    const body = answer.json as { data?: { _entities?: Array<{ invoices?: unknown[] } | null> }; errors?: unknown[] };
    const entities = body.data?._entities ?? [];
    if (entities.length !== representations.length) throw new Error(`_entities answered ${entities.length} of ${representations.length} representations`);

    const minimum = minimumCalls(indexes);
    const entry = (actual: number, minimum: number, rep: number): ProviderCalls => ({ actual, minimum, ratio: round2(actual / minimum), repeats: rep });
    const providers: Record<string, ProviderCalls> = {
      INGRAM_MICRO: entry(counts.ingram.searches + counts.ingram.details, minimum.INGRAM_MICRO, repeats(counts.ingram.searchedOrders) + repeats(counts.ingram.detailNumbers)),
      TD_SYNNEX: entry(counts.td.calls, minimum.TD_SYNNEX, repeats(counts.td.orders)),
      FABRIC: entry(counts.fabric.lists, minimum.FABRIC, repeats(counts.fabric.listedOrders)),
      STULLER: entry(counts.stuller.calls, minimum.STULLER, repeats(counts.stuller.orders)),
    };
    const actual = Object.values(providers).reduce((s, p) => s + p.actual, 0);
    const total = Object.values(providers).reduce((s, p) => s + p.minimum, 0);
    figures.push({
      n,
      representations: representations.length,
      providers,
      total: entry(actual, total, Object.values(providers).reduce((s, p) => s + p.repeats, 0)),
      tokenCalls: counts.ingram.tokens + counts.fabric.other.filter((route) => route === "token").length,
      invoicesReturned: entities.reduce((s, e) => s + (e?.invoices?.length ?? 0), 0),
      errors: body.errors?.length ?? 0,
    });
    process.stderr.write(`  (b) N=${n}: ${actual} calls, minimum ${total}\n`);
  }
  return figures;
}
