// Issue 14's "done when", against what `npm start` serves in sandbox mode: the four simulators
// behind the real clients. An Ingram invoice shows status, due date and amount due; a credit
// memo reaches its original invoice; fabric's total is the billed amount.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { processState } from "../../src/state/shared-state.js";
import { createSubgraphWithProviders, silentLogger, type ProviderSubgraph } from "../helpers/subgraph.js";

let sandbox: Sandbox;
let subgraph: ProviderSubgraph;

beforeAll(async () => {
  sandbox = await startSandbox({ logger: silentLogger, shared: processState() });
  subgraph = await createSubgraphWithProviders(sandbox.providers);
});

afterAll(async () => {
  await subgraph.apollo.stop();
  await sandbox.stop();
});

type Invoice = Record<string, unknown> & { provider: string; number: string };

async function invoicesOf(purchaseOrder: string, fields: string): Promise<Invoice[]> {
  const result = await subgraph.run(`{ invoicesByPurchaseOrder(purchaseOrderNumbers: ["${purchaseOrder}"]) { invoices { provider number ${fields} } failures { provider } } }`);
  expect(result.errors).toBeUndefined();
  const lookup = result.data?.["invoicesByPurchaseOrder"] as { invoices: Invoice[]; failures: unknown[] };
  expect(lookup.failures).toEqual([]);
  return lookup.invoices;
}

describe("the sandbox (issue 14)", () => {
  it("shows every Ingram invoice of a purchase order with its status, due date and amount due", async () => {
    const ingram = (await invoicesOf("PO-1002", "status dueDate amountDue { amount currency }")).filter((i) => i.provider === "INGRAM_MICRO");
    expect(ingram).toEqual([{ provider: "INGRAM_MICRO", number: "20-RCW67-11", status: "OPEN", dueDate: null, amountDue: { amount: "1299.00", currency: "USD" } }]);
    const withDates = (await invoicesOf("PO-1001", "status dueDate amountDue { amount }")).filter((i) => i.provider === "INGRAM_MICRO");
    expect(withDates.map((i) => [i.number, i["status"], i["dueDate"], (i["amountDue"] as { amount: string }).amount])).toEqual([
      ["20-12345-11", "OPEN", "2021-01-09", "5400.00"],
      ["20-12345-12", "CLOSED", "2021-01-13", "0.00"],
      ["20-12345-13", "OPEN", null, "1122.00"],
    ]);
  });

  it("takes a credit memo to its original invoice, for Ingram Micro and TD SYNNEX", async () => {
    const memos = (await invoicesOf("PO-1004", "documentType originalInvoice { provider number }")).filter((i) => i["documentType"] === "CREDIT_MEMO");
    expect(memos).toEqual([
      { provider: "INGRAM_MICRO", number: "20-CM990-11", documentType: "CREDIT_MEMO", originalInvoice: { provider: "INGRAM_MICRO", number: "20-12345-12" } },
      { provider: "TD_SYNNEX", number: "67200021", documentType: "CREDIT_MEMO", originalInvoice: { provider: "TD_SYNNEX", number: "67000001" } },
    ]);
  });

  it("gives fabric's billed amount as total: subtotal + tax + charges − allowances", async () => {
    const fabric = (await invoicesOf("PO-1001", "subtotal { amount } tax { amount } total { amount } charges { amount { amount } }")).filter((i) => i.provider === "FABRIC");
    expect(fabric.map((i) => [i.number, (i["total"] as { amount: string }).amount])).toEqual([
      ["FD-1001-A", "98.61"],
      ["FD-1001-B", "0.00"],
    ]);
  });
});
