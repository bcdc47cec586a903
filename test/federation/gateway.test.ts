// The federation proof, through both gateways a company may run in front of this subgraph:
// @apollo/gateway and The Guild's Hive Gateway, each a real HTTP server on loopback over a
// supergraph its own vendor's composer built from this subgraph and a small orders subgraph
// that owns PurchaseOrder. Behind them: the real subgraph (startSubgraph, with a router secret)
// and the four real provider clients talking to their simulators. Each gateway is asserted to
// deliver what it delivers; where the two differ (DELIVERS below), the difference is pinned and
// the README's "Routers" table says the same.
import type { IncomingHttpHeaders } from "node:http";
import { parse } from "graphql";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ORDERS_SDL, startOrdersSubgraph, type OrdersSubgraph } from "../helpers/federation.js";
import { GATEWAYS, hiveRuntimeIsTheGatewaysOwn, invoicesTypeDefs, type GatewayKind, type GatewayName, type GatewayResponse, type RunningGateway, type SubgraphDefinition } from "../helpers/gateways.js";
import { startAllProviders, type AllProviders } from "../hardening/all-providers.js";

const ROUTER_SECRET = "router-secret-for-the-federation-suite";
const PURCHASE_ORDERS = ["PO-1001", "PO-1002", "PO-1003"];
/** The sandbox invoices of each purchase order, providers in enum order. */
const INVOICES_OF: Record<string, string[]> = {
  "PO-1001": ["20-12345-11", "20-12345-12", "20-12345-13", "66999999", "67000001", "FD-1001-A", "FD-1001-B", "5123456", "70010012"],
  "PO-1002": ["20-RCW67-11", "67100010", "67100011", "67100012", "RC123456", "FD-1002-A", "70010021", "70010022"],
  "PO-1003": ["20-CM772-11", "20-CM881-11", "67200020", "FD-1003-A", "FD-1003-B", "70010031"],
};
const NOT_STULLER_PO_1001 = INVOICES_OF["PO-1001"]?.filter((n) => n !== "5123456" && n !== "70010012");

/** Where the subgraph could report a provider failure of `PurchaseOrder.invoices`. */
type ErrorPlacement = "at the invoices list (what it sends)" | "inside the list" | "at the purchase order" | "at _entities" | "with no path";
const ERROR_PLACEMENTS: ReadonlyArray<readonly [ErrorPlacement, ReadonlyArray<string | number> | null]> = [
  ["at the invoices list (what it sends)", ["_entities", 0, "invoices"]],
  ["inside the list", ["_entities", 0, "invoices", 0]],
  ["at the purchase order", ["_entities", 0]],
  ["at _entities", ["_entities"]],
  ["with no path", null],
];

/** What each gateway delivers where the two differ. */
interface Delivers {
  /**
   * Where the client finds the PROVIDER_* error that PurchaseOrder.invoices adds next to its
   * data (the subgraph reports it at `_entities.N.invoices`); null: the error is dropped.
   */
  readonly entityFieldErrorPath: ReadonlyArray<string | number> | null;
  /** For each placement the subgraph could choose: the client's path of the error, "no path", or "dropped". */
  readonly errorPlacedElsewhere: Record<ErrorPlacement, ReadonlyArray<string | number> | "no path" | "dropped">;
  /** The same, when the query also selects a field under the entity that is null. */
  readonly entityFieldErrorPathBesideANull: ReadonlyArray<string | number>;
  /** The client's Cache-Control when the subgraph answered `public, max-age=86400`. */
  readonly cacheControl: string | undefined;
  /** Whether it asks the subgraph for `ftv1` traces when its usage reporting samples a request. */
  readonly asksForFtv1Traces: boolean;
}

