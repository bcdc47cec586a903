import { describe, expect, it } from "vitest";
import { ProviderError } from "../../src/domain/errors.js";
import { encodeInvoiceId } from "../../src/domain/ids.js";
import { holdReasonCode, ingramOrderStatusTable } from "../../src/domain/code-tables/index.js";
import { invoiceModel } from "../../src/domain/factories.js";
import { sampleInvoice } from "../helpers/invoices.js";
import { createTestSubgraph } from "../helpers/subgraph.js";

const INVOICE = /* GraphQL */ `
  query ($provider: Provider!, $number: String!) {
    invoice(provider: $provider, number: $number) {
      id provider number documentType documentTypeCode orderStatus orderStatusCode
      holdReason { code description reason }
      trackingNumbers
      lines { number serialNumbers { value } trackingNumbers }
    }
  }
`;

describe("Query.invoice", () => {
  it("returns the invoice with its lines, serial numbers kept exactly, and every tracking number once", async () => {
    const sg = await createTestSubgraph([{ id: "INGRAM_MICRO", invoices: [sampleInvoice("INGRAM_MICRO", "IM-1", "PO-1")] }]);
    const result = await sg.run(INVOICE, { provider: "INGRAM_MICRO", number: "IM-1" });
    expect(result.errors).toBeUndefined();
    expect(result.data?.["invoice"]).toMatchObject({
      id: encodeInvoiceId("INGRAM_MICRO", "IM-1"),
      provider: "INGRAM_MICRO",
      number: "IM-1",
      documentType: "INVOICE",
      documentTypeCode: null,
      trackingNumbers: ["1Z-INVOICE", "1Z-LINE"],
      lines: [{ number: "1", serialNumbers: [{ value: "000123" }], trackingNumbers: ["1Z-LINE", "1Z-INVOICE"] }],
    });
  });

  it("translates codes and keeps the raw code beside the enum value", async () => {
    const invoice = invoiceModel("INGRAM_MICRO", { ref: "IM-H", number: "IM-H" }, {
      orderStatus: ingramOrderStatusTable.translate("Q"),
      holdReason: holdReasonCode("C4"),
    });
    const sg = await createTestSubgraph([{ id: "INGRAM_MICRO", invoices: [invoice] }]);
    const result = await sg.run(INVOICE, { provider: "INGRAM_MICRO", number: "IM-H" });
    expect(result.data?.["invoice"]).toMatchObject({
      orderStatus: "UNKNOWN",
      orderStatusCode: "Q",
      holdReason: { code: "C4", description: "Credit hold", reason: "CREDIT_HOLD" },
    });
  });

  it("returns null for an unknown invoice number without an error", async () => {
    const sg = await createTestSubgraph([{ id: "INGRAM_MICRO" }]);
    const result = await sg.run(INVOICE, { provider: "INGRAM_MICRO", number: "NOPE" });
    expect(result).toEqual({ data: { invoice: null } });
  });

  it("gives a typed PROVIDER_ error and a null invoice when the provider fails", async () => {
    const sg = await createTestSubgraph([{ id: "INGRAM_MICRO" }]);
    sg.provider("INGRAM_MICRO").failWith(new ProviderError("INGRAM_MICRO", "TIMEOUT", "Ingram Micro did not answer in time"));
    const result = await sg.run(INVOICE, { provider: "INGRAM_MICRO", number: "IM-1" });
    expect(result.data).toEqual({ invoice: null });
    expect(result.errors).toEqual([
      { message: "Ingram Micro did not answer in time", path: ["invoice"], locations: [{ line: 3, column: 5 }], extensions: { code: "PROVIDER_TIMEOUT", provider: "INGRAM_MICRO" } },
    ]);
  });

  it("gives PROVIDER_NOT_CONFIGURED for a provider this subgraph has no credentials for", async () => {
    const sg = await createTestSubgraph([{ id: "INGRAM_MICRO" }]);
    const result = await sg.run(INVOICE, { provider: "FABRIC", number: "RC1" });
    expect(result.errors?.[0]?.extensions).toEqual({ code: "PROVIDER_NOT_CONFIGURED", provider: "FABRIC" });
  });

  it("masks an unexpected error thrown inside a provider as BAD_RESPONSE without its message", async () => {
    const sg = await createTestSubgraph([{ id: "STULLER" }]);
    const provider = sg.provider("STULLER");
    provider.findByNumbers = async () => {
      throw new Error("password=CANARY-SECRET leaked in a parser message");
    };
    const result = await sg.run(INVOICE, { provider: "STULLER", number: "1" });
    expect(JSON.stringify(result)).not.toContain("CANARY");
    expect(result.errors?.[0]?.extensions?.["code"]).toBe("PROVIDER_BAD_RESPONSE");
  });
});

