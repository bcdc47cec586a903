// Fault switches for the TD SYNNEX simulator, flipped from tests (or a REPL) while it runs.

export type TdSynnexFault =
  /** Answer with this HTTP status and a short plain-text body (5xx, 429, 401 ...). */
  | { readonly kind: "status"; readonly status: number; readonly retryAfter?: string }
  /** Wait, then answer normally. */
  | { readonly kind: "slow"; readonly delayMs: number }
  /** Accept the request and never answer. */
  | { readonly kind: "stall" }
  /** Cut the connection without an answer (TCP reset). */
  | { readonly kind: "reset" }
  /** The normal answer cut at 60%, sent cleanly with a matching Content-Length. */
  | { readonly kind: "truncated" }
  | { readonly kind: "billion-laughs" }
  | { readonly kind: "big-entity" }
  | { readonly kind: "external-entity"; readonly target: "file" | "metadata" }
  /** An nginx-style HTML error page with this status (502 by default). */
  | { readonly kind: "html"; readonly status?: number }
  /** A valid-looking XML answer of `bytes` (50 MB by default), streamed, with no Content-Length. */
  | { readonly kind: "oversized"; readonly bytes?: number }
  /** Any body: fixture files, JSON, ... */
  | { readonly kind: "raw"; readonly status?: number; readonly contentType?: string; readonly body: string | Buffer };

export interface TdSynnexControl {
  /** Faults for the next requests, one per request, in order; then normal answers again. */
  queue(...faults: TdSynnexFault[]): void;
  /** A fault for every request (after the queued ones) until cleared with null. */
  always(fault: TdSynnexFault | null): void;
  /** Milliseconds added before every answer. */
  latencyMs: number;
  /** Back to normal answers, no latency. */
  reset(): void;
  /** The fault for the request being answered (consumes a queued one). */
  next(): TdSynnexFault | null;
}

export function createControl(): TdSynnexControl {
  const queued: TdSynnexFault[] = [];
  let standing: TdSynnexFault | null = null;
  return {
    latencyMs: 0,
    queue(...faults) {
      queued.push(...faults);
    },
    always(fault) {
      standing = fault;
    },
    reset() {
      queued.length = 0;
      standing = null;
      this.latencyMs = 0;
    },
    next() {
      return queued.shift() ?? standing;
    },
  };
}
