// The real Ingram Micro provider against the simulator over loopback: the requests it sends
// (recorded by the simulator), paging, the once-per-request memo, tokens, and faults.
// The clock is fake (helpers/fake-clock.ts): the simulator's slow answers, undici's headers
// and body timeouts and the request deadlines all wait for the test to move the clock, so
// only the fault under test decides how a call ends.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ProviderError } from "../../../src/domain/errors.js";
import type { InvoiceModel } from "../../../src/domain/models.js";
import type { PurchaseOrderResult } from "../../../src/providers/types.js";
import type { RateLimiter } from "../../../src/http/rate-limiter.js";
import { InProcessRateLimiter } from "../../../src/http/rate-limiter.js";
import { pastUndiciTimeout, settle, until, useFakeClock, useRealClock, watch } from "../../helpers/fake-clock.js";
import { apiCalls, closeIngram, requestContext, startIngram, TEST_TRANSPORT } from "./support.js";

beforeEach(() => useFakeClock());
afterEach(async () => {
  useRealClock();
  await closeIngram();
});

const numbersOf = (result: PurchaseOrderResult | ProviderError | undefined) =>
  result instanceof ProviderError || result === undefined ? result : result.invoices.map((i) => i.number);

describe("looking invoices up by number", () => {
  it("calls v5 with the account's customer number and country, a Bearer token and the IM-* headers", async () => {
    const { sim, provider } = await startIngram();
    const found = await provider.findByNumbers(["20-12345-11"], requestContext());
    expect((found.get("20-12345-11") as InvoiceModel).total).toEqual({ amount: "5400.00", currency: "GBP" });
    const [token, detail] = sim.requests;
    expect(token).toMatchObject({ kind: "token", method: "POST", path: "/oauth/oauth30/token" });
    expect(Object.fromEntries(new URLSearchParams(token?.body))).toEqual({ grant_type: "client_credentials", client_id: "sandbox-client-id", client_secret: "sandbox-client-secret" });
    expect(detail).toMatchObject({ kind: "detail", method: "GET", path: "/sandbox/resellers/v5/invoices/20-12345-11", query: { customerNumber: "20-123456", isoCountryCode: "UK" } });
    expect(detail?.headers).toMatchObject({ accept: "application/json", "im-customernumber": "20-123456", "im-countrycode": "UK", "im-applicationid": "invoices-subgraph" });
    expect(detail?.headers["authorization"]).toMatch(/^Bearer [A-Za-z0-9_-]{28}$/);
    expect(detail?.headers["im-correlationid"]).toMatch(/^[A-Za-z0-9]{1,32}$/);
  });

  it.each(["EO", "404-preamble", "http-404"] as const)("leaves an unknown number out when the simulator answers not-found as %s", async (style) => {
    const { sim, provider } = await startIngram();
    sim.control.notFound = style;
    const found = await provider.findByNumbers(["20-NOPE0-11", "20-RCW67-11"], requestContext());
    expect([...found.keys()]).toEqual(["20-RCW67-11"]);
  });

  it("spends no call on a key that cannot be an Ingram invoice number", async () => {
    const { sim, provider } = await startIngram();
    const found = await provider.findByNumbers(["../../oauth", "20-12345-11-TOO-LONG", ""], requestContext());
    expect(found.size).toBe(0);
    expect(sim.apiRequests()).toHaveLength(0);
  });

  it("fetches each invoice once per request, across loaders and batches, and again for the next request", async () => {
    const { sim, provider } = await startIngram();
    const call = requestContext();
    await provider.findByNumbers(["20-12345-11", "20-12345-11"], call);
    await provider.findByRefs(["20-12345-11"], call);
    const byPo = await provider.findByPurchaseOrders(["PO-1001"], call);
    expect(numbersOf(byPo.get("PO-1001"))).toEqual(["20-12345-11", "20-12345-12", "20-12345-13"]);
    await provider.findByNumbers(["20-12345-11"], requestContext());
    expect(apiCalls(sim)).toEqual(["detail 20-12345-11", "search PO-1001 p1", "detail 20-12345-12", "detail 20-12345-13", "detail 20-12345-11"]);
  });
});

