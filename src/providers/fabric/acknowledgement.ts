// fabric's acknowledge workflow (reliability-notes §6, G1–G6, A14).
//
// Reading. fabric lists unacknowledged invoices (`is_acknowledged=0`) by page number only, and
// that list shrinks as the caller acknowledges, so "page 2" after acknowledging page 1 skips a
// page. Instead each call reads the whole filtered list from page 1, keeps the invoices whose
// id is greater than the cursor's, sorts them by id locally and returns the first `first`.
// The cursor is a position in id order (fabric ids grow with creation), not a page, so
// acknowledging earlier invoices never moves it, and the answer does not depend on the order
// fabric lists in. Cost: ⌈unacknowledged / pageSize⌉ list calls per GraphQL page.
//
// Guarantees, for a client that reads a page, stores it, acknowledges it, then asks for the
// page after its endCursor:
// - Nothing leaves the list except through `acknowledge`, so nothing is ever lost; whatever
//   was not acknowledged (crash, per-id failure) comes back on the next run from the start.
// - Every invoice unacknowledged when a run starts is delivered once in that run; invoices
//   arriving during the run come in it (if read before its last page) or in the next one.
// - Another writer during a read (fabric's `count` changes between pages, or a later page is
//   gone) makes the read repeat, up to `maxReads` times; then the union of the reads is used.
//   An acknowledgement and an arrival between two page reads leave `count` unchanged and
//   may shift one invoice past the read: it then comes in the next run.
// - More than maxPages × pageSize unacknowledged: the page is chosen among those read. If
//   fabric lists oldest first that is exact; otherwise the rest come in later runs.
//
// Writing. `acknowledge` PUTs …/invoices/{id}/acknowledge/ per id with `{}`. PUT is
// idempotent, so an already acknowledged invoice (200, or 409) is success, and a PUT whose
// answer was lost can simply be sent again. Nothing is ever acknowledged by a read.
import { ProviderError } from "../../domain/errors.js";
import type { AcknowledgeOutcome, AcknowledgementCapability, CallContext, UnacknowledgedPage } from "../types.js";
import type { FabricClient, ListRead } from "./client.js";
import { settleEach } from "./concurrency.js";
import { parseRef } from "./lookups.js";
import { readFabricInvoice } from "./normalize.js";
import { describeIssues, FabricInvoiceStubSchema } from "./schemas.js";

export interface AcknowledgementOptions {
  /** PUTs in flight at once. */
  readonly concurrency: number;
  /** Whole-list reads per call while the list keeps changing under the read. */
  readonly maxReads: number;
}

interface Pending {
  readonly id: number;
  readonly raw: unknown;
}

export function fabricAcknowledgement(client: FabricClient, options: AcknowledgementOptions): AcknowledgementCapability {
  return {
    async listUnacknowledged(first, afterRef, call): Promise<UnacknowledgedPage> {
      const after = afterRef === null ? 0 : parseRef(afterRef);
      if (after === null) throw new ProviderError("FABRIC", "BAD_RESPONSE", "the cursor does not name a fabric invoice");
      const { pending, complete } = await readPending(client, options.maxReads, call);
      const candidates = pending.filter((p) => p.id > after).sort((a, b) => a.id - b.id);
      const page = candidates.slice(0, first);
      if (!complete) call.logger.warn({ provider: "FABRIC" }, "more unacknowledged fabric invoices than one read covers; the rest follow as these are acknowledged");
      return {
        invoices: page.map((p) => readFabricInvoice(p.raw)),
        // A read cut short by maxPages may hide more; an empty window cannot move forward, so it ends the run.
        hasNextPage: candidates.length > first || (!complete && page.length > 0),
      };
    },

    async acknowledge(refs, call): Promise<ReadonlyMap<string, AcknowledgeOutcome>> {
      await client.ensureToken(call);
      const settled = await settleEach(refs, options.concurrency, (ref) => acknowledgeOne(client, ref, call));
      const outcomes = new Map<string, AcknowledgeOutcome>();
      for (const [ref, result] of settled) outcomes.set(ref, result instanceof ProviderError ? failedOutcome(result) : result);
      return outcomes;
    },
  };
}

/** The unacknowledged invoices, from a read during which the list did not change if possible. */
async function readPending(client: FabricClient, maxReads: number, call: CallContext): Promise<{ pending: Pending[]; complete: boolean }> {
  const reads: ListRead[] = [];
  for (let n = 1; n <= maxReads; n++) {
    const read = await client.list({ is_acknowledged: "0" }, call);
    if (!read.shrank && read.counts.every((count) => count === read.counts[0])) return { pending: pendingOf([read]), complete: read.complete };
    reads.push(read);
    call.logger.debug({ provider: "FABRIC", read: n, counts: read.counts }, "fabric's unacknowledged list changed during the read; reading again");
  }
  // Still changing: every invoice any read saw was unacknowledged at that moment, so the
  // union may repeat one acknowledged meanwhile (acknowledging it again is harmless) but
  // misses as little as the reads allow.
  call.logger.warn({ provider: "FABRIC", reads: maxReads }, "fabric's unacknowledged list kept changing while it was read");
  return { pending: pendingOf(reads), complete: reads.every((read) => read.complete) };
}

function pendingOf(reads: readonly ListRead[]): Pending[] {
  const byId = new Map<number, Pending>();
  for (const read of reads) {
    for (const raw of read.items) {
      const stub = FabricInvoiceStubSchema.safeParse(raw);
      if (!stub.success) throw new ProviderError("FABRIC", "BAD_RESPONSE", `fabric listed an invoice this subgraph could not read: ${describeIssues(stub.error)}`);
      // The filter asked for unacknowledged invoices; an answer that ignored it is not trusted.
      if (stub.data.acknowledged_at !== null) continue;
      byId.set(stub.data.id, { id: stub.data.id, raw });
    }
  }
  return [...byId.values()];
}

const OK: AcknowledgeOutcome = { acknowledged: true };

async function acknowledgeOne(client: FabricClient, ref: string, call: CallContext): Promise<AcknowledgeOutcome> {
  const id = parseRef(ref);
  if (id === null) return { acknowledged: false, error: "not a fabric invoice id" };
  const response = await client.send("PUT", client.acknowledgeUrl(id), call, "{}");
  // 2xx: acknowledged now or before (PUT is idempotent). 409: "already acknowledged".
  if ((response.status >= 200 && response.status < 300) || response.status === 409) return OK;
  if (response.status === 404) return { acknowledged: false, error: `fabric has no invoice ${id} for this retailer` };
  // Some fabric endpoints refuse a repeated acknowledge with 400: read the invoice to know.
  if (response.status === 400 && (await isAcknowledged(client, id, call))) return OK;
  return { acknowledged: false, error: `fabric refused to acknowledge invoice ${id} (HTTP ${response.status})` };
}

function failedOutcome(failure: ProviderError): AcknowledgeOutcome {
  // A lost answer may hide an applied acknowledgement; the caller may simply send it again.
  const hint = failure.code === "TIMEOUT" || failure.code === "UNAVAILABLE" ? "; acknowledging again is safe" : "";
  return { acknowledged: false, error: `${failure.message}${hint}` };
}

async function isAcknowledged(client: FabricClient, id: number, call: CallContext): Promise<boolean> {
  const raw = await client.getJson(client.invoiceUrl(id), call);
  const stub = FabricInvoiceStubSchema.safeParse(raw);
  return stub.success && stub.data.acknowledged_at !== null;
}
