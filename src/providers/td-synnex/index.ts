// The TD SYNNEX provider: one POST per distinct purchase order (TD takes one PONumber per
// request), at most `concurrency` at a time across the process, and never the same lookup
// twice within one GraphQL request, even across DataLoader batches and loaders.
import type { TdSynnexConfig } from "../../config.js";
import { ProviderError } from "../../domain/errors.js";
import type { InvoiceModel, LookupNoticeModel } from "../../domain/models.js";
import { createTransport, type TransportOptions } from "../../http/transport.js";
import type { Logger } from "../../observability/logger.js";
import type { CallContext, InvoiceProvider, KeyedResults, PurchaseOrderResult } from "../types.js";
import type { TdAnswer } from "./answer.js";
import { createTdSynnexClient, TD_SYNNEX_MAX_RESPONSE_BYTES } from "./client.js";
import { createLimiter } from "../../util/concurrency.js";
import { isXmlSafe, type InvoiceQuery } from "./request.js";
import { accountIdentity } from "../account.js";

export { createTdSynnexDecoder, TD_SYNNEX_MAX_RESPONSE_BYTES } from "./client.js";
export { interpretAnswer, type TdAnswer, type TdNotice } from "./answer.js";
export { buildInvoiceRequest, escapeXml, type InvoiceQuery } from "./request.js";

/** POs per batch; TD documents no limit, so the reliability notes' 25 bounds one request's fan-out. */
export const TD_SYNNEX_MAX_BATCH_SIZE = 25;
/** Concurrent POSTs to TD per process (the reliability notes' bulkhead for TD). */
export const TD_SYNNEX_DEFAULT_CONCURRENCY = 4;

export interface TdSynnexProviderOptions {
  readonly logger: Logger;
  readonly transport?: Partial<TransportOptions>;
  readonly concurrency?: number;
  /** Currency of the amounts; by default CAD for TD's Canadian hosts and USD otherwise. */
  readonly currency?: string;
}

export type TdSynnexProvider = InvoiceProvider & { close(): Promise<void> };

/** CAD for `ws.ca.` / `testws.ca.` hosts (TD SYNNEX Canada), USD for every other URL. */
export function currencyForUrl(url: URL): string {
  return /^(?:test)?ws\.ca\./i.test(url.hostname) ? "CAD" : "USD";
}