describe("looking invoices up by purchase order", () => {
  it.each([
    ["the provider asks for pages of 2", { maxPageSize: 100 }, { pageSize: 2 }, "2"],
    ["the simulator serves at most 2 whatever is asked", { maxPageSize: 2 }, {}, "100"],
  ])("pages the v6 search by pageNumber until recordsFound is covered when %s", async (_name, simOptions, providerOptions, askedSize) => {
    const { sim, provider } = await startIngram(simOptions, providerOptions);
    const results = await provider.findByPurchaseOrders(["PO-1001"], requestContext());
    expect(numbersOf(results.get("PO-1001"))).toEqual(["20-12345-11", "20-12345-12", "20-12345-13"]);
    const searches = sim.apiRequests().filter((r) => r.kind === "search");
    expect(searches.map((r) => r.query["pageNumber"])).toEqual(["1", "2"]);
    expect(searches[0]?.query).toMatchObject({ customerOrderNumber: "PO-1001", pageSize: askedSize });
    expect(searches[0]?.headers).toMatchObject({ "im-customernumber": "20-123456", "im-countrycode": "UK", "im-applicationid": "invoices-subgraph" });
    expect(searches[0]?.headers["im-correlationid"]).toBeDefined();
  });

  it("fetches the v5 detail of each listed invoice by its hyphenated erpOrderNumber", async () => {
    const { sim, provider } = await startIngram();
    const results = await provider.findByPurchaseOrders(["PO-1003", "PO-1002", "PO-NONE"], requestContext());
    expect(numbersOf(results.get("PO-1003"))).toEqual(["20-CM772-11", "20-CM881-11"]);
    expect(numbersOf(results.get("PO-1002"))).toEqual(["20-RCW67-11"]);
    expect(numbersOf(results.get("PO-NONE"))).toEqual([]);
    expect(apiCalls(sim).filter((c) => c.startsWith("detail")).sort()).toEqual(["detail 20-CM772-11", "detail 20-CM881-11", "detail 20-RCW67-11"]);
  });

  it("fails the purchase order whose invoice cannot be read, and only that one", async () => {
    const { sim, provider } = await startIngram();
    const call = requestContext();
    sim.control.enqueue({ kind: "malformed-json" });
    const direct = await provider.findByNumbers(["20-CM772-11"], call);
    const results = await provider.findByPurchaseOrders(["PO-1003", "PO-1002"], call);
    const error = { code: "BAD_RESPONSE", message: "Ingram Micro sent a response body that is not valid JSON" };
    expect(direct.get("20-CM772-11")).toMatchObject(error);
    expect(results.get("PO-1003")).toMatchObject(error);
    expect(numbersOf(results.get("PO-1002"))).toEqual(["20-RCW67-11"]);
    // The failed detail is not asked again within the same request.
    expect(apiCalls(sim).filter((c) => c === "detail 20-CM772-11")).toHaveLength(1);
  });
});

