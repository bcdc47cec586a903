import { describe, expect, it } from "vitest";
import { ProviderError } from "../../src/domain/errors.js";
import { sampleInvoice } from "../helpers/invoices.js";
import { createTestSubgraph } from "../helpers/subgraph.js";

const QUERY = /* GraphQL */ `
  query ($pos: [String!]!, $providers: [Provider!]) {
    invoicesByPurchaseOrder(purchaseOrderNumbers: $pos, providers: $providers) {
      invoices { provider number purchaseOrderNumber total { amount currency } }
      failures { provider code message purchaseOrderNumbers retryAfterSeconds }
      notices { provider purchaseOrderNumber code message }
    }
  }
`;

async function fourProviders() {
  return createTestSubgraph([
    { id: "INGRAM_MICRO", invoices: [sampleInvoice("INGRAM_MICRO", "IM-1", "PO-1", "10.10")] },
    { id: "TD_SYNNEX", invoices: [sampleInvoice("TD_SYNNEX", "TD-1", "PO-1"), sampleInvoice("TD_SYNNEX", "TD-2", "PO-1"), sampleInvoice("TD_SYNNEX", "TD-3", "PO-2")],
      notices: [{ provider: "TD_SYNNEX", purchaseOrderNumber: "PO-3", code: "NOT_INVOICED_YET", message: "Order not invoiced yet" }] },
    { id: "FABRIC", invoices: [sampleInvoice("FABRIC", "FB-1", "PO-2")] },
    { id: "STULLER", invoices: [sampleInvoice("STULLER", "ST-1", "PO-1", "12345678901234.56")] },
  ]);
}

