// Shapes exchanged between the benchmark's processes (plain JSON over IPC).

export interface SimsInfo {
  readonly ingram: { baseUrl: string; tokenUrl: string; clientId: string; clientSecret: string; customerNumber: string; countryCode: string };
  readonly td: { url: string; userId: string; password: string; customerNumber: string };
  readonly fabric: { baseUrl: string; tokenUrl: string; clientId: string; clientSecret: string; retailerId: string };
  readonly stuller: { baseUrl: string; username: string; password: string };
  /** Stuller behind the holding proxy (figure d). */
  readonly stullerHeldUrl: string;
  /** A fixed ~3 KB JSON answer, for the HTTP client comparison. */
  readonly responderUrl: string;
}

export interface UpstreamCounts {
  readonly ingram: { searches: number; searchedOrders: string[]; details: number; detailNumbers: string[]; tokens: number };
  readonly td: { calls: number; orders: string[] };
  readonly fabric: { lists: number; listedOrders: string[]; other: string[] };
  readonly stuller: { calls: number; ordersPerCall: number[]; orders: string[] };
}

/**
 * production: the sandbox's transport (PRODUCTION_TRANSPORT: breaker, bulkhead 16/256,
 * retry budget) and TD SYNNEX's 4 concurrent calls. raised: the same with the per-provider
 * concurrency budgets large enough never to bind, as Ingram's rate limit always is here.
 */
export type Budgets = "production" | "raised";

export interface ServerStart {
  readonly mode: "real" | "prepared" | "variants";
  readonly sims: SimsInfo;
  readonly budgets?: Budgets;
  /**
   * Send Stuller calls through the holding proxy. Such a server also gets a 120 s request
   * deadline (REQUEST_DEADLINE_MS allows up to 120 s) and 120 s Stuller header/body timeouts,
   * so parking 1,000 queries (which takes the server tens of seconds) cuts none of them.
   */
  readonly holdStuller?: boolean;
  /** Orders whose provider answers the prepared server holds. */
  readonly preparedOrders?: readonly string[];
  /**
   * LOOKUP_CACHE_TTL_SECONDS of this server; default 0 (answers not reused: figures a to d
   * measure the upstream path). The warm-cache figures set it.
   */
  readonly lookupTtlSeconds?: number;
  /**
   * Shared state on this Redis (as REDIS_URL gives main.ts), under `keyPrefix`: servers given
   * the same URL and prefix are replicas of one deployment. Absent: in-process state.
   */
  readonly redis?: {
    readonly url: string;
    readonly keyPrefix: string;
    /** Bound of every Redis call; absent: the production default (250 ms). */
    readonly commandTimeoutMs?: number;
  };
}

export interface ServerStarted {
  /** GraphQL URL per server (variants: one per Apollo variant). */
  readonly urls: Readonly<Record<string, string>>;
  readonly pid: number;
}

/** Counters of one server's lookup cache and Redis link, by metric name, then label values joined by "/" (e.g. "INGRAM_MICRO/hit"). */
export type CacheMetrics = Record<string, Record<string, number>>;

export interface MemorySample {
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly rss: number;
  readonly external: number;
  readonly arrayBuffers: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  /** Share of sampled CPU time (idle excluded) per code area, largest first. */
  readonly areas: ReadonlyArray<{ area: string; percent: number }>;
  /** Functions with the most self time, same basis. */
  readonly functions: ReadonlyArray<{ name: string; percent: number }>;
}
