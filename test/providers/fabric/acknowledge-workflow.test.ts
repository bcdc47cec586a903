// The acknowledge workflow through GraphQL, with the real fabric client against the
// simulator (reliability-notes G1–G6, A14).
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { encodeInvoiceId } from "../../../src/domain/ids.js";
import { pastUndiciTimeout, settle, until, useFakeClock, useRealClock } from "../../helpers/fake-clock.js";
import { acknowledge, duplicates, page, pollRun, queryLedger, startHarness, type Harness } from "./harness.js";

const bulkNumbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `FDB-${String(from + i).padStart(6, "0")}`);
const idOf = (ref: number) => encodeInvoiceId("FABRIC", String(ref));

let h: Harness | undefined;
afterEach(async () => {
  useRealClock();
  await h?.close();
  h = undefined;
});
afterAll(() => {
  // G1: across every query of this file, not one acknowledge PUT.
  expect(queryLedger.queries).toBeGreaterThan(10);
  expect(queryLedger.putsDuringQueries).toBe(0);
});

describe("polling unacknowledged fabric invoices and acknowledging each page", () => {
  it.each(["id", "-id"] as const)(
    "delivers all 250 invoices exactly once, skipping none, when fabric lists by %s",
    async (ordering) => {
      h = await startHarness({ simulator: { sample: false, unacknowledged: 250, ordering } });
      const delivered = await pollRun(h, 100);
      expect(delivered).toHaveLength(250);
      expect(duplicates(delivered)).toEqual([]);
      expect(new Set(delivered)).toEqual(new Set(bulkNumbers(1, 250)));
      expect(h.sim.control.unacknowledged()).toEqual([]);
      // Oldest first: delivery order is id order.
      expect(delivered).toEqual(bulkNumbers(1, 250));
    },
  );

  it("stays exact when fabric caps the page size below the one asked for", async () => {
    h = await startHarness({ simulator: { sample: false, unacknowledged: 250, maxLimit: 25 } });
    const delivered = await pollRun(h, 100);
    expect(delivered).toEqual(bulkNumbers(1, 250));
    // 10 + 6 + 2 pages of 25 for 250, 150 and 50 unacknowledged.
    expect(h.count("list")).toBe(18);
  });

  it.each(["id", "-id"] as const)(
    "delivers every invoice once within two runs when more are unacknowledged than one read covers (fabric order %s)",
    async (ordering) => {
      h = await startHarness({ simulator: { sample: false, unacknowledged: 50, ordering }, provider: { pageSize: 10, maxPages: 3 } });
      const first = await pollRun(h, 10);
      const second = await pollRun(h, 10);
      expect(duplicates([...first, ...second])).toEqual([]);
      expect(new Set([...first, ...second])).toEqual(new Set(bulkNumbers(1, 50)));
      // Listed oldest first, the 30-invoice window always holds the next ones: one run suffices.
      if (ordering === "id") expect(second).toEqual([]);
    },
  );

  it("picks up 20 invoices arriving mid-run within two runs, delivering none twice", async () => {
    h = await startHarness({ simulator: { sample: false, unacknowledged: 250 } });
    const sim = h.sim;
    // Ten arrive after the first page, ten after the last one (too late for this run).
    const first = await pollRun(h, 100, (pageNo) => {
      if (pageNo === 1) sim.control.addInvoices(10);
      if (pageNo === 3) sim.control.addInvoices(10);
    });
    const second = await pollRun(h, 100);
    const all = [...first, ...second];
    expect(all).toHaveLength(270);
    expect(duplicates(all)).toEqual([]);
    expect(new Set(all)).toEqual(new Set(bulkNumbers(1, 270)));
    expect(sim.control.unacknowledged()).toEqual([]);
  });

  it("hands back fetched invoices on the next poll when the client crashed before acknowledging", async () => {
    h = await startHarness({ simulator: { sample: false, unacknowledged: 30 } });
    const fetched = await page(h, 10, null);
    // The client "crashes" here: nothing is acknowledged.
    const again = await page(h, 10, null);
    expect(again.edges.map((e) => e.node.number)).toEqual(fetched.edges.map((e) => e.node.number));
    expect(again.edges.every((e) => e.node.acknowledgedAt === null)).toBe(true);
    // A crash after acknowledging page 1 and fetching page 2 re-delivers page 2 first.
    await acknowledge(h, again.edges.map((e) => e.node.id));
    const second = await page(h, 10, again.pageInfo.endCursor);
    const restart = await page(h, 10, null);
    expect(restart.edges.map((e) => e.node.number)).toEqual(second.edges.map((e) => e.node.number));
    expect(h.count("acknowledge")).toBe(10);
  });

  it("does not skip invoices when another client acknowledges while a page is being read", async () => {
    h = await startHarness({ simulator: { sample: false, unacknowledged: 250 }, provider: { pageSize: 100 } });
    const sim = h.sim;
    // Right after fabric answered list page 1, invoices 1–100 are acknowledged elsewhere:
    // a naive walk would now read 201–250 as "page 2" and never see 101–200.
    sim.control.afterNextList(() => sim.control.acknowledge(Array.from({ length: 100 }, (_, i) => i + 1)));
    const current = await page(h, 100, null);
    expect(current.edges.map((e) => e.node.number)).toEqual(bulkNumbers(101, 200));
    expect(current.pageInfo.hasNextPage).toBe(true);
  });

  it("costs ⌈unacknowledged / page size⌉ list calls per page and one PUT per invoice", async () => {
    h = await startHarness({ simulator: { sample: false, unacknowledged: 250 } });
    await pollRun(h, 100);
    // 250, 150 and 50 unacknowledged when pages 1, 2 and 3 are read.
    expect(h.count("list")).toBe(3 + 2 + 1);
    expect(h.count("acknowledge")).toBe(250);
    expect(h.count("token")).toBe(1);
  });
});

