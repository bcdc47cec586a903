import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ProviderError } from "../../../src/domain/errors.js";
import { currencyForUrl } from "../../../src/providers/td-synnex/index.js";
import type { TdSynnexFault } from "../../../src/sandbox/td-synnex/index.js";
import { settle, until, useFakeClock, useRealClock, watch } from "../../helpers/fake-clock.js";
import { capturingLogger } from "../../http/support.js";
import { FIXTURES } from "./golden-support.js";
import { callContext, expectFailure, expectResult, lookupPo, startTdHarness, type TdHarness } from "./support.js";

let td: TdHarness;
beforeAll(async () => {
  td = await startTdHarness();
});
afterAll(async () => {
  await td.close();
});
beforeEach(() => {
  td.simulator.control.reset();
});

const posts = (): number => td.simulator.requests.length;

describe("TD SYNNEX provider: answers", () => {
  it("POSTs the SynnexB2B document as application/xml to the configured URL", async () => {
    const before = posts();
    expectResult(await lookupPo(td.provider, "PO-1001"));
    const sent = td.simulator.requests.at(-1);
    expect(posts() - before).toBe(1);
    expect(sent).toMatchObject({ method: "POST", path: "/us/webservice/invoice/query", region: "us", purchaseOrder: "PO-1001", orderNumber: null });
    expect(sent?.contentType).toMatch(/^application\/xml/);
    expect(sent?.body).toContain("<UserID>sandbox@example.com</UserID>");
  });

  it.each([
    ["PO-1001", ["66999999", "67000001"]],
    ["PO-1002", ["67100010", "67100011", "67100012"]],
    ["PO-1003", ["67200020"]],
    ["00123", ["00123456"]],
  ])("returns every invoice of %s", async (po, numbers) => {
    const result = expectResult(await lookupPo(td.provider, po));
    expect(result.invoices.map((i) => i.number)).toEqual(numbers);
    expect(result.invoices.every((i) => i.purchaseOrderNumber === po && i.currency === "USD")).toBe(true);
    expect(result.notices).toEqual([]);
  });

  it.each(["PO-NOTFOUND", "PO-NEVER-HEARD-OF"])("answers %s ('POnumber not found') with no invoices, not a failure", async (po) => {
    expect(expectResult(await lookupPo(td.provider, po))).toEqual({ invoices: [], notices: [] });
  });

  it.each([
    ["PO-NOTINVOICED", "NOT_INVOICED_YET", "Order not invoiced yet"],
    ["PO-ARCHIVED", "ARCHIVED", "Invoice has been archived because its older than 540 days."],
  ])("reports %s as a %s notice with TD's own message", async (po, code, message) => {
    const result = expectResult(await lookupPo(td.provider, po));
    expect(result).toEqual({ invoices: [], notices: [{ provider: "TD_SYNNEX", purchaseOrderNumber: po, code, message }] });
  });

  it("finds an invoice by number through OrderNumber, and null for an unknown one", async () => {
    const results = await td.provider.findByNumbers(["00123456", "99999999"], callContext());
    expect((results.get("00123456") as { purchaseOrderNumber: string } | undefined)?.purchaseOrderNumber).toBe("00123");
    expect(results.get("99999999")).toBeNull();
    const byRef = await td.provider.findByRefs(["67100011"], callContext());
    expect((byRef.get("67100011") as { lines: readonly unknown[] } | undefined)?.lines).toHaveLength(4);
    expect(td.simulator.requests.at(-1)).toMatchObject({ orderNumber: "67100011", purchaseOrder: null });
  });

  it("serves the Canadian service in CAD", async () => {
    const ca = td.providerWith({ url: new URL(td.simulator.caUrl) }, { currency: currencyForUrl(new URL("https://ws.ca.tdsynnex.com/webservice/invoice/query")) });
    const result = expectResult(await lookupPo(ca, "PO-CA-2001"));
    expect(result.invoices.map((i) => [i.number, i.total])).toEqual([["68000001", { amount: "2370.74", currency: "CAD" }]]);
    expect(expectResult(await lookupPo(td.provider, "PO-CA-2001")).invoices).toEqual([]);
  });

  it.each([
    ["https://ws.us.tdsynnex.com/webservice/invoice/query", "USD"],
    ["https://testws.us.tdsynnex.com/webservice/invoice/query", "USD"],
    ["https://ws.ca.tdsynnex.com/webservice/invoice/query", "CAD"],
    ["https://testws.ca.tdsynnex.com/webservice/invoice/query", "CAD"],
    ["http://127.0.0.1:4010/ca/webservice/invoice/query", "USD"],
  ])("derives the currency of %s as %s", (url, currency) => {
    expect(currencyForUrl(new URL(url))).toBe(currency);
  });

  it("reads answers that carry the allowed DOCTYPE with an empty internal subset", async () => {
    const withDoctype = await startTdHarness({ simulator: { doctype: true } });
    try {
      expect(expectResult(await lookupPo(withDoctype.provider, "PO-1002")).invoices).toHaveLength(3);
    } finally {
      await withDoctype.close();
    }
  });

  it("answers a PO that no XML document can carry with no invoices, without calling TD", async () => {
    const before = posts();
    expect(expectResult(await lookupPo(td.provider, "PO\u0001"))).toEqual({ invoices: [], notices: [] });
    expect(posts()).toBe(before);
  });
});