export function createTdSynnexProvider(config: TdSynnexConfig, options: TdSynnexProviderOptions): TdSynnexProvider {
  for (const value of [config.userId, config.password, config.customerNumber]) {
    if (!isXmlSafe(value)) throw new RangeError("TD SYNNEX credentials contain characters an XML request cannot carry");
  }
  const currency = options.currency ?? currencyForUrl(config.url);
  const transport = createTransport({ maxResponseBytes: TD_SYNNEX_MAX_RESPONSE_BYTES, ...options.transport, provider: "TD_SYNNEX" });
  const client = createTdSynnexClient(config, transport, currency);
  const limiter = createLimiter(options.concurrency ?? TD_SYNNEX_DEFAULT_CONCURRENCY);
  // The CallContext object lives exactly as long as its GraphQL request.
  const memo = new WeakMap<CallContext, Map<string, Promise<TdAnswer>>>();
  options.logger.debug({ provider: "TD_SYNNEX", host: config.url.host, currency }, "TD SYNNEX provider ready");

  const queuedTooLong = (call: CallContext): (() => Error) => () =>
    new ProviderError("TD_SYNNEX", "TIMEOUT", Date.now() >= call.deadline ? "TD SYNNEX did not answer before the request deadline" : "The call to TD SYNNEX was cancelled before it finished");

  async function send(query: InvoiceQuery, call: CallContext): Promise<TdAnswer> {
    // No TD identifier can hold characters XML cannot carry: such a key has no invoices.
    if (!isXmlSafe(query.value)) return { kind: "answered", invoices: [], notices: [] };
    try {
      const answer = await limiter.run(() => client.query(query, call), call.signal, queuedTooLong(call));
      if (answer.kind === "failed") {
        // Field and issue paths only: values may be customer data, and bodies may echo the request.
        call.logger.warn({ provider: "TD_SYNNEX", code: answer.error.code, lookup: query.kind, problems: answer.problems }, answer.error.message);
      }
      return answer;
    } catch (error) {
      if (error instanceof ProviderError) return { kind: "failed", error, problems: [] };
      throw error;
    }
  }

  /** One promise per lookup per GraphQL request. */
  function ask(query: InvoiceQuery, call: CallContext): Promise<TdAnswer> {
    let lookups = memo.get(call);
    if (lookups === undefined) {
      lookups = new Map();
      memo.set(call, lookups);
    }
    const key = `${query.kind}\u0000${query.value}`;
    let pending = lookups.get(key);
    if (pending === undefined) {
      pending = send(query, call);
      lookups.set(key, pending);
    }
    return pending;
  }

  async function findByPurchaseOrders(numbers: readonly string[], call: CallContext): Promise<KeyedResults<PurchaseOrderResult>> {
    const answers = await Promise.all(numbers.map((po) => ask({ kind: "po", value: po }, call)));
    const results = new Map<string, PurchaseOrderResult | ProviderError>();
    numbers.forEach((po, index) => {
      const answer = answers[index] as TdAnswer;
      if (answer.kind === "failed") return void results.set(po, answer.error);
      const notices = answer.notices.map((n): LookupNoticeModel => ({ provider: "TD_SYNNEX", purchaseOrderNumber: po, code: n.code, message: n.message }));
      results.set(po, { invoices: answer.invoices, notices });
    });
    throwIfWholeBatchFailed(results);
    return results;
  }

  /** By invoice number, which TD says equals the sales order number (`OrderNumber`). */
  async function findByNumbers(numbers: readonly string[], call: CallContext): Promise<KeyedResults<InvoiceModel | null>> {
    const answers = await Promise.all(numbers.map((number) => ask({ kind: "order", value: number }, call)));
    const results = new Map<string, InvoiceModel | null | ProviderError>();
    numbers.forEach((number, index) => {
      const answer = answers[index] as TdAnswer;
      if (answer.kind === "failed") return void results.set(number, answer.error);
      // Only the invoice asked for; a notice (not invoiced yet, archived) means there is no
      // invoice to return, and Query.invoice has no notice channel (see the README reply).
      const found = answer.invoices.find((invoice) => invoice.number === number.trim()) ?? null;
      if (found === null && answer.invoices.length > 0) {
        call.logger.info({ provider: "TD_SYNNEX", answered: answer.invoices.length }, "TD SYNNEX answered an order lookup with other invoice numbers only");
      }
      results.set(number, found);
    });
    throwIfWholeBatchFailed(results);
    return results;
  }

  return {
    id: "TD_SYNNEX",
    maxBatchSize: TD_SYNNEX_MAX_BATCH_SIZE,
    // Where, which customer account, as which user.
    account: accountIdentity(config.url.href, config.customerNumber, config.userId),
    findByPurchaseOrders,
    findByNumbers,
    // The ref is the invoice number.
    findByRefs: findByNumbers,
    numbersAreRefs: true,
    close: () => transport.close(),
  };
}

/**
 * The batch contract: per-key errors, and a rejection only when the whole batch failed. A
 * batch counts as failed as a whole when every key failed for the same reason (credentials
 * rejected, TD down); keys failing for different reasons keep their own errors.
 */
function throwIfWholeBatchFailed<T>(results: ReadonlyMap<string, T | ProviderError>): void {
  const values = [...results.values()];
  const first = values[0];
  if (!(first instanceof ProviderError)) return;
  if (values.every((v) => v instanceof ProviderError && v.code === first.code && v.message === first.message)) throw first;
}
