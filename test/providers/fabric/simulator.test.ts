// The fabric simulator speaks fabric's wire format (provider-wire-notes §3): checked with
// plain fetch, so the client's own assumptions are not what is being tested.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startFabricSimulator, type FabricSimulator, type FabricSimulatorOptions } from "../../../src/sandbox/fabric/index.js";

let sim: FabricSimulator | undefined;
let token = "";
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(options: FabricSimulatorOptions = {}): Promise<FabricSimulator> {
  sim = await startFabricSimulator(options);
  const body = new URLSearchParams({ grant_type: "client_credentials", client_id: sim.credentials.clientId, client_secret: sim.credentials.clientSecret });
  token = ((await (await fetch(sim.credentials.tokenUrl, { method: "POST", body })).json()) as { access_token: string }).access_token;
  return sim;
}

async function call(path: string, init: RequestInit & { auth?: string | null } = {}): Promise<{ status: number; body: any }> {
  // `any` keeps these wire-level assertions short; the shapes are what the tests check.
  const headers: Record<string, string> = init.auth === null ? {} : { authorization: init.auth ?? `Bearer ${token}` };
  const response = await fetch(`${sim?.url}${path}`, { ...init, headers });
  const text = await response.text();
  return { status: response.status, body: text === "" ? null : (JSON.parse(text) as unknown) };
}

const LIST = "/v1/retailers/1234/invoices/";

describe("the fabric simulator's token endpoint", () => {
  beforeEach(async () => void (await start()));

  it("issues a bearer token for form client credentials, with expires_in as a number and a scope", async () => {
    const body = new URLSearchParams({ grant_type: "client_credentials", client_id: "sandbox-fabric-client", client_secret: "sandbox-fabric-secret" });
    const response = await fetch(`${sim?.url}/auth/token/`, { method: "POST", body });
    expect(await response.json()).toEqual({ access_token: expect.any(String) as unknown, token_type: "Bearer", expires_in: 36000, scope: "read write" });
  });

  it.each([
    [{ grant_type: "client_credentials", client_id: "sandbox-fabric-client", client_secret: "nope" }, 401, { error: "invalid_client" }],
    [{ grant_type: "password", client_id: "sandbox-fabric-client", client_secret: "sandbox-fabric-secret" }, 400, { error: "unsupported_grant_type" }],
  ])("answers %j with %i", async (form, status, body) => {
    const response = await fetch(`${sim?.url}/auth/token/`, { method: "POST", body: new URLSearchParams(form) });
    expect([response.status, await response.json()]).toEqual([status, body]);
  });
});