describe("TD SYNNEX provider: failures", () => {
  it.each<[string, { userId?: string; password?: string; customerNumber?: string }]>([
    ["a wrong password", { password: "wrong" }],
    ["an unknown user", { userId: "someone@example.com" }],
    ["a customer number not of this user", { customerNumber: "999999" }],
  ])("fails with AUTH_FAILED on %s (TD's ErrorDetail)", async (_name, credentials) => {
    const error = expectFailure(await lookupPo(td.providerWith(credentials), "PO-1001"));
    expect(error.code).toBe("AUTH_FAILED");
    expect(error.message).not.toMatch(/password|wrong|someone/i);
  });

  it.each<[string, TdSynnexFault, string, number]>([
    ["HTTP 503 on every attempt", { kind: "status", status: 503 }, "UNAVAILABLE", 3],
    ["an HTML 502 page from a proxy", { kind: "html", status: 502 }, "UNAVAILABLE", 3],
    ["an HTML page with status 200", { kind: "html", status: 200 }, "BAD_RESPONSE", 1],
    ["a JSON body", { kind: "raw", contentType: "application/json", body: '{"error":"nope"}' }, "BAD_RESPONSE", 1],
    ["a truncated document", { kind: "truncated" }, "BAD_RESPONSE", 1],
    ["HTTP 401", { kind: "status", status: 401 }, "AUTH_FAILED", 1],
    ["HTTP 403 (IP not registered)", { kind: "status", status: 403 }, "AUTH_FAILED", 1],
    ["HTTP 404", { kind: "status", status: 404 }, "BAD_RESPONSE", 1],
    ["HTTP 429", { kind: "status", status: 429, retryAfter: "30" }, "RATE_LIMITED", 1],
    ["a reset connection", { kind: "reset" }, "UNAVAILABLE", 3],
  ])("fails with the right code on %s", async (_name, fault, code, calls) => {
    td.simulator.control.always(fault);
    const before = posts();
    expect(expectFailure(await lookupPo(td.provider, "PO-1001")).code).toBe(code);
    expect(posts() - before).toBe(calls);
  });

  it("retries a 503 and returns the invoices of the second POST", async () => {
    td.simulator.control.queue({ kind: "status", status: 503 });
    const before = posts();
    expect(expectResult(await lookupPo(td.provider, "PO-1001")).invoices).toHaveLength(2);
    expect(posts() - before).toBe(2);
  });

  it("fails with TIMEOUT when TD answers after the request deadline", async () => {
    // On a fake clock, installed before this provider exists: TD's 1 s delay and the 200 ms
    // deadline both wait for the test to move the clock.
    useFakeClock();
    try {
      const provider = td.providerWith({});
      td.simulator.control.always({ kind: "slow", delayMs: 1_000 });
      const before = posts();
      const pending = watch(lookupPo(provider, "PO-1001", callContext(200)));
      await until(() => posts() > before, "the POST at the simulator");
      expect(pending.settled()).toBe(false);
      vi.advanceTimersByTime(200);
      const result = expectFailure(await settle(pending.promise, "the lookup once the deadline passed"));
      expect(result).toMatchObject({ code: "TIMEOUT", message: "TD SYNNEX did not answer before the request deadline" });
    } finally {
      useRealClock();
    }
  });

  it("fails only the PO whose answer holds an unreadable invoice, keeping the other POs", async () => {
    const serial = td.providerWith({}, { concurrency: 1 });
    td.simulator.control.queue({ kind: "raw", body: readFileSync(join(FIXTURES, "bad-invoice-among-good.xml")) });
    const results = await serial.findByPurchaseOrders(["PO-BAD", "PO-1001"], callContext());
    const bad = results.get("PO-BAD");
    expect(bad).toBeInstanceOf(ProviderError);
    expect((bad as ProviderError).code).toBe("BAD_RESPONSE");
    expect((results.get("PO-1001") as { invoices: readonly unknown[] }).invoices).toHaveLength(2);
  });

  it("never puts the password into an error or a log line, even when TD echoes the request", async () => {
    const canary = "CANARY-7f3a9c";
    const harness = await startTdHarness({ simulator: { credentials: { password: canary } } });
    try {
      const { logger, lines } = capturingLogger();
      const call = { ...callContext(), logger };
      const echo = `<SynnexB2B><ErrorDetail><Request><Password>${canary}</Password></Request></ErrorDetail></SynnexB2B>`;
      const serverError = { kind: "raw", status: 500, contentType: "application/xml", body: echo } as const;
      harness.simulator.control.queue({ kind: "raw", body: echo }, serverError, serverError, serverError);
      const outcomes = [await lookupPo(harness.provider, "PO-1001", call), await lookupPo(harness.provider, "PO-1002", call)];
      expect(outcomes.map((o) => expectFailure(o).code)).toEqual(["BAD_RESPONSE", "UNAVAILABLE"]);
      expect(lines.length).toBeGreaterThan(0);
      expect([...lines, ...outcomes.map((o) => JSON.stringify({ ...(o as object), message: (o as Error).message }))].join("\n")).not.toContain(canary);
    } finally {
      await harness.close();
    }
  });

  it("rejects the batch only when every PO failed for the same reason", async () => {
    const locked = td.providerWith({ password: "wrong" });
    await expect(locked.findByPurchaseOrders(["PO-1001", "PO-1002"], callContext())).rejects.toMatchObject({ code: "AUTH_FAILED" });
  });
});

