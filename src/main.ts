// The only module with side effects: configuration → providers (or the sandbox) → listen.
import { MemoryInvoiceCache } from "./cache/memory-cache.js";
import { ConfigError, loadConfig } from "./config.js";
import { rootLogger } from "./observability/logger.js";
import { registerSecrets } from "./observability/scrub.js";
import { createConfiguredProviders } from "./providers/index.js";
import { ProviderRegistry } from "./providers/registry.js";
import { startSandbox, type Sandbox } from "./sandbox/index.js";
import { startSubgraph } from "./server.js";

function exampleQueries(purchaseOrders: readonly string[]): string {
  const list = purchaseOrders.map((po) => JSON.stringify(po)).join(", ");
  return [
    "Example queries:",
    "  { reasonCodes { code description } }",
    `  { invoicesByPurchaseOrder(purchaseOrderNumbers: [${list}]) { invoices { provider number total { amount currency } } failures { provider code message } } }`,
    `  { invoice(provider: INGRAM_MICRO, number: "20-12345-11") { number orderStatus lines { partNumber serialNumbers { value } } } }`,
    `  { _entities(representations: [{ __typename: "PurchaseOrder", number: ${JSON.stringify(purchaseOrders[0] ?? "PO-1001")} }]) { ... on PurchaseOrder { invoices { provider number } } } }`,
    "  { unacknowledgedInvoices(first: 5) { edges { node { id number purchaseOrderNumber } } pageInfo { hasNextPage endCursor } } }",
  ].join("\n");
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const { INGRAM_MICRO: ingram, TD_SYNNEX: td, FABRIC: fabric, STULLER: stuller } = config.providers;
  registerSecrets(
    [ingram?.clientSecret, td?.password, fabric?.clientSecret, stuller?.password, ...config.routerSecrets].filter((v): v is string => v !== undefined),
    stuller ? [`${stuller.username}:${stuller.password}`] : [],
  );

  let sandbox: Sandbox | null = null;
  let providers;
  try {
    if (config.sandbox) {
      sandbox = await startSandbox();
      providers = sandbox.providers;
    } else {
      providers = createConfiguredProviders(config, rootLogger);
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const registry = new ProviderRegistry(providers);
  // One invoice cache for the process (sandbox included), shared by every request.
  const invoiceCache = config.invoiceCacheTtlSeconds > 0 ? { store: new MemoryInvoiceCache(), ttlSeconds: config.invoiceCacheTtlSeconds } : undefined;
  const subgraph = await startSubgraph({
    registry,
    logger: rootLogger,
    requestDeadlineMs: config.requestDeadlineMs,
    introspection: config.sandbox || process.env["NODE_ENV"] !== "production",
    routerSecrets: config.routerSecrets,
    invoiceCache,
    port: config.port,
  });
  rootLogger.info({ url: subgraph.url, sandbox: config.sandbox, providers: registry.configured(), invoiceCacheTtlSeconds: config.invoiceCacheTtlSeconds }, "invoices subgraph ready");
  process.stdout.write(`\nInvoices subgraph ready at ${subgraph.url}${config.sandbox ? " (sandbox: every provider answered by its simulator on loopback, no credentials needed)" : ""}\n`);
  if (sandbox) process.stdout.write(`${exampleQueries(sandbox.purchaseOrders)}\n\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    rootLogger.info({ signal, graceMs: config.shutdownGraceMs }, "shutting down: draining requests in flight");
    await subgraph.stop(config.shutdownGraceMs);
    if (sandbox) await sandbox.stop();
    else await Promise.allSettled(registry.all().map((provider) => provider.close?.()));
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

await main();
