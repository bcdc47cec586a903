import { describe, expect, it } from "vitest";
import { ProviderError } from "../../src/domain/errors.js";
import { sampleInvoice } from "../helpers/invoices.js";
import { createTestSubgraph } from "../helpers/subgraph.js";

const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on PurchaseOrder { number invoices { provider number purchaseOrder { number } } }
    }
  }
`;

const reps = (...numbers: string[]) => numbers.map((number) => ({ __typename: "PurchaseOrder", number }));

async function subgraph() {
  return createTestSubgraph([
    { id: "INGRAM_MICRO", invoices: [sampleInvoice("INGRAM_MICRO", "IM-1", "PO-1"), sampleInvoice("INGRAM_MICRO", "IM-2", "PO-2")] },
    { id: "STULLER", invoices: [sampleInvoice("STULLER", "ST-1", "PO-2")], maxBatchSize: 2 },
  ]);
}

describe("PurchaseOrder entity", () => {
  it("resolves the invoices of several purchase orders with one batch per provider", async () => {
    const sg = await subgraph();
    const result = await sg.run(ENTITIES, { representations: reps("PO-1", "PO-2") });
    expect(result.errors).toBeUndefined();
    expect(result.data?.["_entities"]).toEqual([
      { number: "PO-1", invoices: [{ provider: "INGRAM_MICRO", number: "IM-1", purchaseOrder: { number: "PO-1" } }] },
      {
        number: "PO-2",
        invoices: [
          { provider: "INGRAM_MICRO", number: "IM-2", purchaseOrder: { number: "PO-2" } },
          { provider: "STULLER", number: "ST-1", purchaseOrder: { number: "PO-2" } },
        ],
      },
    ]);
    expect(sg.provider("INGRAM_MICRO").callsOf("findByPurchaseOrders")).toEqual([["PO-1", "PO-2"]]);
  });

  it("splits a batch at the provider's maxBatchSize", async () => {
    const sg = await subgraph();
    await sg.run(ENTITIES, { representations: reps("PO-1", "PO-2", "PO-3", "PO-4", "PO-5") });
    expect(sg.provider("STULLER").callsOf("findByPurchaseOrders")).toEqual([["PO-1", "PO-2"], ["PO-3", "PO-4"], ["PO-5"]]);
  });

  it("returns the healthy providers' invoices and adds one PROVIDER_ error per failed provider at the field's path", async () => {
    const sg = await subgraph();
    sg.provider("STULLER").failWith(new ProviderError("STULLER", "RATE_LIMITED", "Stuller rate limit reached", { retryAfterSeconds: 30 }));
    const result = await sg.run(ENTITIES, { representations: reps("PO-2") });
    expect(result.data?.["_entities"]).toEqual([{ number: "PO-2", invoices: [{ provider: "INGRAM_MICRO", number: "IM-2", purchaseOrder: { number: "PO-2" } }] }]);
    expect(result.errors).toEqual([
      {
        message: "Stuller rate limit reached",
        path: ["_entities", 0, "invoices"],
        extensions: { code: "PROVIDER_RATE_LIMITED", provider: "STULLER", retryAfterSeconds: 30 },
      },
    ]);
  });

  it("calls a failed provider once per request even when several fields need it", async () => {
    const sg = await subgraph();
    sg.provider("STULLER").failWith(new ProviderError("STULLER", "UNAVAILABLE", "Stuller answered HTTP 503 three times"));
    const result = await sg.run(/* GraphQL */ `
      query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on PurchaseOrder { invoices { number } invoiceLookup { failures { provider code } } }
        }
      }`, { representations: reps("PO-2") });
    expect(sg.provider("STULLER").callsOf("findByPurchaseOrders")).toEqual([["PO-2"]]);
    expect(result.data?.["_entities"]).toEqual([{ invoices: [{ number: "IM-2" }], invoiceLookup: { failures: [{ provider: "STULLER", code: "UNAVAILABLE" }] } }]);
    expect(result.errors?.map((e) => e.extensions?.["code"])).toEqual(["PROVIDER_UNAVAILABLE"]);
  });
});
