// What Ingram's Apigee gateway does in front of the simulated API: a fixed rate window that
// puts X-RateLimit-* on every API answer and answers 429 when the window is spent (or while
// an injected 429 pause lasts), and the access tokens it issued, checked on every call.
import { randomBytes } from "node:crypto";
import { encodeReset, jsonReply, TOO_MANY_REQUESTS, type ResetFormat, type WireReply } from "./wire.js";

export type WindowVerdict = { readonly rejected: WireReply } | { readonly headers: Readonly<Record<string, string>> };

export class RateWindow {
  private start = Number.NEGATIVE_INFINITY;
  private count = 0;
  private pause: { until: number; format: ResetFormat; onlyReset: boolean } | null = null;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one API call: the 429 to send when it is over the limit or paused, else the headers for its answer. */
  enter(now: number, format: ResetFormat): WindowVerdict {
    if (now >= this.start + this.windowMs) {
      this.start = now;
      this.count = 0;
    }
    if (this.pause !== null && now < this.pause.until) {
      const reset = encodeReset(this.pause.format, this.pause.until, now);
      const headers = this.pause.onlyReset ? { "x-ratelimit-reset": reset } : { ...this.headers(0, now, format), "x-ratelimit-reset": reset };
      return { rejected: jsonReply(429, TOO_MANY_REQUESTS, headers) };
    }
    if (this.count >= this.limit) return { rejected: jsonReply(429, TOO_MANY_REQUESTS, this.headers(0, now, format)) };
    this.count += 1;
    return { headers: this.headers(this.limit - this.count, now, format) };
  }

  /** An injected 429: every call until `until` gets one too. */
  pauseUntil(until: number, format: ResetFormat, onlyReset: boolean, now: number): WireReply {
    this.pause = { until, format, onlyReset };
    const verdict = this.enter(now, format);
    if (!("rejected" in verdict)) throw new Error("a paused window always rejects");
    return verdict.rejected;
  }

  private headers(remaining: number, now: number, format: ResetFormat): Record<string, string> {
    return {
      "x-ratelimit-limit": String(this.limit),
      "x-ratelimit-remaining": String(remaining),
      "x-ratelimit-reset": encodeReset(format, this.start + this.windowMs, now),
    };
  }
}

export class TokenStore {
  private readonly expiries = new Map<string, number>();

  issue(lifetimeSeconds: number, now: number): string {
    const token = randomBytes(21).toString("base64url");
    this.expiries.set(token, now + lifetimeSeconds * 1000);
    return token;
  }

  /** The state of the token an Authorization header carries. */
  check(authorization: string | undefined, now: number): { state: "valid"; token: string } | { state: "invalid" | "expired" } {
    const token = /^Bearer (\S+)$/.exec(authorization ?? "")?.[1];
    const expiresAt = token === undefined ? undefined : this.expiries.get(token);
    if (token === undefined || expiresAt === undefined) return { state: "invalid" };
    return now >= expiresAt ? { state: "expired" } : { state: "valid", token };
  }

  revoke(token: string): void {
    this.expiries.delete(token);
  }

  revokeAll(): void {
    this.expiries.clear();
  }
}
