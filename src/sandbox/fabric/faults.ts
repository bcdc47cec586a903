// Switchable misbehaviour for the fabric simulator. Tests set it through `control`; every
// fault is off by default, and `heal()` turns them all off again.

/** What a request was for: the simulator routes every request to one of these. */
export type FabricRoute = "token" | "list" | "get" | "acknowledge";

export type LostResponseMode = "stall" | "reset";

export class FabricFaults {
  private failures: Array<{ remaining: number; status: number; route: FabricRoute | "any" }> = [];
  private readonly failingAcks = new Map<number, number>();
  private lost: { remaining: number; mode: LostResponseMode } = { remaining: 0, mode: "stall" };
  private malformedLeft: { remaining: number; route: FabricRoute | "any" } = { remaining: 0, route: "any" };
  private listHooks: Array<() => void> = [];
  slowMs = 0;
  /** Status for a PUT on an invoice already acknowledged: fabric may answer 200 (default), 409 or 400. */
  alreadyAcknowledgedStatus: 200 | 409 | 400 = 200;
  /** Origin put into `next`/`previous` instead of the request's own host. */
  linkOrigin: string | null = null;
  /** Every bearer token is refused, also freshly issued ones. */
  rejectAllTokens = false;

  failNext(count: number, status: number, route: FabricRoute | "any"): void {
    this.failures.push({ remaining: count, status, route });
  }

  /** A status to answer instead of handling this request, if one is queued for its route. */
  takeFailure(route: FabricRoute): number | null {
    const entry = this.failures.find((f) => f.remaining > 0 && (f.route === "any" || f.route === route));
    if (!entry) return null;
    entry.remaining -= 1;
    return entry.status;
  }

  failAcknowledge(ids: readonly number[], status: number): void {
    for (const id of ids) this.failingAcks.set(id, status);
  }

  acknowledgeFailure(id: number): number | null {
    return this.failingAcks.get(id) ?? null;
  }

  loseAcknowledgeResponses(count: number, mode: LostResponseMode): void {
    this.lost = { remaining: count, mode };
  }

  /** After applying an acknowledgement: lose its response this way, or answer normally (null). */
  takeLostResponse(): LostResponseMode | null {
    if (this.lost.remaining <= 0) return null;
    this.lost.remaining -= 1;
    return this.lost.mode;
  }

  malformed(count: number, route: FabricRoute | "any"): void {
    this.malformedLeft = { remaining: count, route };
  }

  takeMalformed(route: FabricRoute): boolean {
    const m = this.malformedLeft;
    if (m.remaining <= 0 || (m.route !== "any" && m.route !== route)) return false;
    m.remaining -= 1;
    return true;
  }

  afterNextList(hook: () => void): void {
    this.listHooks.push(hook);
  }

  takeListHook(): (() => void) | undefined {
    return this.listHooks.shift();
  }

  heal(): void {
    this.failures = [];
    this.failingAcks.clear();
    this.lost = { remaining: 0, mode: "stall" };
    this.malformedLeft = { remaining: 0, route: "any" };
    this.listHooks = [];
    this.slowMs = 0;
    this.alreadyAcknowledgedStatus = 200;
    this.linkOrigin = null;
    this.rejectAllTokens = false;
  }
}
