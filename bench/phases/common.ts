// What every phase gets: the children, their URLs and the settings.
import { entitiesBody, lookupBody, QUERY_PURCHASE_ORDERS } from "../lib/data.js";
import type { Target } from "../lib/load.js";
import type { BenchChild } from "../lib/rpc.js";
import type { Settings } from "../lib/settings.js";
import type { SimsInfo, UpstreamCounts } from "../lib/types.js";

export interface Server {
  readonly child: BenchChild;
  readonly urls: Readonly<Record<string, string>>;
}

export interface Bench {
  readonly settings: Settings;
  readonly sims: BenchChild;
  readonly info: SimsInfo;
  /** The `_entities` operation text @apollo/gateway sends for PurchaseOrder.invoices. */
  readonly entitiesQuery: string;
}

export type Form = "lookup" | "entities";
export const FORMS: readonly Form[] = ["lookup", "entities"];

export function url(server: Server, name = "subgraph"): string {
  const found = server.urls[name];
  if (found === undefined) throw new Error(`no server URL named ${name}`);
  return found;
}

/** The realistic query in either form, against `target`. */
export function realistic(bench: Bench, form: Form, target: string, headers?: Record<string, string>): Target {
  return form === "lookup"
    ? { url: target, body: lookupBody(QUERY_PURCHASE_ORDERS), mustContain: '"failures":[]', ...(headers ? { headers } : {}) }
    : { url: target, body: entitiesBody(bench.entitiesQuery, QUERY_PURCHASE_ORDERS), mustContain: '"_entities"', ...(headers ? { headers } : {}) };
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;
export const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Every upstream request the simulators saw, token requests included. */
export function upstreamTotal(c: UpstreamCounts): number {
  return c.ingram.searches + c.ingram.details + c.ingram.tokens + c.td.calls + c.fabric.lists + c.fabric.other.length + c.stuller.calls;
}
