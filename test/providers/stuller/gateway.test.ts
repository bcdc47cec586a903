// The Stuller federation proof: this subgraph composed with a tiny orders subgraph, a real
// @apollo/gateway over both on loopback, and the REAL Stuller client against the simulator.
// The router's one `_entities` fetch for 30 purchase orders must cost ceil(30 / K) Stuller
// calls, and every purchase order must get exactly its own invoices.
// Deadlines and undici's timeouts run on a fake clock that no test here moves
// (helpers/fake-clock.ts): on a busy machine a healthy call waits, it never times out.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApolloServer } from "@apollo/server";
import { ProviderRegistry } from "../../../src/providers/registry.js";
import { createStullerProvider, type StullerProvider } from "../../../src/providers/stuller/index.js";
import type { InvoiceProvider } from "../../../src/providers/types.js";
import { startSubgraph, type RunningSubgraph } from "../../../src/server.js";
import { generatedInvoices, generatedPurchaseOrders, startStullerSimulator, STULLER_SAMPLE_INVOICES, type StullerSimulator } from "../../../src/sandbox/stuller/index.js";
import { wireText } from "../../../src/sandbox/stuller/wire.js";
import { silentLogger } from "../../http/support.js";
import { startGateway, startOrdersSubgraph } from "../../helpers/federation.js";
import { FAST_TRANSPORT } from "./support.js";
import { useFakeClock, useRealClock } from "../../helpers/fake-clock.js";

const LONG = { purchaseOrderPrefix: `PO-${"LONG".repeat(20)}-`, invoicePrefix: "77" };
const THIRTY = generatedPurchaseOrders(30);

let simulator: StullerSimulator;
let orders: Awaited<ReturnType<typeof startOrdersSubgraph>>;
let invoices: RunningSubgraph;
let gateway: ApolloServer;
const invoicesSubgraphQueries: string[] = [];
const opened: StullerProvider[] = [];

/** The registry holds this one provider; tests swap the Stuller client behind it (K, credentials). */
let current: StullerProvider;
const stuller: InvoiceProvider = {
  id: "STULLER",
  // Read per request when the loaders are built, so a swap takes effect on the next query.
  get maxBatchSize() {
    return current.maxBatchSize;
  },
  findByNumbers: (keys, call) => current.findByNumbers(keys, call),
  findByRefs: (keys, call) => current.findByRefs(keys, call),
  findByPurchaseOrders: (keys, call) => current.findByPurchaseOrders(keys, call),
};

function useStuller(options: { k?: number; password?: string } = {}): void {
  current = createStullerProvider(
    { ...simulator.credentials, ...(options.password === undefined ? {} : { password: options.password }) },
    { logger: silentLogger, transport: FAST_TRANSPORT, ...(options.k === undefined ? {} : { maxPurchaseOrdersPerCall: options.k }) },
  );
  opened.push(current);
}

beforeAll(async () => {
  useFakeClock();
  simulator = await startStullerSimulator({ invoices: [...STULLER_SAMPLE_INVOICES, ...generatedInvoices(30), ...generatedInvoices(25, LONG)] });
  useStuller();
  orders = await startOrdersSubgraph();
  invoices = await startSubgraph({ registry: new ProviderRegistry([stuller]), logger: silentLogger, requestDeadlineMs: 5_000, introspection: false, port: 0, host: "127.0.0.1" });
  gateway = await startGateway(orders.url, invoices.url, (query) => invoicesSubgraphQueries.push(query));
});

afterAll(async () => {
  useRealClock();
  await gateway?.stop();
  await invoices?.stop();
  await orders?.close();
  await Promise.all(opened.map((provider) => provider.close()));
  await simulator?.close();
});

beforeEach(() => {
  invoicesSubgraphQueries.length = 0;
  simulator.control.reset();
  useStuller();
});

interface PurchaseOrderAnswer {
  number: string;
  status: string;
  invoices: Array<{ number: string; purchaseOrderNumber: string; total: { amount: string } }>;
}

async function purchaseOrders(numbers: readonly string[]) {
  const response = await gateway.executeOperation({
    query: `query($numbers: [String!]!) { purchaseOrders(numbers: $numbers) { number status invoices { number purchaseOrderNumber total { amount } } } }`,
    variables: { numbers },
  });
  if (response.body.kind !== "single") throw new Error("unexpected incremental response");
  const result = response.body.singleResult;
  return { errors: result.errors, pos: (result.data?.["purchaseOrders"] ?? []) as PurchaseOrderAnswer[] };
}