const DELIVERS: Record<GatewayName, Delivers> = {
  "@apollo/gateway": {
    entityFieldErrorPath: ["purchaseOrders", 0, "invoices"],
    errorPlacedElsewhere: {
      "at the invoices list (what it sends)": ["purchaseOrders", 0, "invoices"],
      "inside the list": ["purchaseOrders", 0, "invoices", 0],
      "at the purchase order": ["purchaseOrders", 0],
      "at _entities": ["purchaseOrders", "@", "_entities"],
      "with no path": "no path",
    },
    entityFieldErrorPathBesideANull: ["purchaseOrders", 0, "invoices"],
    cacheControl: "max-age=86400, public",
    asksForFtv1Traces: true,
  },
  // @graphql-tools/delegate keeps a subgraph error whose path ends at a non-null value as an
  // "unpathed" error and reports it only through a null it meets while resolving below that
  // object (resolveExternalValue → reportUnpathedErrorsViaNull), with the subgraph's own path.
  "Hive Gateway": {
    entityFieldErrorPath: null,
    errorPlacedElsewhere: {
      "at the invoices list (what it sends)": "dropped",
      "inside the list": "dropped",
      "at the purchase order": "dropped",
      "at _entities": "dropped",
      "with no path": "dropped",
    },
    entityFieldErrorPathBesideANull: ["_entities", 0, "invoices"],
    cacheControl: undefined,
    asksForFtv1Traces: false,
  },
};

let harness: AllProviders;
let orders: OrdersSubgraph;
/** Headers of every request the invoices subgraph received. */
const invoicesRequestHeaders: IncomingHttpHeaders[] = [];
const running = new Map<GatewayName, RunningGateway>();

function subgraphs(): { orders: SubgraphDefinition; invoices: SubgraphDefinition } {
  return {
    orders: { name: "orders", typeDefs: ORDERS_SDL, url: orders.url },
    invoices: { name: "invoices", typeDefs: invoicesTypeDefs(), url: harness.subgraph.url },
  };
}

beforeAll(async () => {
  // One try per upstream call and no breaker: a provider made to fail fails at once, and
  // failing it in one test leaves nothing open for the next.
  harness = await startAllProviders({ routerSecret: ROUTER_SECRET, transport: { retry: { maxAttempts: 1 } } });
  harness.subgraph.http.prependListener("request", (req) => invoicesRequestHeaders.push(req.headers));
  orders = await startOrdersSubgraph();
  for (const kind of GATEWAYS) running.set(kind.name, await kind.start({ ...subgraphs(), routerSecret: ROUTER_SECRET }));
}, 60_000);

afterAll(async () => {
  for (const gateway of running.values()) await gateway.stop();
  await orders?.close();
  await harness?.close();
});

afterEach(() => {
  harness.simulators.stuller.control.failAlways(null);
  for (const gateway of running.values()) gateway.rewriteInvoicesErrors(null);
});

function gatewayOf(kind: GatewayKind): RunningGateway {
  const gateway = running.get(kind.name);
  if (!gateway) throw new Error(`${kind.name} did not start`);
  return gateway;
}

function stullerDown(): void {
  harness.simulators.stuller.control.failAlways({ kind: "status", status: 503 });
}

interface PurchaseOrderData {
  readonly number: string;
  readonly status?: string;
  readonly invoices: ReadonlyArray<{ readonly provider: string; readonly number: string }>;
}

interface PurchaseOrders {
  readonly purchaseOrders: readonly PurchaseOrderData[];
}

interface UnacknowledgedPage {
  readonly unacknowledgedInvoices: { readonly edges: ReadonlyArray<{ readonly node: { readonly id: string; readonly number: string } }> };
}

interface Acknowledged {
  readonly acknowledgeInvoices: ReadonlyArray<{ readonly id: string; readonly acknowledged: boolean; readonly error: string | null }>;
}

function purchaseOrdersOf(response: GatewayResponse<PurchaseOrders>): readonly PurchaseOrderData[] {
  return response.data?.purchaseOrders ?? [];
}

const numbers = (po: PurchaseOrderData | undefined) => po?.invoices.map((i) => i.number);