describe("invoicesByPurchaseOrder", () => {
  it("returns every provider's invoices grouped by provider in enum order, amounts digit for digit", async () => {
    const subgraph = await fourProviders();
    const result = await subgraph.run(QUERY, { pos: ["PO-1", "PO-2"] });
    expect(result.errors).toBeUndefined();
    const lookup = result.data?.["invoicesByPurchaseOrder"] as { invoices: Array<{ provider: string; number: string; total: { amount: string } }>; failures: unknown[] };
    expect(lookup.invoices.map((i) => `${i.provider}:${i.number}`)).toEqual([
      "INGRAM_MICRO:IM-1",
      "TD_SYNNEX:TD-1",
      "TD_SYNNEX:TD-2",
      "TD_SYNNEX:TD-3",
      "FABRIC:FB-1",
      "STULLER:ST-1",
    ]);
    expect(lookup.invoices[0]?.total.amount).toBe("10.10");
    expect(lookup.invoices.at(-1)?.total.amount).toBe("12345678901234.56");
    expect(lookup.failures).toEqual([]);
  });

  it("calls each provider's batch function once with the distinct purchase orders", async () => {
    const subgraph = await fourProviders();
    await subgraph.run(QUERY, { pos: ["PO-1", "PO-2", "PO-1"] });
    for (const provider of subgraph.providers.values()) {
      expect(provider.callsOf("findByPurchaseOrders")).toEqual([["PO-1", "PO-2"]]);
    }
  });

  it("keeps the other providers' invoices when one provider fails, and lists the failure with its purchase orders", async () => {
    const subgraph = await fourProviders();
    subgraph.provider("TD_SYNNEX").failWith(new ProviderError("TD_SYNNEX", "UNAVAILABLE", "TD SYNNEX answered HTTP 503 three times"));
    const result = await subgraph.run(QUERY, { pos: ["PO-1", "PO-2"] });
    expect(result.errors).toBeUndefined();
    const lookup = result.data?.["invoicesByPurchaseOrder"] as { invoices: Array<{ provider: string }>; failures: unknown[] };
    expect(lookup.invoices.map((i) => i.provider)).toEqual(["INGRAM_MICRO", "FABRIC", "STULLER"]);
    expect(lookup.failures).toEqual([
      { provider: "TD_SYNNEX", code: "UNAVAILABLE", message: "TD SYNNEX answered HTTP 503 three times", purchaseOrderNumbers: ["PO-1", "PO-2"], retryAfterSeconds: null },
    ]);
  });

  it("reports a rate-limited provider with its retryAfterSeconds", async () => {
    const subgraph = await fourProviders();
    subgraph.provider("INGRAM_MICRO").failWith(new ProviderError("INGRAM_MICRO", "RATE_LIMITED", "Ingram Micro rate limit reached", { retryAfterSeconds: 41.2 }));
    const result = await subgraph.run(QUERY, { pos: ["PO-1"], providers: ["INGRAM_MICRO"] });
    const lookup = result.data?.["invoicesByPurchaseOrder"] as { failures: Array<{ code: string; retryAfterSeconds: number }> };
    expect(lookup.failures).toMatchObject([{ code: "RATE_LIMITED", retryAfterSeconds: 42 }]);
  });

  it("fails only the purchase order whose lookup failed when a provider fails one key", async () => {
    const subgraph = await fourProviders();
    subgraph.provider("TD_SYNNEX").failKey("PO-2", new ProviderError("TD_SYNNEX", "BAD_RESPONSE", "TD SYNNEX sent an invoice this subgraph could not read"));
    const result = await subgraph.run(QUERY, { pos: ["PO-1", "PO-2"], providers: ["TD_SYNNEX"] });
    const lookup = result.data?.["invoicesByPurchaseOrder"] as { invoices: Array<{ number: string }>; failures: Array<{ purchaseOrderNumbers: string[]; code: string }> };
    expect(lookup.invoices.map((i) => i.number)).toEqual(["TD-1", "TD-2"]);
    expect(lookup.failures).toMatchObject([{ code: "BAD_RESPONSE", purchaseOrderNumbers: ["PO-2"] }]);
  });

  it("asks only the providers named, and reports a named provider that is not configured as NOT_CONFIGURED", async () => {
    const subgraph = await createTestSubgraph([{ id: "FABRIC", invoices: [sampleInvoice("FABRIC", "FB-1", "PO-2")] }]);
    const result = await subgraph.run(QUERY, { pos: ["PO-2"], providers: ["STULLER", "FABRIC"] });
    const lookup = result.data?.["invoicesByPurchaseOrder"] as { invoices: Array<{ number: string }>; failures: unknown[] };
    expect(lookup.invoices.map((i) => i.number)).toEqual(["FB-1"]);
    expect(lookup.failures).toEqual([
      { provider: "STULLER", code: "NOT_CONFIGURED", message: "Stuller is not configured on this subgraph", purchaseOrderNumbers: ["PO-2"], retryAfterSeconds: null },
    ]);
  });

  it("treats an unknown purchase order as no invoices, not a failure", async () => {
    const subgraph = await fourProviders();
    const result = await subgraph.run(QUERY, { pos: ["PO-UNKNOWN"] });
    expect(result.data?.["invoicesByPurchaseOrder"]).toEqual({ invoices: [], failures: [], notices: [] });
  });

  it("returns a provider's business notices next to the invoices", async () => {
    const subgraph = await fourProviders();
    const result = await subgraph.run(QUERY, { pos: ["PO-3"] });
    expect((result.data?.["invoicesByPurchaseOrder"] as { notices: unknown[] }).notices).toEqual([
      { provider: "TD_SYNNEX", purchaseOrderNumber: "PO-3", code: "NOT_INVOICED_YET", message: "Order not invoiced yet" },
    ]);
  });

  it.each([
    ["an empty list", [], "purchaseOrderNumbers must contain at least one value"],
    ["101 purchase orders", Array.from({ length: 101 }, (_, i) => `PO-${i}`), "invoicesByPurchaseOrder(purchaseOrderNumbers:) accepts at most 100 entries, got 101"],
    ["a blank purchase order", ["PO-1", "  "], "purchaseOrderNumbers[1] must not be blank"],
  ])("rejects %s with BAD_USER_INPUT before any upstream call", async (_label, pos, message) => {
    const subgraph = await fourProviders();
    const result = await subgraph.run(QUERY, { pos });
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: "BAD_USER_INPUT" } });
    for (const provider of subgraph.providers.values()) expect(provider.calls).toEqual([]);
  });
});