describe("TD SYNNEX provider: batching", () => {
  it("sends one POST per distinct PO and reuses it for the rest of the request", async () => {
    const call = callContext();
    const before = posts();
    await td.provider.findByPurchaseOrders(["PO-1001", "PO-1002", "PO-1003"], call);
    await td.provider.findByPurchaseOrders(["PO-1002", "00123"], call);
    expect(posts() - before).toBe(4);
    await td.provider.findByPurchaseOrders(["PO-1002"], callContext());
    expect(posts() - before).toBe(5);
  });

  it("shares one POST between a number lookup and a ref lookup of the same invoice in one request", async () => {
    const call = callContext();
    const before = posts();
    await Promise.all([td.provider.findByNumbers(["66999999"], call), td.provider.findByRefs(["66999999"], call)]);
    expect(posts() - before).toBe(1);
  });

  it("keeps at most `concurrency` POSTs in flight", async () => {
    // On a fake clock, installed before the client exists: the simulator holds every POST for
    // 40 ms of it, so the test sees each group of POSTs in flight before letting it finish.
    useFakeClock();
    const bounded = await startTdHarness({ concurrency: 4 });
    try {
      bounded.simulator.control.latencyMs = 40;
      const pos = Array.from({ length: 12 }, (_, i) => `PO-BULK-${i}`);
      const pending = watch(bounded.provider.findByPurchaseOrders(pos, callContext()));
      for (let answered = 0; answered < pos.length; answered += 4) {
        await until(() => bounded.simulator.requests.length === answered + 4, `POSTs ${answered + 1} to ${answered + 4} at the simulator`);
        expect(pending.settled()).toBe(false);
        vi.advanceTimersByTime(40);
      }
      await settle(pending.promise, "the lookup of 12 POs");
      expect(bounded.simulator.requests).toHaveLength(12);
      // Four at a time, never more: the concurrency is used, and it is the bound.
      expect(bounded.simulator.maxInFlight).toBe(4);
    } finally {
      useRealClock();
      await bounded.close();
    }
  });

  it("batches at most 25 purchase orders per loader call", () => {
    expect(td.provider.maxBatchSize).toBe(25);
  });
});
