// What the benchmark asks and what the simulators hold. The realistic query asks five
// purchase orders: the three every simulator knows (PO-1001..PO-1003), a TD SYNNEX RMA and a
// generated Stuller order, so every provider is asked five POs and answers some of them.
// Figure (b) uses bench-only orders PO-B0001..PO-B0260 that no other phase queries, so any
// cache the subgraph may have is cold for them.
import type { IngramSimulatorOptions, SimulatedInvoice } from "../../src/sandbox/ingram-micro/index.js";
import { NAMED_INVOICES } from "../../src/sandbox/ingram-micro/invoices.js";
import { CATALOG_INVOICES } from "../../src/sandbox/ingram-micro/catalog.js";
import { generatedInvoices, STULLER_SAMPLE_INVOICES, type WireInvoice } from "../../src/sandbox/stuller/index.js";
import { US_PURCHASE_ORDERS, type SampleAnswer } from "../../src/sandbox/td-synnex/index.js";

export const QUERY_PURCHASE_ORDERS = ["PO-1001", "PO-1002", "PO-1003", "PO-RMA-11", "PO-GEN-001"] as const;

/** Bench-only orders; fabric's bulk invoices use the same names (10 invoices per order). */
export const BENCH_ORDER_COUNT = 260;
export const benchOrder = (i: number): string => `PO-B${String(i).padStart(4, "0")}`;

/** Selection of one invoice: header, total, lines with serial numbers. */
export const INVOICE_SELECTION =
  "id provider number purchaseOrderNumber documentType invoiceDate total { amount currency } " +
  "lines { number partNumber description quantityShipped unitPrice { amount currency } extendedPrice { amount currency } serialNumbers { value } }";

export const LOOKUP_QUERY =
  `query InvoicesOfOrders($numbers: [String!]!, $providers: [Provider!]) { invoicesByPurchaseOrder(purchaseOrderNumbers: $numbers, providers: $providers) { ` +
  `invoices { ${INVOICE_SELECTION} } failures { provider code message purchaseOrderNumbers } notices { provider purchaseOrderNumber code message } } }`;

/** What @apollo/gateway sends for `purchaseOrders { invoices { … } }`; run.ts replaces it with the captured text. */
export const FALLBACK_ENTITIES_QUERY =
  `query($representations:[_Any!]!){_entities(representations:$representations){...on PurchaseOrder{invoices{${INVOICE_SELECTION}}}}}`;

export const GATEWAY_QUERY = `query Orders($numbers: [String!]!) { purchaseOrders(numbers: $numbers) { number status invoices { ${INVOICE_SELECTION} } } }`;

/** `providers` null: every configured provider, as a client leaving the argument out. */
export function lookupBody(numbers: readonly string[], providers: readonly string[] | null = null): string {
  return JSON.stringify({ query: LOOKUP_QUERY, variables: { numbers, providers } });
}

export function entitiesBody(query: string, numbers: readonly string[]): string {
  return JSON.stringify({ query, variables: { representations: numbers.map((number) => ({ __typename: "PurchaseOrder", number })) } });
}

// ---- simulator data -------------------------------------------------------------------

/** Ingram invoices per bench order: 1 for odd i, 2 for even i. */
export const ingramInvoicesOfBenchOrder = (i: number): number => 1 + ((i + 1) % 2);

const ingramTemplate = NAMED_INVOICES.find((invoice) => invoice.number === "20-12345-12") ?? NAMED_INVOICES[0];

export function ingramInvoices(): SimulatedInvoice[] {
  if (!ingramTemplate) throw new Error("the Ingram simulator has no named invoices");
  const generated: SimulatedInvoice[] = [];
  for (let i = 1; i <= BENCH_ORDER_COUNT; i++) {
    for (let copy = 1; copy <= ingramInvoicesOfBenchOrder(i); copy++) {
      const number = `20-B${String(i).padStart(4, "0")}-1${copy}`;
      const po = benchOrder(i);
      generated.push({ number, purchaseOrder: po, detail: { ...ingramTemplate.detail, invoicenumbr: number, globalorderid: number, customerordernumber: po } });
    }
  }
  return [...NAMED_INVOICES, ...CATALOG_INVOICES, ...generated];
}

export function ingramOptions(): IngramSimulatorOptions {
  // Ingram allows 60 calls per 60 s; raised here (and in the client) so the bench measures the subgraph.
  return { limit: 1_000_000_000, windowMs: 60_000, invoices: ingramInvoices() };
}

export function tdPurchaseOrders(): Map<string, SampleAnswer> {
  const template = US_PURCHASE_ORDERS.get("PO-1002");
  if (!template || !("invoices" in template)) throw new Error("the TD SYNNEX samples lost PO-1002");
  const orders = new Map(US_PURCHASE_ORDERS);
  for (let i = 1; i <= BENCH_ORDER_COUNT; i++) {
    const po = benchOrder(i);
    const invoices = template.invoices.slice(0, 1 + (i % 3)).map((spec, copy) => ({ ...spec, number: `68${String(i).padStart(5, "0")}${copy}`, purchaseOrder: po }));
    orders.set(po, { invoices });
  }
  return orders;
}

export function stullerInvoices(): WireInvoice[] {
  return [...STULLER_SAMPLE_INVOICES, ...generatedInvoices(30), ...generatedInvoices(BENCH_ORDER_COUNT, { purchaseOrderPrefix: "PO-B0", invoicePrefix: "78" })];
}

/** fabric bulk invoices get ids after the 13 samples; id n belongs to PO-B ceil(n/10). */
export const FABRIC_BULK_INVOICES = BENCH_ORDER_COUNT * 10;
