// Durations of every phase. The full run takes about eight minutes on two cores;
// BENCH_QUICK=1 shortens everything for trying the harness (its figures are not to be quoted).

/** Concurrency budgets of the "raised" servers: large enough never to bind at these loads. */
export const RAISED_BUDGETS = { bulkhead: { limit: 512, queue: 100_000 }, tdConcurrency: 512 } as const;

export interface Settings {
  readonly quick: boolean;
  /** Closed-loop runs of figure (a). */
  readonly concurrency: number;
  /** Unmeasured load before anything is measured on a real server (its JIT needs ~15 s to settle). */
  readonly realWarmupMs: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  readonly pairs: number;
  /** Known-cost runs (Apollo variants, log level). */
  readonly variantWarmupMs: number;
  readonly variantDurationMs: number;
  readonly variantRounds: number;
  readonly logPairs: number;
  readonly profileMs: number;
  /** Figure (c). */
  readonly latencyMs: number;
  readonly unloadedQueries: number;
  readonly openWarmupMs: number;
  readonly openDurationMs: number;
  readonly productionOpenDurationMs: number;
  /** Figure (d). */
  readonly inFlight: number;
  readonly holdTimeoutMs: number;
  /** Micro-benchmarks (figure e, parser options, HTTP clients). */
  readonly microMs: number;
  readonly microRounds: number;
  readonly clientRequests: number;
  /** Redis cost of a cached query: interleaved pairs, sequential queries per side, closed loop per side. */
  readonly redisPairs: number;
  readonly redisSequentialQueries: number;
  readonly redisWarmupMs: number;
  readonly redisDurationMs: number;
  /** Calls per distinct PO with two replicas on Redis: rounds of fresh orders, each asked by many overlapping requests. */
  readonly replicaRounds: number;
  readonly replicaOrdersPerRound: number;
  readonly replicaRequestsPerRound: number;
  /** The requests of a round are sent over this long (one every spread / requests ms). */
  readonly replicaSpreadMs: number;
  /** Closed loop of repeated lookups over every order of the figure, after the rounds. */
  readonly replicaRepeatMs: number;
}

const FULL: Settings = {
  quick: false,
  concurrency: 16,
  realWarmupMs: 12_000,
  warmupMs: 2_000,
  durationMs: 5_000,
  pairs: 3,
  variantWarmupMs: 500,
  variantDurationMs: 2_500,
  variantRounds: 2,
  logPairs: 2,
  profileMs: 4_000,
  latencyMs: 50,
  unloadedQueries: 30,
  openWarmupMs: 2_000,
  openDurationMs: 8_000,
  productionOpenDurationMs: 3_000,
  inFlight: 1_000,
  holdTimeoutMs: 90_000,
  microMs: 250,
  microRounds: 3,
  clientRequests: 3_000,
  redisPairs: 3,
  redisSequentialQueries: 300,
  redisWarmupMs: 1_000,
  redisDurationMs: 4_000,
  replicaRounds: 3,
  replicaOrdersPerRound: 30,
  replicaRequestsPerRound: 60,
  replicaSpreadMs: 2_000,
  replicaRepeatMs: 3_000,
};

const QUICK: Settings = {
  ...FULL,
  quick: true,
  realWarmupMs: 2_000,
  warmupMs: 500,
  durationMs: 1_500,
  variantWarmupMs: 300,
  variantDurationMs: 800,
  variantRounds: 1,
  logPairs: 1,
  profileMs: 1_000,
  unloadedQueries: 10,
  openWarmupMs: 500,
  openDurationMs: 2_000,
  productionOpenDurationMs: 1_000,
  inFlight: 300,
  microMs: 60,
  microRounds: 1,
  clientRequests: 500,
  redisPairs: 1,
  redisSequentialQueries: 100,
  redisWarmupMs: 300,
  redisDurationMs: 1_000,
  replicaRounds: 2,
  replicaRepeatMs: 1_000,
};

export function settings(): Settings {
  return process.env["BENCH_QUICK"] === "1" ? QUICK : FULL;
}
