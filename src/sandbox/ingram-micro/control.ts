// Fault modes of the Ingram Micro simulator, switched from tests. One-shot faults apply to the
// next API calls in order (token calls excluded); `always` applies to every API call until
// cleared. Ordinary behaviour (rate window, Bearer check, FAILED preambles) needs no switch.
import type { NotFoundStyle, ResetFormat } from "./wire.js";

export type Fault =
  /** Answer with this status (a 5xx burst is several of these). */
  | { readonly kind: "status"; readonly status: number }
  /** 429 with the reset `resetInMs` ahead; every API call before the reset gets a 429 too. */
  | { readonly kind: "rate-limited"; readonly resetInMs: number; readonly resetFormat?: ResetFormat; readonly onlyResetHeader?: boolean }
  /** Hold the response headers back this long, then answer normally. */
  | { readonly kind: "slow-headers"; readonly delayMs: number }
  /** Send the headers and half the body, then nothing. */
  | { readonly kind: "stalled-body" }
  /** Answer 200 with JSON cut short (the docs' own samples are not valid JSON either). */
  | { readonly kind: "malformed-json" }
  /** Revoke the token this call presents (401 invalid_access_token), as if revoked mid-flight. */
  | { readonly kind: "revoke-token" };

export interface IngramSimulatorControl {
  /** Faults for the next API calls, one each, in order. */
  enqueue(...faults: Fault[]): void;
  /** The next `count` API calls answer `status` (default 503). */
  failNext(count: number, status?: number): void;
  /** A fault for every API call, until cleared with null. */
  always(fault: Fault | null): void;
  /** The token endpoint answers 503 while true. */
  tokenEndpointDown: boolean;
  /** Every token issued so far stops working. */
  revokeAllTokens(): void;
  /** How an unknown invoice number is answered; "EO" (documented) by default. */
  notFound: NotFoundStyle;
  /** X-RateLimit-Reset encoding on ordinary responses. */
  resetFormat: ResetFormat;
  /** Clears faults and switches (not the rate window or issued tokens). */
  reset(): void;
}

export class SimulatorControl implements IngramSimulatorControl {
  tokenEndpointDown = false;
  notFound: NotFoundStyle = "EO";
  resetFormat: ResetFormat;
  private readonly queued: Fault[] = [];
  private persistent: Fault | null = null;
  private readonly defaultResetFormat: ResetFormat;

  constructor(resetFormat: ResetFormat, private readonly onRevokeAll: () => void) {
    this.resetFormat = resetFormat;
    this.defaultResetFormat = resetFormat;
  }

  enqueue(...faults: Fault[]): void {
    this.queued.push(...faults);
  }

  failNext(count: number, status = 503): void {
    for (let i = 0; i < count; i++) this.queued.push({ kind: "status", status });
  }

  always(fault: Fault | null): void {
    this.persistent = fault;
  }

  revokeAllTokens(): void {
    this.onRevokeAll();
  }

  reset(): void {
    this.queued.length = 0;
    this.persistent = null;
    this.tokenEndpointDown = false;
    this.notFound = "EO";
    this.resetFormat = this.defaultResetFormat;
  }

  /** The fault for the API call being answered, if any. */
  take(): Fault | null {
    return this.queued.shift() ?? this.persistent;
  }
}
