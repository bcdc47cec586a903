// Upstream call metrics, recorded by the transport for every attempt. Labels are bounded:
// provider (4), method, status class and failure code (6) — never a URL, PO or invoice.
import { Counter, Gauge, Histogram } from "prom-client";
import type { Provider } from "../__generated__/resolvers-types.js";
import { metricsRegistry } from "./metrics.js";

const attempts = new Counter({
  name: "invoices_upstream_attempts_total",
  help: "Upstream HTTP attempts, by provider, method and outcome (2xx, 4xx, 5xx, 429, error).",
  labelNames: ["provider", "method", "outcome"] as const,
  registers: [metricsRegistry],
});

const duration = new Histogram({
  name: "invoices_upstream_attempt_duration_seconds",
  help: "Duration of upstream HTTP attempts, headers and body, by provider.",
  labelNames: ["provider"] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

const failures = new Counter({
  name: "invoices_upstream_failures_total",
  help: "Upstream requests that failed after the transport's retries, by provider and failure code.",
  labelNames: ["provider", "code"] as const,
  registers: [metricsRegistry],
});

const BREAKER_STATES = ["closed", "open", "half-open", "isolated"] as const;
const breakerSources = new Map<Provider, () => string>();

new Gauge({
  name: "invoices_circuit_breaker_state",
  help: "Circuit breaker state per provider: 1 for the current state, 0 for the others.",
  labelNames: ["provider", "state"] as const,
  registers: [metricsRegistry],
  collect() {
    this.reset();
    for (const [provider, state] of breakerSources) {
      const current = state();
      for (const s of BREAKER_STATES) this.set({ provider, state: s }, s === current ? 1 : 0);
    }
  },
});

export function outcomeOf(status: number | null): string {
  if (status === null) return "error";
  if (status === 429) return "429";
  return `${Math.floor(status / 100)}xx`;
}

export function recordAttempt(provider: Provider, method: string, status: number | null, seconds: number): void {
  attempts.inc({ provider, method, outcome: outcomeOf(status) });
  duration.observe({ provider }, seconds);
}

export function recordFailure(provider: Provider, code: string): void {
  failures.inc({ provider, code });
}

/** The latest transport of a provider reports its breaker state. */
export function registerBreaker(provider: Provider, state: () => string): void {
  breakerSources.set(provider, state);
}
