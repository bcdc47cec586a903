// The fabric Dropship provider: invoices by ref (fabric's numeric id), number and purchase
// order, and the acknowledge workflow. See client.ts for the wire, normalize.ts for the
// mapping and acknowledgement.ts for the workflow's guarantees.
import type { FabricConfig } from "../../config.js";
import { clientCredentialsTokenSource } from "../../http/oauth-token.js";
import { createTransport, type TransportOptions } from "../../http/transport.js";
import type { Logger } from "../../observability/logger.js";
import type { SharedState } from "../../state/shared-state.js";
import type { InvoiceProvider } from "../types.js";
import { fabricAcknowledgement } from "./acknowledgement.js";
import { FabricClient } from "./client.js";
import { FabricLookups } from "./lookups.js";
import { fabricSearch } from "./search.js";
import { accountIdentity } from "../account.js";

export interface FabricProviderOptions {
  readonly logger: Logger;
  /** Transport overrides (timeouts, retry policy); the provider is always FABRIC. */
  readonly transport?: Partial<TransportOptions>;
  /** `limit` of list calls; default 100. fabric may cap it lower: `next` is followed either way. */
  readonly pageSize?: number;
  /** Most pages one list read follows; default 50 (5,000 invoices at 100 a page). */
  readonly maxPages?: number;
  /** Upstream calls in flight per batch (lookups, acknowledgements); default 4. */
  readonly concurrency?: number;
  /** State shared with other replicas (the OAuth token); absent: this process only. */
  readonly shared?: SharedState;
}

export type FabricProvider = InvoiceProvider & { close(): Promise<void> };

export function createFabricProvider(config: FabricConfig, options: FabricProviderOptions): FabricProvider {
  const transport = createTransport({ ...options.transport, provider: "FABRIC" });
  const tokens = clientCredentialsTokenSource({
    provider: "FABRIC",
    transport,
    tokenUrl: config.tokenUrl,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    ...(options.shared ? { shared: options.shared } : {}),
  });
  const pageSize = options.pageSize ?? 100;
  const client = new FabricClient(config, transport, tokens, { pageSize, maxPages: options.maxPages ?? 50 });
  const concurrency = options.concurrency ?? 4;
  const lookups = new FabricLookups(client, concurrency);
  options.logger.debug({ provider: "FABRIC", host: config.baseUrl.host }, "fabric provider created");

  return {
    id: "FABRIC",
    maxBatchSize: 50,
    // Where, which retailer, as which API client.
    account: accountIdentity(config.baseUrl.href, config.retailerId, config.clientId),
    findByNumbers: (numbers, call) => lookups.findByNumbers(numbers, call),
    findByRefs: (refs, call) => lookups.findByRefs(refs, call),
    findByPurchaseOrders: (numbers, call) => lookups.findByPurchaseOrders(numbers, call),
    acknowledgement: fabricAcknowledgement(client, { concurrency, maxReads: 3 }),
    // Invoice search by date (issue 15): one list page per call.
    search: fabricSearch(client, pageSize),
    close: () => transport.close(),
  };
}
