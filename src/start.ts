// The running subgraph, from a configuration main.ts has validated: shared state → providers
// (or the sandbox) → tracing → listen, and the shutdown that undoes it. Loaded by main.ts only
// once the configuration is valid, so a bad variable is refused without loading the server.
import { createLookupCaches } from "./cache/lookup-caches.js";
import { ConfigError, type Config } from "./config.js";
import { addDays } from "./domain/dates.js";
import { shutDown } from "./front/shutdown.js";
import { ShutdownAbort } from "./http/failures.js";
import { rootLogger } from "./observability/logger.js";
import { registerSecrets } from "./observability/scrub.js";
import { startTracing } from "./observability/tracing.js";
import type { TracingConfig } from "./observability/tracing-config.js";
import { createConfiguredProviders, type ProviderDeps } from "./providers/index.js";
import { ProviderRegistry } from "./providers/registry.js";
import type { InvoiceProvider } from "./providers/types.js";
import { startSandbox, type Sandbox } from "./sandbox/index.js";
import { startSubgraph } from "./server.js";
import { processState, redisState, type SharedState } from "./state/shared-state.js";

function exampleQueries(purchaseOrders: readonly string[], today: string): string {
  const list = purchaseOrders.map((po) => JSON.stringify(po)).join(", ");
  return [
    "Example queries:",
    "  { reasonCodes { code description } }",
    `  { invoicesByPurchaseOrder(purchaseOrderNumbers: [${list}]) { invoices { provider number retrievedAt total { amount currency } } failures { provider code message } notices { provider code message } } }`,
    `  { invoice(provider: INGRAM_MICRO, number: "20-12345-11") { number orderStatus lines { partNumber serialNumbers { value } } } }`,
    `  { _entities(representations: [{ __typename: "PurchaseOrder", number: ${JSON.stringify(purchaseOrders[0] ?? "PO-1001")} }]) { ... on PurchaseOrder { invoices { provider number } } } }`,
    "  { unacknowledgedInvoices(first: 5) { edges { node { id number purchaseOrderNumber } } pageInfo { hasNextPage endCursor } } }",
    `  { invoices(filter: { invoiceDateFrom: "${addDays(today, -29)}", invoiceDateTo: "${today}" }, first: 7) { edges { node { provider number invoiceDate total { amount } } } pageInfo { hasNextPage endCursor } failures { provider code } } }`,
  ].join("\n");
}

function sharedStateOf(config: Config): SharedState {
  if (config.redisUrl === null) return processState();
  return redisState({ url: config.redisUrl, logger: rootLogger });
}

export async function start(config: Config, tracingConfig: TracingConfig): Promise<void> {
  const { INGRAM_MICRO: ingram, TD_SYNNEX: td, FABRIC: fabric, STULLER: stuller } = config.providers;
  registerSecrets(
    [ingram?.clientSecret, td?.password, fabric?.clientSecret, stuller?.password, ...config.routerSecrets].filter((v): v is string => v !== undefined),
    stuller ? [`${stuller.username}:${stuller.password}`] : [],
  );

  // Before anything that serves requests; off (no endpoint), nothing of the SDK is loaded.
  const tracing = await startTracing(tracingConfig, { logger: rootLogger });
  const shared = sharedStateOf(config);
  const deps: ProviderDeps = { logger: rootLogger, shared, ingramRateLimit: config.ingramRateLimit };
  let sandbox: Sandbox | null = null;
  let providers: readonly InvoiceProvider[];
  try {
    if (config.sandbox) {
      sandbox = await startSandbox(deps);
      providers = sandbox.providers;
    } else providers = createConfiguredProviders(config, deps);
  } catch (error) {
    // A provider configured without a client in this build is a configuration error too.
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }

  const registry = new ProviderRegistry(providers);
  // Aborted when the shutdown grace period ends: every upstream call still running is cut.
  const shutdown = new AbortController();
  const lookups = createLookupCaches({
    store: shared.store,
    coordination: shared.coordination,
    settings: {
      lookupTtlSeconds: config.lookupCacheTtlSeconds,
      invoiceTtlSeconds: config.invoiceCacheTtlSeconds,
      staleIfErrorSeconds: config.staleIfErrorSeconds,
    },
    logger: rootLogger,
    refreshDeadlineMs: config.requestDeadlineMs,
    shutdownSignal: shutdown.signal,
  });
  const subgraph = await startSubgraph({
    registry,
    logger: rootLogger,
    requestDeadlineMs: config.requestDeadlineMs,
    introspection: config.sandbox || process.env["NODE_ENV"] !== "production",
    routerSecrets: config.routerSecrets,
    lookups,
    shutdownSignal: shutdown.signal,
    port: config.port,
  });
  rootLogger.info(
    {
      url: subgraph.url,
      sandbox: config.sandbox,
      providers: registry.configured(),
      sharedState: shared.mode,
      tracing: tracingConfig.enabled ? "on" : `off (${tracingConfig.reason})`,
      lookupCacheTtlSeconds: config.lookupCacheTtlSeconds,
      invoiceCacheTtlSeconds: config.invoiceCacheTtlSeconds,
      staleIfErrorSeconds: config.staleIfErrorSeconds,
    },
    "invoices subgraph ready",
  );
  process.stdout.write(`\nInvoices subgraph ready at ${subgraph.url}${config.sandbox ? " (sandbox: every provider answered by its simulator on loopback, no credentials needed)" : ""}\n`);
  if (sandbox) process.stdout.write(`${exampleQueries(sandbox.purchaseOrders, sandbox.asOf)}\n\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second signal: the operator wants out now.
    if (stopping) {
      rootLogger.warn({ signal }, "second shutdown signal: exiting at once");
      process.exit(signal === "SIGINT" ? 130 : 143);
    }
    stopping = true;
    const { shutdownDelayMs: delayMs, shutdownGraceMs: graceMs } = config;
    rootLogger.info({ signal, delayMs, graceMs }, "shutting down: readiness 503, serving for the delay, then draining requests in flight");
    // Whatever happens below, the process is gone a second after the grace period.
    setTimeout(() => process.exit(0), graceMs + 1_000).unref();
    void shutDown({
      subgraph,
      delayMs,
      graceMs,
      cutUpstream: () => {
        rootLogger.warn({ graceMs }, "shutdown grace period over: cutting the upstream calls still running");
        shutdown.abort(new ShutdownAbort());
      },
      release: async () => {
        try {
          if (sandbox) await sandbox.stop();
          else await Promise.allSettled(registry.all().map((provider) => provider.close?.()));
          await shared.close();
        } finally {
          // The spans of the last requests, bounded: a collector that is down does not hold the exit.
          await tracing.shutdown(2_000);
        }
      },
    })
      .catch((error: unknown) => rootLogger.error({ err: error }, "shutdown failed"))
      .finally(() => process.exit(0));
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
