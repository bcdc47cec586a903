// Shutdown in two phases, as a rolling restart needs it. On the signal, readiness answers 503
// at once while the subgraph keeps accepting and serving for `delayMs` (load balancers and
// Kubernetes take a moment to stop routing here); then it stops accepting connections and
// lets requests in flight finish. At `graceMs` after the signal every upstream call still
// running is cut, so its request is answered with a typed TIMEOUT failure rather than a cut
// connection, and whatever is still open shortly after is closed. The whole shutdown is
// bounded by `graceMs` plus a second, whatever the upstreams do.
import type { RunningSubgraph } from "../server.js";

export interface ShutdownPlan {
  readonly subgraph: Pick<RunningSubgraph, "drain" | "stop">;
  /** Time after the signal during which the subgraph still serves (readiness already 503). */
  readonly delayMs: number;
  /** Hard bound from the signal to the cut of every upstream call. */
  readonly graceMs: number;
  /** Aborts every upstream call still running (the process's shutdown signal). */
  readonly cutUpstream: () => void;
  /** Releases what the process holds (provider connections, Redis); bounded by the caller. */
  readonly release: () => Promise<void>;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** How long after the cut responses get to be written before connections are closed. */
export const FLUSH_MS = 500;

export async function shutDown(plan: ShutdownPlan): Promise<void> {
  const now = plan.now ?? Date.now;
  const sleep = plan.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = now();
  plan.subgraph.drain();
  if (plan.delayMs > 0) await sleep(plan.delayMs);
  await plan.subgraph.stop({ cutAt: started + plan.graceMs, cut: plan.cutUpstream, flushMs: FLUSH_MS });
  await plan.release();
}
