// The Stuller provider: the one provider that takes many purchase orders in one call. A
// DataLoader batch of up to K keys costs one upstream call; more keys are split into
// ceil(n / K) calls made in parallel. Invoice ref = InvoiceNumber.
import type { StullerConfig } from "../../config.js";
import { asProviderError, type ProviderError } from "../../domain/errors.js";
import type { InvoiceModel } from "../../domain/models.js";
import { createTransport, DEFAULT_MAX_RESPONSE_BYTES, type TransportOptions } from "../../http/transport.js";
import type { Logger } from "../../observability/logger.js";
import type { CallContext, InvoiceProvider, KeyedResults, PurchaseOrderResult } from "../types.js";
import { createStullerClient, DEFAULT_MAX_URL_LENGTH, type StullerCriteria } from "./client.js";
import { createStullerResponseDecoder } from "./decode.js";
import { alignByInvoiceNumber, alignByPurchaseOrder, readInvoices, selectRequested, type KeyField, type StullerEntry } from "./lookup.js";
import { accountIdentity } from "../account.js";
import { stullerSearch } from "./search.js";

/**
 * K, keys per upstream call. 25 purchase orders of a typical 10–30 characters make a GET URL
 * of roughly 0.8–1.3k characters, well under the 2,000 where the client switches to POST, so
 * the common case stays a plain GET; unusually long numbers fall back to POST
 * rather than fail. It also bounds one answer (Stuller does not page) to 25 orders' invoices.
 */
export const DEFAULT_MAX_PURCHASE_ORDERS_PER_CALL = 25;

export interface StullerProviderOptions {
  readonly logger: Logger;
  /** Transport overrides (timeouts, retry policy, response cap); `provider` is always STULLER. */
  readonly transport?: Partial<TransportOptions>;
  /** K: purchase orders (or invoice numbers) per upstream call, and the DataLoader batch size. */
  readonly maxPurchaseOrdersPerCall?: number;
  /** GET URLs longer than this go as POST; 2,000 characters by default. */
  readonly maxUrlLength?: number;
  /**
   * The account's billing currency, which Stuller never names on an invoice; USD (Stuller's
   * US API) by default.
   */
  readonly currency?: string;
}

export type StullerProvider = InvoiceProvider & { close(): Promise<void> };

const NO_INVOICES: PurchaseOrderResult = Object.freeze({ invoices: [], notices: [] });

export function createStullerProvider(config: StullerConfig, options: StullerProviderOptions): StullerProvider {
  const k = options.maxPurchaseOrdersPerCall ?? DEFAULT_MAX_PURCHASE_ORDERS_PER_CALL;
  if (!Number.isSafeInteger(k) || k < 1) throw new RangeError(`maxPurchaseOrdersPerCall must be a positive integer, got ${k}`);
  if (options.currency !== undefined && !/^[A-Z]{3}$/.test(options.currency)) throw new RangeError(`currency must be an ISO 4217 code such as USD, got ${JSON.stringify(options.currency)}`);
  const transport = createTransport({ ...options.transport, provider: "STULLER" });
  const decoder = createStullerResponseDecoder({ maxBytes: options.transport?.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES });
  const client = createStullerClient(config, transport, decoder, { maxUrlLength: options.maxUrlLength ?? DEFAULT_MAX_URL_LENGTH });
  let lenientReported = false;

  /** One call for one chunk of keys, answered per key. */
  async function fetchChunk<T>(
    field: KeyField,
    keys: readonly string[],
    align: (entries: readonly StullerEntry[], keys: readonly string[]) => Map<string, T | ProviderError>,
    call: CallContext,
  ): Promise<Map<string, T | ProviderError>> {
    const criteria: StullerCriteria = field === "PurchaseOrderNumber" ? { purchaseOrderNumbers: keys } : { invoiceNumbers: keys };
    const { requested, others } = selectRequested(await client.fetchInvoices(criteria, call), keys, field);
    if (others > 0 && !lenientReported) {
      // Once per provider: it describes Stuller's behaviour, not one request.
      lenientReported = true;
      options.logger.warn({ provider: "STULLER", others }, "Stuller returned invoices outside the requested keys; they are filtered out here");
    }
    return align(readInvoices(requested, call, options.currency), keys);
  }

  function byNumbers(numbers: readonly string[], call: CallContext): Promise<KeyedResults<InvoiceModel | null>> {
    return inChunks(numbers, k, null, (chunk) => fetchChunk("InvoiceNumber", chunk, alignByInvoiceNumber, call));
  }

  return {
    id: "STULLER",
    maxBatchSize: k,
    // Where, and the account (Stuller's Basic-auth user is the customer account).
    account: accountIdentity(config.baseUrl.href, config.username),
    findByNumbers: byNumbers,
    // The ref an id encodes is the invoice number.
    findByRefs: byNumbers,
    numbersAreRefs: true,
    findByPurchaseOrders: (purchaseOrderNumbers, call) =>
      inChunks(purchaseOrderNumbers, k, NO_INVOICES, (chunk) => fetchChunk("PurchaseOrderNumber", chunk, alignByPurchaseOrder, call)),
    // Invoice search by date (issue 15): one call per window, Stuller does not page.
    search: stullerSearch({ config, transport, decoder, logger: options.logger, ...(options.currency === undefined ? {} : { currency: options.currency }) }),
    close: () => transport.close(),
  };
}

/**
 * Distinct keys in chunks of `size`, one `run` per chunk, in parallel. A failed chunk fails
 * its own keys only; the call rejects only when every chunk failed (the batch contract).
 * Blank keys are answered with `empty` without asking Stuller: an empty filter parameter
 * could be read as "no filter", and no Stuller invoice has a blank key.
 */
async function inChunks<T>(
  keys: readonly string[],
  size: number,
  empty: T,
  run: (chunk: readonly string[]) => Promise<Map<string, T | ProviderError>>,
): Promise<KeyedResults<T>> {
  const distinct = [...new Set(keys)];
  const results = new Map<string, T | ProviderError>();
  const askable: string[] = [];
  for (const key of distinct) {
    if (key.trim() === "") results.set(key, empty);
    else askable.push(key);
  }
  const chunks: string[][] = [];
  for (let start = 0; start < askable.length; start += size) chunks.push(askable.slice(start, start + size));

  const outcomes = await Promise.all(chunks.map((chunk) => run(chunk).catch((error: unknown) => asProviderError("STULLER", error))));
  const failures = outcomes.filter((outcome): outcome is ProviderError => !(outcome instanceof Map));
  if (chunks.length > 0 && failures.length === chunks.length) throw failures[0];
  outcomes.forEach((outcome, index) => {
    if (outcome instanceof Map) for (const [key, value] of outcome) results.set(key, value);
    else for (const key of chunks[index] ?? []) results.set(key, outcome);
  });
  return results;
}