/** PO → its invoice numbers: what the gateway answered, and what the simulator holds. */
function answered(pos: readonly PurchaseOrderAnswer[]): Record<string, string[]> {
  return Object.fromEntries(pos.map((po) => [po.number, po.invoices.map((invoice) => invoice.number)]));
}
function held(numbers: readonly string[]): Record<string, string[]> {
  return Object.fromEntries(numbers.map((po) => [po, simulator.invoices.filter((i) => wireText(i.PurchaseOrderNumber) === po).map((i) => wireText(i.InvoiceNumber) ?? "")]));
}

describe("Stuller behind a real gateway", () => {
  it.each([
    { k: 25, calls: 2 },
    { k: 10, calls: 3 },
    { k: 7, calls: 5 },
    { k: 30, calls: 1 },
  ])("answers one _entities request for 30 purchase orders with ceil(30 / $k) = $calls Stuller calls", async ({ k, calls }) => {
    useStuller({ k });
    const { errors, pos } = await purchaseOrders(THIRTY);
    expect(errors).toBeUndefined();
    expect(invoicesSubgraphQueries).toHaveLength(1);
    expect(invoicesSubgraphQueries[0]).toContain("_entities");
    expect(simulator.requests).toHaveLength(calls);
    expect(simulator.requests.flatMap((r) => r.purchaseOrderNumbers).sort()).toEqual([...THIRTY].sort());
    expect(pos.map((po) => po.status)).toEqual(THIRTY.map(() => "OPEN"));
    expect(answered(pos)).toEqual(held(THIRTY));
    for (const po of pos) for (const invoice of po.invoices) expect(invoice.purchaseOrderNumber).toBe(po.number);
  });

  it("gives each purchase order exactly its invoices even when Stuller ignores the filter", async () => {
    simulator.control.lenient = true;
    const { errors, pos } = await purchaseOrders(THIRTY);
    expect(errors).toBeUndefined();
    expect(simulator.requests.map((r) => r.invoicesReturned)).toEqual([simulator.invoices.length, simulator.invoices.length]);
    expect(answered(pos)).toEqual(held(THIRTY));
  });

  it("sends 25 long purchase-order numbers as one POST and still aligns every invoice", async () => {
    const long = generatedPurchaseOrders(25, LONG);
    const { errors, pos } = await purchaseOrders(long);
    expect(errors).toBeUndefined();
    expect(simulator.requests.map((r) => [r.method, r.purchaseOrderNumbers.length])).toEqual([["POST", 25]]);
    expect(answered(pos)).toEqual(held(long));
  });

  it("carries the sample amounts through the gateway digit for digit", async () => {
    const { pos } = await purchaseOrders(["PO-1001", "PO-1002"]);
    expect(pos.map((po) => po.invoices.map((invoice) => [invoice.number, invoice.total.amount]))).toEqual([
      [
        ["5123456", "12345678901234.56"],
        ["70010012", "130.73"],
      ],
      [
        ["70010021", "447.50"],
        ["70010022", "2.09"],
      ],
    ]);
  });

  it("returns the data after 503, 503, 200 with no error", async () => {
    simulator.control.failNext({ kind: "status", status: 503 }, { kind: "status", status: 503 });
    const { errors, pos } = await purchaseOrders(["PO-1003"]);
    expect(errors).toBeUndefined();
    expect(answered(pos)).toEqual({ "PO-1003": ["70010031"] });
    expect(simulator.requests.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it("reports rejected credentials as PROVIDER_AUTH_FAILED while the orders data still arrives", async () => {
    useStuller({ password: "not-the-password" });
    const { errors, pos } = await purchaseOrders(["PO-1001", "PO-1002"]);
    expect(pos).toEqual([
      { number: "PO-1001", status: "OPEN", invoices: [] },
      { number: "PO-1002", status: "OPEN", invoices: [] },
    ]);
    expect(errors?.length).toBeGreaterThan(0);
    for (const error of errors ?? []) {
      expect(error).toMatchObject({ message: "Stuller rejected the configured credentials (HTTP 401)", extensions: { code: "PROVIDER_AUTH_FAILED", provider: "STULLER" } });
    }
    expect(simulator.requests.map((r) => r.status)).toEqual([401]);
  });
});
