// Load generation over undici on loopback. Every loop is bounded: by a deadline (closed
// loop), by a precomputed timetable (open loop) or by a fixed count (burst), and every pool
// is closed (or destroyed) before the function returns.
import { setMaxListeners } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { Pool } from "undici";

export interface Target {
  readonly url: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** A body that does not contain this text counts as an error (besides non-200 and "errors"). */
  readonly mustContain?: string;
}

export interface Outcome {
  readonly ok: boolean;
  readonly bytes: number;
}

function split(url: string): { origin: string; path: string } {
  const u = new URL(url);
  return { origin: u.origin, path: `${u.pathname}${u.search}` };
}

async function send(pool: Pool, target: Target, path: string, signal?: AbortSignal): Promise<Outcome> {
  const res = await pool.request({
    method: "POST",
    path,
    headers: { "content-type": "application/json", ...target.headers },
    body: target.body,
    ...(signal ? { signal } : {}),
  });
  const text = await res.body.text();
  const ok = res.statusCode === 200 && !text.includes('"errors"') && (target.mustContain === undefined || text.includes(target.mustContain));
  return { ok, bytes: text.length };
}

/** One request, its parsed JSON answer. */
export async function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown; bytes: number }> {
  const { origin, path } = split(url);
  const pool = new Pool(origin, { connections: 1 });
  try {
    const res = await pool.request({ method: "POST", path, headers: { "content-type": "application/json", ...headers }, body });
    const text = await res.body.text();
    return { status: res.statusCode, json: JSON.parse(text) as unknown, bytes: Buffer.byteLength(text) };
  } finally {
    await pool.close();
  }
}

export interface ClosedLoopResult {
  readonly completed: number;
  readonly errors: number;
  readonly seconds: number;
  readonly qps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** `concurrency` workers, each sending its next request when the previous one answered. */
export async function closedLoop(target: Target, options: { concurrency: number; warmupMs: number; durationMs: number }): Promise<ClosedLoopResult> {
  const { origin, path } = split(target.url);
  const pool = new Pool(origin, { connections: options.concurrency, pipelining: 1 });
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const end = measureFrom + options.durationMs;
  const latencies: number[] = [];
  let errors = 0;
  try {
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (performance.now() < end) {
          const sent = performance.now();
          const outcome = await send(pool, target, path).catch((): Outcome => ({ ok: false, bytes: 0 }));
          const done = performance.now();
          if (sent < measureFrom || done > end) continue;
          latencies.push(done - sent);
          if (!outcome.ok) errors += 1;
        }
      }),
    );
  } finally {
    await pool.close();
  }
  const seconds = options.durationMs / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return { completed: latencies.length, errors, seconds, qps: latencies.length / seconds, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
}

export interface OpenLoopResult {
  readonly rate: number;
  readonly scheduled: number;
  readonly completed: number;
  readonly errors: number;
  /** Requests still unanswered when the wait ended; counted at the wait limit in the percentiles. */
  readonly unanswered: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** How late the generator itself sent (actual − scheduled), p99: its own coordination error. */
  readonly sendLagP99Ms: number;
}

/**
 * Uniform arrivals: request k is due at t0 + k / rate, whether or not earlier ones have been
 * answered. Latency is measured from the due time, so a stalled server cannot hide its
 * queue by slowing the generator down (no coordinated omission). Only requests due after
 * the warm-up count.
 */
export async function openLoop(target: Target, options: { rate: number; warmupMs: number; durationMs: number; maxWaitMs: number; connections: number }): Promise<OpenLoopResult> {
  const { origin, path } = split(target.url);
  const pool = new Pool(origin, { connections: options.connections, pipelining: 1 });
  const interval = 1000 / options.rate;
  const total = Math.floor(((options.warmupMs + options.durationMs) / 1000) * options.rate);
  const countFrom = Math.ceil((options.warmupMs / 1000) * options.rate);
  const t0 = performance.now() + 20;
  const latencies: number[] = [];
  const lags: number[] = [];
  const inFlight = new Set<Promise<void>>();
  const abort = new AbortController();
  setMaxListeners(0, abort.signal); // one signal for every request of the run
  let errors = 0;
  let completed = 0;
  try {
    for (let k = 0; k < total; k++) {
      const due = t0 + k * interval;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait - 0.5);
      while (performance.now() < due) {
        // Spin for the last half millisecond: timers are not finer than that.
      }
      const counted = k >= countFrom;
      if (counted) lags.push(performance.now() - due);
      const request = send(pool, target, path, abort.signal)
        .then(
          (outcome) => {
            if (!counted) return;
            completed += 1;
            latencies.push(performance.now() - due);
            if (!outcome.ok) errors += 1;
          },
          () => {
            if (!counted || abort.signal.aborted) return;
            completed += 1;
            errors += 1;
            latencies.push(performance.now() - due);
          },
        )
        .finally(() => inFlight.delete(request));
      inFlight.add(request);
    }
    const lastDue = t0 + (total - 1) * interval;
    const waitUntil = lastDue + options.maxWaitMs;
    while (inFlight.size > 0 && performance.now() < waitUntil) await sleep(20);
  } finally {
    abort.abort();
    await Promise.allSettled([...inFlight]);
    await pool.destroy();
  }
  const unanswered = total - countFrom - completed;
  const sorted = [...latencies, ...Array.from({ length: Math.max(0, unanswered) }, () => options.maxWaitMs)].sort((a, b) => a - b);
  return {
    rate: options.rate,
    scheduled: total - countFrom,
    completed,
    errors,
    unanswered,
    p50Ms: percentile(sorted, 50),
    p90Ms: percentile(sorted, 90),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted[sorted.length - 1] ?? NaN,
    sendLagP99Ms: percentile(lags.sort((a, b) => a - b), 99),
  };
}

/** `count` requests at once on `count` connections; resolves when all have answered. */
export function burst(target: Target, count: number): { done: Promise<{ ok: number; failed: number; bytes: number }>; close(): Promise<void> } {
  const { origin, path } = split(target.url);
  const pool = new Pool(origin, { connections: count, pipelining: 1, headersTimeout: 120_000, bodyTimeout: 120_000 });
  const abort = new AbortController();
  setMaxListeners(0, abort.signal);
  const done = Promise.all(Array.from({ length: count }, () => send(pool, target, path, abort.signal).catch((): Outcome => ({ ok: false, bytes: 0 })))).then((outcomes) => ({
    ok: outcomes.filter((o) => o.ok).length,
    failed: outcomes.filter((o) => !o.ok).length,
    bytes: outcomes.reduce((n, o) => n + o.bytes, 0),
  }));
  let closed: Promise<void> | null = null;
  return {
    done,
    close() {
      closed ??= (async () => {
        abort.abort();
        await done.catch(() => undefined);
        await pool.destroy();
      })();
      return closed;
    },
  };
}

/** Sequential requests, latency each (unloaded service time). */
export async function sequential(target: Target, count: number): Promise<number[]> {
  const { origin, path } = split(target.url);
  const pool = new Pool(origin, { connections: 1 });
  const latencies: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      const outcome = await send(pool, target, path);
      if (!outcome.ok) throw new Error(`an unloaded request to ${target.url} failed`);
      latencies.push(performance.now() - t);
    }
  } finally {
    await pool.close();
  }
  return latencies;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