describe("tokens", () => {
  it("fetches a new token and retries once when the token is revoked mid-flight", async () => {
    const { sim, provider } = await startIngram();
    await provider.findByNumbers(["20-12345-11"], requestContext());
    sim.control.enqueue({ kind: "revoke-token" });
    const found = await provider.findByNumbers(["20-RCW67-11"], requestContext());
    expect(found.get("20-RCW67-11")).toMatchObject({ number: "20-RCW67-11" });
    expect(sim.requests.map((r) => `${r.kind} ${r.status}`)).toEqual(["token 200", "detail 200", "detail 401", "token 200", "detail 200"]);
  });

  it("fails with AUTH_FAILED after a second 401, with two token and two API calls", async () => {
    const { sim, provider } = await startIngram();
    sim.control.always({ kind: "revoke-token" });
    const found = await provider.findByNumbers(["20-12345-11"], requestContext());
    expect(found.get("20-12345-11")).toMatchObject({ code: "AUTH_FAILED", message: "Ingram Micro rejected this subgraph's access token, also after fetching a new one" });
    expect(sim.requests.map((r) => `${r.kind} ${r.status}`)).toEqual(["token 200", "detail 401", "token 200", "detail 401"]);
  });

  it("fails with AUTH_FAILED without an API call when the token endpoint rejects the credentials", async () => {
    const { sim, provider } = await startIngram({}, {}, { clientSecret: "rotated" });
    const found = await provider.findByNumbers(["20-12345-11"], requestContext());
    expect(found.get("20-12345-11")).toMatchObject({ code: "AUTH_FAILED" });
    expect(sim.requests.map((r) => `${r.kind} ${r.status}`)).toEqual(["token 401"]);
  });

  it("fails every key of the request after one rejected token fetch, without asking again", async () => {
    const { sim, provider } = await startIngram({}, { concurrency: 2 }, { clientSecret: "rotated" });
    const numbers = ["20-12345-11", "20-12345-12", "20-12345-13", "20-RCW67-11", "20-CM772-11", "20-CM881-11"];
    const call = requestContext();
    const found = await provider.findByNumbers(numbers, call);
    const byPo = await provider.findByPurchaseOrders(["PO-1001"], call);
    expect(numbers.map((n) => (found.get(n) as ProviderError | undefined)?.code)).toEqual(numbers.map(() => "AUTH_FAILED"));
    expect(byPo.get("PO-1001")).toMatchObject({ code: "AUTH_FAILED" });
    expect(sim.requests.map((r) => `${r.kind} ${r.status}`)).toEqual(["token 401"]);
  });

  it("fails with UNAVAILABLE after three token calls when the token endpoint is down", async () => {
    const { sim, provider } = await startIngram();
    sim.control.tokenEndpointDown = true;
    const found = await provider.findByNumbers(["20-12345-11"], requestContext());
    expect(found.get("20-12345-11")).toMatchObject({ code: "UNAVAILABLE" });
    expect(sim.requests.map((r) => `${r.kind} ${r.status}`)).toEqual(["token 503", "token 503", "token 503"]);
  });

  it("fails with AUTH_FAILED when Ingram says the customer number is not the registered one", async () => {
    const { sim, provider } = await startIngram({}, {}, { customerNumber: "20-999999" });
    const found = await provider.findByNumbers(["20-12345-11"], requestContext());
    expect(found.get("20-12345-11")).toMatchObject({ code: "AUTH_FAILED", message: expect.stringContaining("INGRAM_CUSTOMER_NUMBER") });
    // A new token would not help: one token, one call.
    expect(sim.requests.map((r) => `${r.kind} ${r.status}`)).toEqual(["token 200", "detail 401"]);
  });
});

describe("faults", () => {
  /** The account's real limiter, also telling the test which responses' headers the client has seen. */
  function watchedLimiter(seen: number[]): RateLimiter {
    const inner = new InProcessRateLimiter({ provider: "INGRAM_MICRO" });
    return {
      acquire: (waiter) => inner.acquire(waiter),
      retryAfterSeconds: () => inner.retryAfterSeconds(),
      observe(status, headers) {
        seen.push(status);
        inner.observe(status, headers);
      },
    };
  }

  it.each([
    ["a malformed JSON body", { kind: "malformed-json" } as const, "BAD_RESPONSE", 1],
    // The simulator holds the headers well past the moment the clock is moved to.
    ["headers slower than the headers timeout", { kind: "slow-headers", delayMs: 10_000 } as const, "TIMEOUT", 1],
    ["a body that stalls halfway", { kind: "stalled-body" } as const, "TIMEOUT", 1],
    ["HTTP 500 three times", { kind: "status", status: 500 } as const, "UNAVAILABLE", 3],
  ])("fails only the key answered with %s", async (_name, fault, code, calls) => {
    const seen: number[] = [];
    const { sim, provider } = await startIngram({}, { concurrency: 1, rateLimit: { limiter: watchedLimiter(seen) } });
    await provider.findByNumbers(["20-CM881-11"], requestContext());
    sim.control.enqueue(fault, fault, fault);
    const call = requestContext();
    const pending = provider.findByNumbers(["20-12345-11"], call);
    if (fault.kind === "slow-headers") {
      await until(() => sim.apiRequests().length === 2, "the detail request at the simulator");
      vi.advanceTimersByTime(pastUndiciTimeout(TEST_TRANSPORT.headersTimeoutMs));
    } else if (fault.kind === "stalled-body") {
      // The body timeout starts when the client has the headers.
      await until(() => seen.length === 2, "the stalled response's headers at the client");
      vi.advanceTimersByTime(pastUndiciTimeout(TEST_TRANSPORT.bodyTimeoutMs));
    }
    const found = await settle(pending, "the faulty lookup to end");
    sim.control.reset();
    const healthy = await provider.findByNumbers(["20-RCW67-11"], call);
    expect(found.get("20-12345-11")).toMatchObject({ code });
    expect(healthy.get("20-RCW67-11")).toMatchObject({ number: "20-RCW67-11" });
    expect(apiCalls(sim).filter((c) => c === "detail 20-12345-11")).toHaveLength(calls);
  });

  it("answers normally when the headers are slow but within the timeout", async () => {
    const { sim, provider } = await startIngram();
    sim.control.enqueue({ kind: "slow-headers", delayMs: 200 });
    const pending = watch(provider.findByNumbers(["20-12345-11"], requestContext()));
    await until(() => sim.apiRequests().length === 1, "the detail request at the simulator");
    expect(pending.settled()).toBe(false);
    // The simulator answers 200 ms late, long before the 1 s headers timeout.
    vi.advanceTimersByTime(200);
    const found = await settle(pending.promise, "the slow answer");
    expect(found.get("20-12345-11")).toMatchObject({ number: "20-12345-11" });
  });
});

