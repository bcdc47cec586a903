// All four providers at once, each a real client talking to its simulator over loopback,
// behind the real HTTP front. By default the providers are built the production way:
// environment variables → loadConfig → createConfiguredProviders (production transport and
// resilience baseline). Scenarios that need short breaker timings build them directly.
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { pino, type Logger } from "pino";
import { request } from "undici";
import { expect, vi } from "vitest";
import type { Provider } from "../../src/__generated__/resolvers-types.js";
import type { LookupCaches } from "../../src/cache/lookup-caches.js";
import { loadConfig } from "../../src/config.js";
import { processState } from "../../src/state/shared-state.js";
import type { TransportOptions } from "../../src/http/transport.js";
import { createLogger } from "../../src/observability/logger.js";
import { createFabricProvider } from "../../src/providers/fabric/index.js";
import { createConfiguredProviders } from "../../src/providers/index.js";
import { createIngramMicroProvider } from "../../src/providers/ingram-micro/index.js";
import { ProviderRegistry } from "../../src/providers/registry.js";
import { createStullerProvider } from "../../src/providers/stuller/index.js";
import { createTdSynnexProvider } from "../../src/providers/td-synnex/index.js";
import type { InvoiceProvider } from "../../src/providers/types.js";
import { startFabricSimulator, type FabricSimulator } from "../../src/sandbox/fabric/index.js";
import { startIngramMicroSimulator, type IngramSimulator } from "../../src/sandbox/ingram-micro/index.js";
import { startStullerSimulator, type StullerSimulator } from "../../src/sandbox/stuller/index.js";
import { startTdSynnexSimulator, type TdSynnexSimulator } from "../../src/sandbox/td-synnex/index.js";
import { startSubgraph, type RunningSubgraph } from "../../src/server.js";
import { settle, until, watch } from "../helpers/fake-clock.js";

export interface Simulators {
  readonly ingram: IngramSimulator;
  readonly td: TdSynnexSimulator;
  readonly fabric: FabricSimulator;
  readonly stuller: StullerSimulator;
}

export interface AllProviders {
  readonly simulators: Simulators;
  readonly subgraph: RunningSubgraph;
  /** Every log line the subgraph and the providers wrote, raw (no redaction, no scrubbing). */
  readonly logs: string[];
  /** Upstream requests received so far, per provider. */
  upstreamCalls(): Record<Provider, number>;
  /** Lookups the subgraph started on each provider, and those not settled yet. */
  lookups(): Record<Provider, { readonly started: number; readonly open: number }>;
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; text: string; json: GraphQLBody; headers: Record<string, string | string[] | undefined> }>;
  close(): Promise<void>;
}

export interface GraphQLBody {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
  readonly extensions?: Record<string, unknown>;
}

export interface AllProvidersOptions {
  /** Secret value given to every credential the simulators accept (and to the router). */
  readonly secret?: string;
  /** When set, the simulators accept other secrets, so every provider rejects ours. */
  readonly simulatorsRejectOurSecrets?: boolean;
  readonly routerSecret?: string;
  readonly deadlineMs?: number;
  /** Build the providers directly with these transport options instead of the production path. */
  readonly transport?: Partial<TransportOptions>;
  /** The production logger (redaction, scrubbing, trace ids) instead of raw pino; its lines land in `logs` too. */
  readonly productionLogger?: boolean;
  /** The process's lookup caches; absent: every lookup asks its provider. */
  readonly lookups?: LookupCaches;
}

/** A raw pino logger: no redaction paths, no scrubbing hook, so any leak at the source shows. */
function rawLogger(lines: string[], production = false): Logger {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  return production ? createLogger({ level: "debug", destination }) : pino({ level: "debug" }, destination);
}

