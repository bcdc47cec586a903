import { describe, expect, it } from "vitest";
import { ProviderError } from "../../src/domain/errors.js";
import { encodeInvoiceId } from "../../src/domain/ids.js";
import { sampleInvoice } from "../helpers/invoices.js";
import { createTestSubgraph } from "../helpers/subgraph.js";

const PAGE = /* GraphQL */ `
  query ($first: Int, $after: String) {
    unacknowledgedInvoices(first: $first, after: $after) {
      edges { cursor node { id number } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
const ACK = /* GraphQL */ `mutation ($ids: [ID!]!) { acknowledgeInvoices(ids: $ids) { id acknowledged error } }`;

type Page = { edges: Array<{ cursor: string; node: { id: string; number: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

async function fabricWith(count: number) {
  const invoices = Array.from({ length: count }, (_, i) => sampleInvoice("FABRIC", `F-${String(i + 1).padStart(3, "0")}`, null));
  return createTestSubgraph([{ id: "FABRIC", invoices, acknowledgement: true }, { id: "STULLER", invoices: [sampleInvoice("STULLER", "S-1", null)] }]);
}

describe("the acknowledge workflow", () => {
  it("pages through unacknowledged invoices while the caller acknowledges each page, skipping and repeating none", async () => {
    const sg = await fabricWith(25);
    const processed: string[] = [];
    let after: string | null = null;
    for (let round = 0; round < 10; round++) {
      const result = await sg.run(PAGE, { first: 10, after });
      const page = result.data?.["unacknowledgedInvoices"] as Page;
      processed.push(...page.edges.map((e) => e.node.number));
      const ack = await sg.run(ACK, { ids: page.edges.map((e) => e.node.id) });
      expect((ack.data?.["acknowledgeInvoices"] as Array<{ acknowledged: boolean }>).every((r) => r.acknowledged)).toBe(true);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(processed).toHaveLength(25);
    expect(new Set(processed).size).toBe(25);
    const again = await sg.run(PAGE, { first: 10 });
    expect((again.data?.["unacknowledgedInvoices"] as Page).edges).toEqual([]);
  });

  it("never acknowledges anything by reading", async () => {
    const sg = await fabricWith(3);
    await sg.run(PAGE, { first: 2 });
    await sg.run(PAGE, { first: 2 });
    expect(sg.provider("FABRIC").callsOf("acknowledge")).toEqual([]);
    const page = (await sg.run(PAGE, { first: 5 })).data?.["unacknowledgedInvoices"] as Page;
    expect(page.edges.map((e) => e.node.number)).toEqual(["F-001", "F-002", "F-003"]);
  });

  it("reports one result per id in the order given, acknowledging each distinct invoice once", async () => {
    const sg = await fabricWith(3);
    const a = encodeInvoiceId("FABRIC", "F-001");
    const b = encodeInvoiceId("FABRIC", "F-002");
    const result = await sg.run(ACK, { ids: [b, a, b] });
    expect(result.data?.["acknowledgeInvoices"]).toEqual([
      { id: b, acknowledged: true, error: null },
      { id: a, acknowledged: true, error: null },
      { id: b, acknowledged: true, error: null },
    ]);
    expect(sg.provider("FABRIC").callsOf("acknowledge")).toEqual([["F-002", "F-001"]]);
  });

  it("treats acknowledging an already acknowledged invoice as success", async () => {
    const sg = await fabricWith(1);
    const id = encodeInvoiceId("FABRIC", "F-001");
    await sg.run(ACK, { ids: [id] });
    const again = await sg.run(ACK, { ids: [id] });
    expect(again.data?.["acknowledgeInvoices"]).toEqual([{ id, acknowledged: true, error: null }]);
  });

  it("gives per-id errors for foreign ids, providers without the workflow and upstream failures, and acknowledges the rest", async () => {
    const sg = await fabricWith(3);
    sg.provider("FABRIC").failKey("F-003", new ProviderError("FABRIC", "UNAVAILABLE", "fabric answered HTTP 503 three times"));
    const ok = encodeInvoiceId("FABRIC", "F-001");
    const failing = encodeInvoiceId("FABRIC", "F-003");
    const stuller = encodeInvoiceId("STULLER", "S-1");
    const result = await sg.run(ACK, { ids: [ok, "garbage", stuller, failing] });
    expect(result.data?.["acknowledgeInvoices"]).toEqual([
      { id: ok, acknowledged: true, error: null },
      { id: "garbage", acknowledged: false, error: "not an invoice id issued by this subgraph" },
      { id: stuller, acknowledged: false, error: "Stuller invoices have no acknowledge workflow" },
      { id: failing, acknowledged: false, error: "fabric answered HTTP 503 three times" },
    ]);
    const page = (await sg.run(PAGE, { first: 5 })).data?.["unacknowledgedInvoices"] as Page;
    expect(page.edges.map((e) => e.node.number)).toEqual(["F-002", "F-003"]);
  });

  it.each([
    [{ first: 0 }, "first must be between 1 and 100, got 0"],
    [{ first: 101 }, "first must be between 1 and 100, got 101"],
    [{ first: 5, after: "bogus" }, "after is not a cursor this subgraph issued"],
  ])("rejects %j with BAD_USER_INPUT and no upstream call", async (variables, message) => {
    const sg = await fabricWith(1);
    const result = await sg.run(PAGE, variables);
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: "BAD_USER_INPUT" } });
    expect(sg.provider("FABRIC").calls).toEqual([]);
  });

  it("fails with PROVIDER_NOT_CONFIGURED when no provider has the workflow", async () => {
    const sg = await createTestSubgraph([{ id: "STULLER" }]);
    const result = await sg.run(PAGE, { first: 5 });
    expect(result.errors?.[0]?.extensions).toEqual({ code: "PROVIDER_NOT_CONFIGURED", provider: "FABRIC" });
  });
});