const ENTITY = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Invoice { id number provider } }
  }
`;

describe("Invoice entity", () => {
  it("resolves an id it issued back to the same invoice, batching ids per provider", async () => {
    const sg = await createTestSubgraph([{ id: "FABRIC", invoices: [sampleInvoice("FABRIC", "FB-1", null), sampleInvoice("FABRIC", "FB-2", null)] }]);
    const ids = [encodeInvoiceId("FABRIC", "FB-2"), encodeInvoiceId("FABRIC", "FB-1")];
    const result = await sg.run(ENTITY, { representations: ids.map((id) => ({ __typename: "Invoice", id })) });
    expect(result.data?.["_entities"]).toEqual([
      { id: ids[0], number: "FB-2", provider: "FABRIC" },
      { id: ids[1], number: "FB-1", provider: "FABRIC" },
    ]);
    expect(sg.provider("FABRIC").callsOf("findByRefs")).toEqual([["FB-2", "FB-1"]]);
  });

  it("resolves an id that is not ours, or an invoice that is gone, to null without an upstream call for the former", async () => {
    const sg = await createTestSubgraph([{ id: "FABRIC" }]);
    const result = await sg.run(ENTITY, {
      representations: [
        { __typename: "Invoice", id: "not-an-id" },
        { __typename: "Invoice", id: encodeInvoiceId("FABRIC", "gone") },
      ],
    });
    expect(result.data?.["_entities"]).toEqual([null, null]);
    expect(sg.provider("FABRIC").callsOf("findByRefs")).toEqual([["gone"]]);
  });
});

describe("reasonCodes", () => {
  it("lists the hold and credit memo tables through the ReasonCode interface", async () => {
    const sg = await createTestSubgraph([]);
    const result = await sg.run(/* GraphQL */ `{
      reasonCodes { __typename code description ... on HoldReasonCode { hold: reason } ... on CreditMemoReasonCode { credit: reason } }
    }`);
    expect(result.errors).toBeUndefined();
    const codes = result.data?.["reasonCodes"] as Array<{ __typename: string; code: string }>;
    expect(codes.find((c) => c.code === "C8")).toEqual({ __typename: "HoldReasonCode", code: "C8", description: "Credit hold", hold: "CREDIT_HOLD" });
    expect(codes.find((c) => c.code === "WW")).toEqual({ __typename: "CreditMemoReasonCode", code: "WW", description: "Wrong pick by warehouse", credit: "WRONG_PICK" });
    const credit = await sg.run(`{ reasonCodes(kind: CREDIT_MEMO) { __typename } }`);
    expect(new Set((credit.data?.["reasonCodes"] as Array<{ __typename: string }>).map((c) => c.__typename))).toEqual(new Set(["CreditMemoReasonCode"]));
  });
});

describe("Invoice.originalInvoice", () => {
  const creditMemo = (number: string, original: string | null) =>
    invoiceModel("INGRAM_MICRO", { ref: number, number }, { purchaseOrderNumber: "PO-CM", originalDocumentNumber: original });
  const ORIGINALS = /* GraphQL */ `{
    invoicesByPurchaseOrder(purchaseOrderNumbers: ["PO-CM"]) {
      invoices { number originalDocumentNumber originalInvoice { number purchaseOrderNumber } }
    }
  }`;

  it("reaches each credit memo's original invoice with one by-number batch for the whole page", async () => {
    const sg = await createTestSubgraph([
      {
        id: "INGRAM_MICRO",
        invoices: [creditMemo("CM-1", "INV-1"), creditMemo("CM-2", "INV-2"), creditMemo("CM-3", "INV-1"), creditMemo("CM-4", "INV-GONE"), creditMemo("CM-5", null), sampleInvoice("INGRAM_MICRO", "INV-1", "PO-OLD"), sampleInvoice("INGRAM_MICRO", "INV-2", "PO-OLD")],
      },
    ]);
    const result = await sg.run(ORIGINALS);
    expect(result.errors).toBeUndefined();
    expect((result.data?.["invoicesByPurchaseOrder"] as { invoices: unknown[] }).invoices).toEqual([
      { number: "CM-1", originalDocumentNumber: "INV-1", originalInvoice: { number: "INV-1", purchaseOrderNumber: "PO-OLD" } },
      { number: "CM-2", originalDocumentNumber: "INV-2", originalInvoice: { number: "INV-2", purchaseOrderNumber: "PO-OLD" } },
      { number: "CM-3", originalDocumentNumber: "INV-1", originalInvoice: { number: "INV-1", purchaseOrderNumber: "PO-OLD" } },
      { number: "CM-4", originalDocumentNumber: "INV-GONE", originalInvoice: null },
      { number: "CM-5", originalDocumentNumber: null, originalInvoice: null },
    ]);
    expect(sg.provider("INGRAM_MICRO").callsOf("findByNumbers")).toEqual([["INV-1", "INV-2", "INV-GONE"]]);
  });

  it("gives a typed PROVIDER_ error on originalInvoice alone when the lookup of the original fails", async () => {
    const sg = await createTestSubgraph([{ id: "INGRAM_MICRO", invoices: [creditMemo("CM-1", "INV-1")] }]);
    sg.provider("INGRAM_MICRO").failKey("INV-1", new ProviderError("INGRAM_MICRO", "UNAVAILABLE", "Ingram Micro is unavailable"));
    const result = await sg.run(ORIGINALS);
    expect((result.data?.["invoicesByPurchaseOrder"] as { invoices: unknown[] }).invoices).toEqual([{ number: "CM-1", originalDocumentNumber: "INV-1", originalInvoice: null }]);
    expect(result.errors?.map((e) => [e.path, e.extensions?.["code"]])).toEqual([[["invoicesByPurchaseOrder", "invoices", 0, "originalInvoice"], "PROVIDER_UNAVAILABLE"]]);
  });
});

describe("reasonCodes kinds", () => {
  it("says which table each code is from, so the codes both tables use (BO, IN, RP, SB, WT) stay apart", async () => {
    const sg = await createTestSubgraph([]);
    const result = await sg.run(`{ reasonCodes { kind code description } }`);
    const codes = result.data?.["reasonCodes"] as Array<{ kind: string; code: string; description: string }>;
    const shared = codes.filter((c) => ["BO", "IN", "RP", "SB", "WT"].includes(c.code));
    expect(shared.map((c) => `${c.kind} ${c.code}: ${c.description}`)).toEqual([
      "HOLD BO: Bill only hold",
      "HOLD IN: Fulfilment (dropship) value hold",
      "HOLD RP: Export hold",
      "HOLD SB: Special bid hold",
      "HOLD WT: Weight hold",
      "CREDIT_MEMO BO: Box open (selected customers)",
      "CREDIT_MEMO IN: Incomplete product",
      "CREDIT_MEMO RP: Repair",
      "CREDIT_MEMO SB: Stock balance (no restocking fee)",
      "CREDIT_MEMO WT: Wrong technical (website spec error)",
    ]);
    expect(new Set(codes.map((c) => `${c.kind} ${c.code}`)).size).toBe(codes.length);
  });
});
