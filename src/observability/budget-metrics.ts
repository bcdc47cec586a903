// The rate budget's remaining calls per provider, as the limiter last saw them: the shared
// budget (every replica together) with Redis, this replica's own (or its share during a Redis
// outage) otherwise. Labels: provider only.
import { Gauge } from "prom-client";
import type { Provider } from "../__generated__/resolvers-types.js";
import { metricsRegistry } from "./metrics.js";

const remaining = new Gauge({
  name: "invoices_rate_budget_remaining",
  help: "Calls left in the provider account's rate budget as last seen (for every replica together with Redis; this replica's own or its share otherwise).",
  labelNames: ["provider"] as const,
  registers: [metricsRegistry],
});

export function recordBudgetRemaining(provider: Provider, calls: number): void {
  remaining.set({ provider }, calls);
}