describe("acknowledgeInvoices against fabric", () => {
  it("reports 7 successes and 3 failures when fabric fails 3 of 10, and the 3 stay unacknowledged", async () => {
    h = await startHarness({ simulator: { sample: false, unacknowledged: 10 } });
    h.sim.control.failAcknowledge([3, 6, 9]);
    const results = await acknowledge(h, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(idOf));
    expect(results.filter((r) => r.acknowledged)).toHaveLength(7);
    expect(results.filter((r) => !r.acknowledged).map((r) => r.id)).toEqual([3, 6, 9].map(idOf));
    expect(results.find((r) => r.id === idOf(3))?.error).toBe("fabric answered HTTP 503 three times; acknowledging again is safe");
    expect(h.sim.control.unacknowledged()).toEqual([3, 6, 9]);
    const next = await page(h, 50, null);
    expect(next.edges.map((e) => e.node.number)).toEqual(["FDB-000003", "FDB-000006", "FDB-000009"]);
    // 7 PUTs that worked, 3 × 3 attempts for the failing ones (the transport retries PUT on 5xx).
    expect(h.count("acknowledge")).toBe(7 + 9);
  });

  it("ends acknowledged, reported once, when fabric applied the acknowledgement but its answer was lost and the client retries", async () => {
    // On a fake clock, installed before the client exists: the lost answer's headers timeout
    // passes when the test moves the clock, once fabric has the PUT.
    useFakeClock();
    h = await startHarness({ simulator: { sample: false, unacknowledged: 3 }, provider: { transport: { headersTimeoutMs: 500 } } });
    const harness = h;
    harness.sim.control.loseAcknowledgeResponses(1, "stall");
    const pending = acknowledge(harness, [idOf(2)]);
    await until(() => harness.count("acknowledge") === 1, "the acknowledge PUT at fabric");
    vi.advanceTimersByTime(pastUndiciTimeout(500));
    const firstTry = await settle(pending, "the acknowledgement to fail");
    expect(firstTry).toEqual([{ id: idOf(2), acknowledged: false, error: "fabric did not send response headers in time; acknowledging again is safe" }]);
    expect(h.sim.control.acknowledged()).toEqual([2]);
    const acknowledgedAt = h.sim.control.invoice(2)?.acknowledged_at;
    const retry = await acknowledge(h, [idOf(2)]);
    expect(retry).toEqual([{ id: idOf(2), acknowledged: true, error: null }]);
    expect(h.count("acknowledge")).toBe(2);
    expect(h.sim.control.acknowledged()).toEqual([2]);
    expect(h.sim.control.invoice(2)?.acknowledged_at).toBe(acknowledgedAt);
    // Delivered to nobody again: the next poll no longer lists it.
    expect((await page(h, 10, null)).edges.map((e) => e.node.number)).toEqual(["FDB-000001", "FDB-000003"]);
  });

  it("succeeds in one call with two PUTs when the connection resets after fabric applied the acknowledgement", async () => {
    h = await startHarness({ simulator: { sample: false, unacknowledged: 3 } });
    h.sim.control.loseAcknowledgeResponses(1, "reset");
    expect(await acknowledge(h, [idOf(1)])).toEqual([{ id: idOf(1), acknowledged: true, error: null }]);
    expect(h.count("acknowledge")).toBe(2);
    expect(h.sim.control.acknowledged()).toEqual([1]);
  });

  it.each([200, 409, 400] as const)("treats an already acknowledged invoice as success when fabric answers a repeat with %i", async (status) => {
    h = await startHarness({ simulator: { sample: false, unacknowledged: 2 } });
    h.sim.control.alreadyAcknowledgedStatus(status);
    expect((await acknowledge(h, [idOf(1)]))[0]?.acknowledged).toBe(true);
    expect(await acknowledge(h, [idOf(1), idOf(2)])).toEqual([
      { id: idOf(1), acknowledged: true, error: null },
      { id: idOf(2), acknowledged: true, error: null },
    ]);
  });

  it("gives a per-id error for an invoice fabric does not know, and acknowledges the rest", async () => {
    h = await startHarness({ simulator: { sample: false, unacknowledged: 2 } });
    expect(await acknowledge(h, [idOf(1), idOf(999), encodeInvoiceId("FABRIC", "abc")])).toEqual([
      { id: idOf(1), acknowledged: true, error: null },
      { id: idOf(999), acknowledged: false, error: "fabric has no invoice 999 for this retailer" },
      { id: encodeInvoiceId("FABRIC", "abc"), acknowledged: false, error: "not a fabric invoice id" },
    ]);
  });

  it("sends each acknowledgement as a PUT with an empty JSON body to the invoice's acknowledge path", async () => {
    h = await startHarness({ simulator: { sample: false, unacknowledged: 1 } });
    await acknowledge(h, [idOf(1)]);
    const put = h.sim.requests.find((r) => r.route === "acknowledge");
    expect(put).toMatchObject({ method: "PUT", path: "/v1/retailers/1234/invoices/1/acknowledge/", body: "{}" });
  });
});