export async function startAllProviders(options: AllProvidersOptions = {}): Promise<AllProviders> {
  const ours = options.secret ?? `secret-${randomUUID()}`;
  const theirs = options.simulatorsRejectOurSecrets ? `other-${randomUUID()}` : ours;
  // A fresh Ingram account per harness: the Ingram rate limiter is process-wide per account.
  const account = { clientId: `client-${randomUUID().slice(0, 8)}`, clientSecret: theirs, customerNumber: "20-123456", countryCode: "UK" };
  const [ingram, td, fabric, stuller] = await Promise.all([
    startIngramMicroSimulator({ account, limit: 10_000 }),
    startTdSynnexSimulator({ credentials: { password: theirs } }),
    startFabricSimulator({ clientSecret: theirs }),
    startStullerSimulator({ password: theirs }),
  ]);
  const simulators: Simulators = { ingram, td, fabric, stuller };
  const logs: string[] = [];
  const logger = rawLogger(logs, options.productionLogger);

  let providers: InvoiceProvider[];
  if (options.transport) {
    const transport = options.transport;
    providers = [
      createIngramMicroProvider({ ...ingram.credentials, clientSecret: ours }, { logger, transport, rateLimit: { limit: 10_000 } }),
      createTdSynnexProvider({ ...td.credentials, password: ours }, { logger, transport, currency: "USD" }),
      createFabricProvider({ ...fabric.credentials, clientSecret: ours }, { logger, transport }),
      createStullerProvider({ ...stuller.credentials, password: ours }, { logger, transport }),
    ];
  } else {
    const config = loadConfig({
      INGRAM_BASE_URL: ingram.credentials.baseUrl.href,
      INGRAM_TOKEN_URL: ingram.credentials.tokenUrl.href,
      INGRAM_CLIENT_ID: account.clientId,
      INGRAM_CLIENT_SECRET: ours,
      INGRAM_CUSTOMER_NUMBER: account.customerNumber,
      INGRAM_COUNTRY_CODE: account.countryCode,
      TDSYNNEX_URL: td.credentials.url.href,
      TDSYNNEX_USER_ID: td.credentials.userId,
      TDSYNNEX_PASSWORD: ours,
      TDSYNNEX_CUSTOMER_NUMBER: td.credentials.customerNumber,
      FABRIC_BASE_URL: fabric.credentials.baseUrl.href,
      FABRIC_TOKEN_URL: fabric.credentials.tokenUrl.href,
      FABRIC_CLIENT_ID: fabric.credentials.clientId,
      FABRIC_CLIENT_SECRET: ours,
      FABRIC_RETAILER_ID: fabric.credentials.retailerId,
      STULLER_BASE_URL: stuller.credentials.baseUrl.href,
      STULLER_USERNAME: stuller.credentials.username,
      STULLER_PASSWORD: ours,
      ...(options.routerSecret ? { ROUTER_SECRET: options.routerSecret } : {}),
    });
    providers = createConfiguredProviders(config, { logger, shared: processState() });
  }

  const lookups = new Map<Provider, { started: number; open: number }>();
  const subgraph = await startSubgraph({
    registry: new ProviderRegistry(providers.map((provider) => tracked(provider, lookups))),
    logger,
    requestDeadlineMs: options.deadlineMs ?? 3_000,
    introspection: false,
    routerSecrets: options.routerSecret ? [options.routerSecret] : [],
    ...(options.lookups ? { lookups: options.lookups } : {}),
    port: 0,
    host: "127.0.0.1",
  });

  return {
    simulators,
    subgraph,
    logs,
    upstreamCalls: () => ({
      INGRAM_MICRO: ingram.requests.length,
      TD_SYNNEX: td.requests.length,
      FABRIC: fabric.requests.length,
      STULLER: stuller.requests.length,
    }),
    lookups: () => {
      const of = (p: Provider) => ({ ...(lookups.get(p) ?? { started: 0, open: 0 }) });
      return { INGRAM_MICRO: of("INGRAM_MICRO"), TD_SYNNEX: of("TD_SYNNEX"), FABRIC: of("FABRIC"), STULLER: of("STULLER") };
    },
    async post(body, headers = {}) {
      const response = await request(subgraph.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
      const text = await response.body.text();
      let json: GraphQLBody = {};
      try {
        json = JSON.parse(text) as GraphQLBody;
      } catch {
        // Non-JSON answers (none expected) keep an empty body; `text` has the raw answer.
      }
      return { status: response.statusCode, text, json, headers: response.headers };
    },
    async close() {
      await subgraph.stop({ cutAt: Date.now() + 1_000 });
      await Promise.allSettled(providers.map((p) => p.close?.()));
      await Promise.allSettled([ingram.close(), td.close(), fabric.close(), stuller.close()]);
    },
  };
}

const LOOKUPS = new Set<PropertyKey>(["findByNumbers", "findByRefs", "findByPurchaseOrders"]);

/**
 * The provider as it is, counting the lookups the subgraph starts on it and those still
 * running, so a test can tell when every provider but a stalled one has answered.
 */
function tracked(provider: InvoiceProvider, counts: Map<Provider, { started: number; open: number }>): InvoiceProvider {
  const count = counts.get(provider.id) ?? { started: 0, open: 0 };
  counts.set(provider.id, count);
  return new Proxy(provider, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => unknown;
      if (!LOOKUPS.has(key)) return method.bind(target);
      return async (...args: unknown[]) => {
        count.started += 1;
        count.open += 1;
        try {
          return await method.apply(target, args);
        } finally {
          count.open -= 1;
        }
      };
    },
  });
}