describe("the fabric simulator's invoice API", () => {
  it.each([
    [null, { detail: "Authentication credentials were not provided." }],
    ["Bearer not-a-token", { detail: "Invalid token." }],
    ["Basic Zm9vOmJhcg==", { detail: "Authentication credentials were not provided." }],
  ])("answers Authorization %j with 401 %j", async (auth, body) => {
    await start();
    expect(await call(LIST, { auth })).toEqual({ status: 401, body });
  });

  it("pages like Django REST Framework: count, absolute next and previous on the same host, 25 by default, at most 100", async () => {
    await start({ sample: false, unacknowledged: 260 });
    const first = await call(LIST);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ count: 260, next: `${sim?.url}${LIST}?page=2`, previous: null });
    expect(first.body.results).toHaveLength(25);
    const second = await call(`${LIST}?is_acknowledged=0&limit=500&page=2`);
    expect(second.body).toMatchObject({ next: `${sim?.url}${LIST}?is_acknowledged=0&limit=500&page=3`, previous: `${sim?.url}${LIST}?is_acknowledged=0&limit=500` });
    expect(second.body.results.map((i: { id: number }) => i.id)).toEqual(Array.from({ length: 100 }, (_, i) => 101 + i));
    expect(await call(`${LIST}?page=4&limit=100`)).toEqual({ status: 404, body: { detail: "Invalid page." } });
    expect((await call(`${LIST}?page=1&search=nothing-matches`)).body).toEqual({ count: 0, next: null, previous: null, results: [] });
  });

  it.each([
    ["1", [1, 3]],
    ["true", [1, 3]],
    ["0", [2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]],
    ["false", [2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]],
  ])("filters is_acknowledged=%s", async (value, ids) => {
    await start();
    expect((await call(`${LIST}?is_acknowledged=${value}`)).body.results.map((i: { id: number }) => i.id)).toEqual(ids);
  });

  it.each([
    ["search=fd-1001", [2, 3, 13]],
    ["search=PO-1003", [5, 6]],
    ["search=po-1001", [2, 3, 13]],
    ["purchase_order_number=PO-1001", [2, 3]],
    ["purchase_order_number=PO-1001&is_acknowledged=0", [2]],
    ["ordering=-id&brand_id=77&search=FD-200", [7, 8, 9, 10, 11, 12]],
  ])("answers %s with invoices %j in id order, ignoring unknown parameters", async (query, ids) => {
    await start();
    expect((await call(`${LIST}?${query}`)).body.results.map((i: { id: number }) => i.id)).toEqual(ids);
  });

  it("lists by id descending when told to, to prove clients do not depend on the order", async () => {
    await start({ ordering: "-id" });
    expect((await call(`${LIST}?search=PO-1003`)).body.results.map((i: { id: number }) => i.id)).toEqual([6, 5]);
  });

  it.each([
    ["GET", "/v1/retailers/1234/invoices", 404, { detail: "Not found." }],
    ["GET", "/v1/retailers/1234/invoices/2", 404, { detail: "Not found." }],
    ["PUT", "/v1/retailers/1234/invoices/2/acknowledge", 404, { detail: "Not found." }],
    ["GET", "/v1/retailers/1234/invoices/999/", 404, { detail: "Not found." }],
    ["GET", "/v1/retailers/1234/invoices/2/acknowledge/", 405, { detail: 'Method "GET" not allowed.' }],
    ["POST", "/v1/retailers/1234/invoices/", 405, { detail: 'Method "POST" not allowed.' }],
    ["GET", "/v1/retailers/5/invoices/", 403, { detail: "You do not have permission to perform this action." }],
    ["GET", "/v1/retailers/1234/invoices/?is_acknowledged=maybe", 400, { is_acknowledged: ["Select a valid choice. maybe is not one of the available choices."] }],
  ])("answers %s %s with %i %j", async (method, path, status, body) => {
    await start();
    expect(await call(path, { method })).toEqual({ status, body });
  });

  it("acknowledges idempotently with PUT, returning the invoice with acknowledged_at set once", async () => {
    await start({ now: () => new Date("2026-05-01T08:00:00.456Z") });
    const path = "/v1/retailers/1234/invoices/2/acknowledge/";
    const first = await call(path, { method: "PUT", body: "{}" });
    expect(first).toMatchObject({ status: 200, body: { id: 2, invoice_number: "FD-1001-A", acknowledged_at: "2026-05-01T08:00:00Z" } });
    expect((await call(path, { method: "PUT" })).body.acknowledged_at).toBe("2026-05-01T08:00:00Z");
    expect(sim?.control.acknowledged()).toEqual([1, 3, 2]);
    expect((await call(`${LIST}?is_acknowledged=0`)).body.results.map((i: { id: number }) => i.id)).not.toContain(2);
  });
});

describe("the fabric simulator's faults", () => {
  it("answers the next N calls with 5xx, sends truncated JSON on request, and applies an acknowledgement whose socket it then resets", async () => {
    await start();
    sim?.control.failNext(2, { status: 503 });
    expect([(await fetch(`${sim?.url}${LIST}`)).status, (await fetch(`${sim?.url}${LIST}`)).status, (await call(LIST)).status]).toEqual([503, 503, 200]);
    sim?.control.malformed(1, "get");
    const text = await (await fetch(`${sim?.url}/v1/retailers/1234/invoices/2/`, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(() => JSON.parse(text)).toThrow();
    sim?.control.loseAcknowledgeResponses(1, "reset");
    await expect(call("/v1/retailers/1234/invoices/4/acknowledge/", { method: "PUT" })).rejects.toThrow();
    expect(sim?.control.acknowledged()).toContain(4);
  });

  it("stays quiet: nothing is written to the console", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((method) => vi.spyOn(console, method));
    await start({ unacknowledged: 5 });
    sim?.control.failNext(1);
    await fetch(`${sim?.url}${LIST}`).then((r) => r.text());
    await call(LIST);
    await call("/nowhere");
    expect(spies.flatMap((spy) => spy.mock.calls)).toEqual([]);
    spies.forEach((spy) => spy.mockRestore());
  });
});