describe("the v6 search's header fields and archived invoices (issue 14)", () => {
  it("gives purchase-order invoices the search row's status, due date and amount due without an extra call", async () => {
    const { sim, provider } = await startIngram();
    const result = await provider.findByPurchaseOrders(["PO-1001"], requestContext());
    const invoices = (result.get("PO-1001") as PurchaseOrderResult).invoices;
    expect(invoices.map((i) => [i.number, i.status?.value, i.status?.code, i.dueDate, i.amountDue])).toEqual([
      ["20-12345-11", "OPEN", "OPEN", "2021-01-09", { amount: "5400.00", currency: "GBP" }],
      ["20-12345-12", "CLOSED", "PAID", "2021-01-13", { amount: "0.00", currency: "EUR" }],
      ["20-12345-13", "OPEN", "OPEN", null, { amount: "1122.00", currency: "GBP" }],
    ]);
    expect(apiCalls(sim)).toEqual(["search PO-1001 p1", "detail 20-12345-11", "detail 20-12345-12", "detail 20-12345-13"]);
  });

  it("returns an invoice the search lists but v5 no longer details, marked archived, with an ARCHIVED notice naming it", async () => {
    const { provider } = await startIngram();
    const result = (await provider.findByPurchaseOrders(["PO-1004"], requestContext())).get("PO-1004") as PurchaseOrderResult;
    expect(result.invoices.map((i) => [i.number, i.archived, i.status?.value, i.dueDate])).toEqual([
      ["20-CM990-11", false, "OPEN", "2025-12-20"],
      ["20-FRT44-11", false, "OPEN", "2025-12-12"],
      ["20-OLD77-11", true, "CLOSED", "2024-02-04"],
    ]);
    expect(result.notices).toEqual([
      {
        provider: "INGRAM_MICRO",
        purchaseOrderNumber: "PO-1004",
        code: "ARCHIVED",
        invoiceNumber: "20-OLD77-11",
        message: "Ingram Micro lists invoice 20-OLD77-11 but no longer serves its details (kept nine months): only the fields of its invoice search are given",
      },
    ]);
  });

  it("finds an archived invoice by number and by ref with one search by invoice number after the detail's not-found", async () => {
    const { sim, provider } = await startIngram();
    const call = requestContext();
    const byNumber = await provider.findByNumbers(["20-OLD77-11"], call);
    const byRef = await provider.findByRefs(["20-OLD77-11"], call);
    expect(byNumber.get("20-OLD77-11")).toMatchObject({ number: "20-OLD77-11", archived: true, status: { value: "CLOSED" }, purchaseOrderNumber: "PO-1004" });
    expect(byRef.get("20-OLD77-11")).toEqual(byNumber.get("20-OLD77-11"));
    expect(apiCalls(sim)).toEqual(["detail 20-OLD77-11", "search invoice 20OLD7711"]);
  });

  it.each(["201234511", "20-12345-11", " 20-12345-11 "])("finds invoice 20-12345-11 when asked for %j, with the hyphenated detail call", async (asked) => {
    const { sim, provider } = await startIngram();
    const found = await provider.findByNumbers([asked], requestContext());
    expect(found.get(asked)).toMatchObject({ number: "20-12345-11", ref: "20-12345-11" });
    expect(apiCalls(sim)).toEqual(["detail 20-12345-11"]);
  });
});