/** Differences between two upstreamCalls() snapshots. */
export function callsSince(before: Record<Provider, number>, after: Record<Provider, number>): Record<Provider, number> {
  return {
    INGRAM_MICRO: after.INGRAM_MICRO - before.INGRAM_MICRO,
    TD_SYNNEX: after.TD_SYNNEX - before.TD_SYNNEX,
    FABRIC: after.FABRIC - before.FABRIC,
    STULLER: after.STULLER - before.STULLER,
  };
}

const PROVIDERS: readonly Provider[] = ["INGRAM_MICRO", "TD_SYNNEX", "FABRIC", "STULLER"];

/**
 * Posts `body` while `stalled` never answers, on a fake clock (helpers/fake-clock.ts): waits,
 * in real time, until every other provider has answered its lookup and `stalled` has an
 * upstream request open; checks that the answer is still pending, so the stalled provider
 * alone holds it up; then moves the clock by `deadlineMs`. The answer must then come without
 * the clock moving any further: the deadline, and nothing else, ended the wait.
 */
export async function postPastDeadline(
  harness: AllProviders,
  body: unknown,
  stalled: Provider,
  deadlineMs: number,
  headers?: Record<string, string>,
): Promise<Awaited<ReturnType<AllProviders["post"]>>> {
  const lookupsBefore = harness.lookups();
  const callsBefore = harness.upstreamCalls();
  const answer = watch(harness.post(body, headers));
  await until(() => {
    const lookups = harness.lookups();
    const calls = callsSince(callsBefore, harness.upstreamCalls());
    return PROVIDERS.every((p) =>
      p === stalled ? lookups[p].open > 0 && calls[p] > 0 : lookups[p].started > lookupsBefore[p].started && lookups[p].open === 0,
    );
  }, `every provider but ${stalled} has answered and ${stalled} has an upstream request open`);
  if (answer.settled()) throw new Error(`the answer came before the deadline although ${stalled} never answered`);
  vi.advanceTimersByTime(deadlineMs);
  return settle(answer.promise, `the answer once the clock passed the ${deadlineMs} ms deadline`);
}

/** Every provider's circuit breaker is closed (providers built the production way, which registers them in /metrics). */
export async function expectBreakersClosed(harness: AllProviders): Promise<void> {
  const response = await request(harness.subgraph.url.replace(/\/graphql$/, "/metrics"));
  const text = await response.body.text();
  const notClosed = PROVIDERS.filter((p) => !text.includes(`invoices_circuit_breaker_state{provider="${p}",state="closed"} 1`));
  expect(notClosed, "providers whose circuit breaker is not closed").toEqual([]);
}

export const ALL_PO_QUERY = /* GraphQL */ `
  query ($pos: [String!]!) {
    invoicesByPurchaseOrder(purchaseOrderNumbers: $pos) {
      invoices { provider number total { amount currency } lines { serialNumbers { value } } }
      failures { provider code message purchaseOrderNumbers retryAfterSeconds }
    }
  }
`;