describe.each(GATEWAYS.map((kind) => ({ kind, name: kind.name, delivers: DELIVERS[kind.name] })))("through $name", ({ kind, delivers }) => {
  it("composes this subgraph with an orders subgraph whose PurchaseOrder.number is String!", () => {
    expect(kind.compose(Object.values(subgraphs())).supergraphSdl).toContain("invoiceLookup");
  });

  it("refuses to compose when the orders subgraph types PurchaseOrder.number as ID! (FIELD_TYPE_MISMATCH)", () => {
    const idKeyed = parse(/* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type PurchaseOrder @key(fields: "number") { number: ID! status: String! }
      type Query { purchaseOrders(numbers: [ID!]!): [PurchaseOrder!]! }
    `);
    const composed = kind.compose([{ ...subgraphs().orders, typeDefs: idKeyed }, subgraphs().invoices]);
    expect(composed.supergraphSdl).toBeUndefined();
    expect(composed.errorCodes).toContain("FIELD_TYPE_MISMATCH");
  });

  it("resolves the invoices of several purchase orders with one _entities request and one lookup per provider and purchase order", async () => {
    const gateway = gatewayOf(kind);
    const fetchesBefore = gateway.fetches.length;
    const { ingram, td, stuller } = harness.simulators;
    const before = { ingram: ingram.requests.length, td: td.requests.length, stuller: stuller.requests.length };

    const response = await gateway.post<PurchaseOrders>(`{ purchaseOrders(numbers: ${JSON.stringify(PURCHASE_ORDERS)}) { number status invoices { provider number } } }`);

    expect(response.errors).toBeUndefined();
    expect(purchaseOrdersOf(response).map((po) => [po.number, po.status, numbers(po)])).toEqual(PURCHASE_ORDERS.map((po) => [po, "OPEN", INVOICES_OF[po]]));
    const toInvoices = gateway.fetches.slice(fetchesBefore).filter((f) => f.subgraph === "invoices");
    expect(toInvoices).toHaveLength(1);
    expect(toInvoices[0]?.query).toContain("_entities");
    // Stuller takes many purchase orders per call: one call for all three. TD SYNNEX and
    // Ingram's search take one purchase order per call: each asked exactly once.
    expect(stuller.requests.slice(before.stuller).map((r) => [...r.purchaseOrderNumbers].sort())).toEqual([PURCHASE_ORDERS]);
    expect(td.requests.slice(before.td).map((r) => r.purchaseOrder).sort()).toEqual(PURCHASE_ORDERS);
    expect(ingram.requests.slice(before.ingram).filter((r) => r.kind === "search")).toHaveLength(PURCHASE_ORDERS.length);
  });

  const errorFate = delivers.entityFieldErrorPath ? "passes the failed provider's PROVIDER_UNAVAILABLE error at the field's path" : "drops the failed provider's PROVIDER_UNAVAILABLE error";
  it(`returns the other providers' invoices of a purchase order and ${errorFate}`, async () => {
    stullerDown();
    const response = await gatewayOf(kind).post<PurchaseOrders>(`{ purchaseOrders(numbers: ["PO-1001"]) { number invoices { provider number } } }`);

    expect(purchaseOrdersOf(response).map(numbers)).toEqual([NOT_STULLER_PO_1001]);
    if (delivers.entityFieldErrorPath === null) expect(response.errors).toBeUndefined();
    else expect(response.errors).toMatchObject([{ path: delivers.entityFieldErrorPath, extensions: { code: "PROVIDER_UNAVAILABLE", provider: "STULLER" } }]);
  });

  // Looking for a shape of the subgraph's answer that both gateways deliver: the same failure,
  // its error placed elsewhere in the answer the gateway reads.
  for (const [placement, path] of ERROR_PLACEMENTS) {
    const expected = delivers.errorPlacedElsewhere[placement];
    const fate = expected === "dropped" ? "drops" : expected === "no path" ? "delivers without a path" : `delivers at ${JSON.stringify(expected)}`;
    it(`${fate} the provider error when the subgraph places it ${placement}`, async () => {
      const gateway = gatewayOf(kind);
      gateway.rewriteInvoicesErrors((errors) => errors.map(({ path: _sent, ...error }) => (path === null ? error : { ...error, path: [...path] })));
      stullerDown();
      const response = await gateway.post<PurchaseOrders>(`{ purchaseOrders(numbers: ["PO-1001"]) { number invoices { provider number } } }`);

      expect(purchaseOrdersOf(response).map(numbers)).toEqual([NOT_STULLER_PO_1001]);
      if (expected === "dropped") expect(response.errors).toBeUndefined();
      else {
        expect(response.errors).toMatchObject([{ extensions: { code: "PROVIDER_UNAVAILABLE", provider: "STULLER" } }]);
        expect(response.errors?.[0]?.path).toEqual(expected === "no path" ? undefined : expected);
      }
    });
  }

  it(`delivers that error at ${JSON.stringify(delivers.entityFieldErrorPathBesideANull)} when the query also selects a field under the purchase order that is null`, async () => {
    stullerDown();
    const response = await gatewayOf(kind).post<PurchaseOrders>(`{ purchaseOrders(numbers: ["PO-1001"]) { number invoices { provider number holdReason { code } } } }`);

    expect(purchaseOrdersOf(response).map(numbers)).toEqual([NOT_STULLER_PO_1001]);
    expect(response.errors).toMatchObject([{ path: delivers.entityFieldErrorPathBesideANull, extensions: { code: "PROVIDER_UNAVAILABLE", provider: "STULLER" } }]);
  });

  it("shows a failed provider as data in PurchaseOrder.invoiceLookup and invoicesByPurchaseOrder, with no GraphQL error", async () => {
    stullerDown();
    const response = await gatewayOf(kind).post(`{
      purchaseOrders(numbers: ["PO-1001"]) { invoiceLookup { invoices { number } failures { provider code purchaseOrderNumbers } } }
      invoicesByPurchaseOrder(purchaseOrderNumbers: ["PO-1001"]) { invoices { number } failures { provider code purchaseOrderNumbers } }
    }`);

    expect(response.errors).toBeUndefined();
    const failed = { invoices: NOT_STULLER_PO_1001?.map((number) => ({ number })), failures: [{ provider: "STULLER", code: "UNAVAILABLE", purchaseOrderNumbers: ["PO-1001"] }] };
    expect(response.data).toEqual({ purchaseOrders: [{ invoiceLookup: failed }], invoicesByPurchaseOrder: failed });
  });

  it("passes a root field's provider error with its null", async () => {
    stullerDown();
    const response = await gatewayOf(kind).post(`{ invoice(provider: STULLER, number: "5123456") { number } }`);

    expect(response.data).toEqual({ invoice: null });
    expect(response.errors).toMatchObject([{ path: ["invoice"], extensions: { code: "PROVIDER_UNAVAILABLE", provider: "STULLER" } }]);
  });

  it("links an invoice back to its purchase order's fields in the orders subgraph", async () => {
    const response = await gatewayOf(kind).post(`{ invoice(provider: FABRIC, number: "FD-1001-A") { number purchaseOrder { number status } } }`);

    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ invoice: { number: "FD-1001-A", purchaseOrder: { number: "PO-1001", status: "OPEN" } } });
  });

  it("runs fabric's acknowledge workflow: read a page, acknowledge it by id, and the page no longer lists those invoices", async () => {
    const gateway = gatewayOf(kind);
    const page = `{ unacknowledgedInvoices(first: 2) { edges { node { id number } } } }`;
    const acknowledge = `mutation ($ids: [ID!]!) { acknowledgeInvoices(ids: $ids) { id acknowledged error } }`;

    const first = await gateway.post<UnacknowledgedPage>(page);
    const ids = (first.data?.unacknowledgedInvoices.edges ?? []).map((e) => e.node.id);
    expect(ids).toHaveLength(2);
    const acknowledged = await gateway.post<Acknowledged>(acknowledge, { ids: [...ids, "bogus"] });
    const again = await gateway.post<Acknowledged>(acknowledge, { ids });
    const next = await gateway.post<UnacknowledgedPage>(page);

    expect(acknowledged.errors).toBeUndefined();
    expect(acknowledged.data?.acknowledgeInvoices).toEqual([
      { id: ids[0], acknowledged: true, error: null },
      { id: ids[1], acknowledged: true, error: null },
      { id: "bogus", acknowledged: false, error: "not an invoice id issued by this subgraph" },
    ]);
    expect(again.data?.acknowledgeInvoices).toEqual(ids.map((id) => ({ id, acknowledged: true, error: null })));
    const nextIds = (next.data?.unacknowledgedInvoices.edges ?? []).map((e) => e.node.id);
    expect(nextIds).toHaveLength(2);
    expect(nextIds.filter((id) => ids.includes(id))).toEqual([]);
  });

  it(`gives the client ${delivers.cacheControl === undefined ? "no Cache-Control" : `Cache-Control "${delivers.cacheControl}"`} when the subgraph answers "public, max-age=86400"`, async () => {
    const direct = await harness.post({ query: `{ reasonCodes(kind: HOLD) { code } }` }, { "router-authorization": ROUTER_SECRET });
    const response = await gatewayOf(kind).post(`{ reasonCodes(kind: HOLD) { code } }`);

    expect(direct.headers["cache-control"]).toBe("public, max-age=86400");
    expect(response.errors).toBeUndefined();
    expect(response.headers["cache-control"]).toBe(delivers.cacheControl);
  });

  it("sends the router secret in Router-Authorization to the invoices subgraph only", async () => {
    const invoicesBefore = invoicesRequestHeaders.length;
    const ordersBefore = orders.requestHeaders.length;
    const response = await gatewayOf(kind).post(`{ purchaseOrders(numbers: ["PO-1003"]) { number invoices { number } } }`);

    expect(response.errors).toBeUndefined();
    const toInvoices = invoicesRequestHeaders.slice(invoicesBefore);
    const toOrders = orders.requestHeaders.slice(ordersBefore);
    expect(toInvoices.length).toBeGreaterThan(0);
    expect(toOrders.length).toBeGreaterThan(0);
    expect(toInvoices.map((h) => h["router-authorization"])).toEqual(toInvoices.map(() => ROUTER_SECRET));
    expect(toOrders.map((h) => h["router-authorization"])).toEqual(toOrders.map(() => undefined));
  });

  it(`${delivers.asksForFtv1Traces ? "asks" : "never asks"} the subgraph for ftv1 traces`, async () => {
    const before = invoicesRequestHeaders.length;
    await gatewayOf(kind).post(`{ invoice(provider: FABRIC, number: "FD-1001-A") { number } }`);

    const asked = invoicesRequestHeaders.slice(before).map((h) => h["apollo-federation-include-trace"]);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked).toEqual(asked.map(() => (delivers.asksForFtv1Traces ? "ftv1" : undefined)));
  });
});

describe("both gateways side by side", () => {
  it("runs Hive Gateway with the runtime the pinned @graphql-hive/gateway ships", () => {
    expect(hiveRuntimeIsTheGatewaysOwn()).toBe(true);
  });

  const READ_OPERATIONS = [
    `{ purchaseOrders(numbers: ["PO-1001", "PO-1002", "PO-1003"]) { number status invoices { id provider number documentType total { amount currency } lines { partNumber serialNumbers { value } } } } }`,
    `{ purchaseOrders(numbers: ["PO-1002"]) { invoiceLookup { invoices { number } failures { provider code } notices { code } } } }`,
    `{ invoice(provider: INGRAM_MICRO, number: "20-RCW67-11") { number orderStatus holdReason { code description reason } purchaseOrder { number status } } }`,
    `{ reasonCodes(kind: CREDIT_MEMO) { code description ... on CreditMemoReasonCode { reason } } }`,
  ];

  it("delivers the same data through both gateways for every read operation, with one provider down too", async () => {
    const apollo = running.get("@apollo/gateway");
    const hive = running.get("Hive Gateway");
    if (!apollo || !hive) throw new Error("both gateways must be running");
    for (const down of [false, true]) {
      if (down) stullerDown();
      for (const query of READ_OPERATIONS) {
        const [viaApollo, viaHive] = [await apollo.post(query), await hive.post(query)];
        expect(viaApollo.data, query).toBeTruthy();
        expect(viaHive.data, query).toEqual(viaApollo.data);
      }
    }
  });

  it("answers a router that asks for an ftv1 trace with one, whichever router it is", async () => {
    const { json } = await harness.post(
      { query: `{ invoice(provider: FABRIC, number: "FD-1001-A") { number } }` },
      { "router-authorization": ROUTER_SECRET, "apollo-federation-include-trace": "ftv1" },
    );
    expect(typeof json.extensions?.["ftv1"]).toBe("string");
  });
});
