// Child process: the four provider simulators (real wire formats, loopback), with the bench
// data sets, a latency knob for all four, call counting from their recorded requests, a
// holding proxy in front of Stuller for figure (d), and a fixed-body responder for the
// fetch-versus-undici comparison. Pinned to the load generator's core, not the server's.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startFabricSimulator, type FabricSimulatorRequest } from "../src/sandbox/fabric/index.js";
import { startIngramMicroSimulator, type RecordedIngramRequest } from "../src/sandbox/ingram-micro/index.js";
import { startStullerSimulator, type StullerRecordedRequest } from "../src/sandbox/stuller/index.js";
import { startTdSynnexSimulator, type RecordedTdRequest } from "../src/sandbox/td-synnex/index.js";
import { FABRIC_BULK_INVOICES, ingramInvoices, ingramOptions, stullerInvoices, tdPurchaseOrders } from "./lib/data.js";
import { startHoldProxy } from "./lib/hold-proxy.js";
import { serveCommands } from "./lib/rpc.js";
import type { SimsInfo, UpstreamCounts } from "./lib/types.js";

const ingram = await startIngramMicroSimulator(ingramOptions());
const td = await startTdSynnexSimulator({ usPurchaseOrders: tdPurchaseOrders() });
const fabric = await startFabricSimulator({ unacknowledged: FABRIC_BULK_INVOICES });
const stuller = await startStullerSimulator({ invoices: stullerInvoices() });
const stullerHold = await startHoldProxy(stuller.url);

// A typical upstream answer (an Ingram v5 detail, ~3 KB of JSON) for the HTTP client comparison.
const fixedBody = JSON.stringify({ serviceresponse: { responsepreamble: { responsestatus: "SUCCESS" }, invoicedetailresponse: ingramInvoices()[1]?.detail } });
const responder = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(fixedBody) });
    res.end(fixedBody);
  });
});
await new Promise<void>((resolve) => responder.listen(0, "127.0.0.1", resolve));

function setLatency(ms: number): void {
  ingram.control.always(ms > 0 ? { kind: "slow-headers", delayMs: ms } : null);
  td.control.latencyMs = ms;
  fabric.control.slow(ms);
  stuller.control.failAlways(ms > 0 ? { kind: "slow", delayMs: ms } : null);
}

function resetCounts(): void {
  // The simulators expose their own request logs; emptied in place between measurements.
  (ingram.requests as RecordedIngramRequest[]).length = 0;
  (td.requests as RecordedTdRequest[]).length = 0;
  (fabric.requests as FabricSimulatorRequest[]).length = 0;
  (stuller.requests as StullerRecordedRequest[]).length = 0;
}

function param(query: Readonly<Record<string, string>>, name: string): string {
  const entry = Object.entries(query).find(([key]) => key.toLowerCase() === name.toLowerCase());
  return entry?.[1] ?? "";
}

function counts(): UpstreamCounts {
  const searches = ingram.requests.filter((r) => r.kind === "search");
  const details = ingram.requests.filter((r) => r.kind === "detail");
  const lists = fabric.requests.filter((r) => r.route === "list");
  return {
    ingram: {
      searches: searches.length,
      searchedOrders: searches.map((r) => `${param(r.query, "customerOrderNumber")}#${param(r.query, "pageNumber")}`),
      details: details.length,
      detailNumbers: details.map((r) => decodeURIComponent(r.path.slice(r.path.lastIndexOf("/") + 1))),
      tokens: ingram.requests.filter((r) => r.kind === "token").length,
    },
    td: { calls: td.requests.length, orders: td.requests.map((r) => r.purchaseOrder ?? r.orderNumber ?? "") },
    fabric: {
      lists: lists.length,
      listedOrders: lists.map((r) => `${r.params["purchase_order_number"] ?? r.params["search"] ?? ""}#${r.params["page"] ?? "1"}`),
      other: fabric.requests.filter((r) => r.route !== "list").map((r) => r.route ?? "unknown"),
    },
    stuller: { calls: stuller.requests.length, ordersPerCall: stuller.requests.map((r) => r.purchaseOrderNumbers.length), orders: stuller.requests.flatMap((r) => r.purchaseOrderNumbers) },
  };
}

const info: SimsInfo = {
  ingram: { ...ingram.credentials, baseUrl: ingram.credentials.baseUrl.href, tokenUrl: ingram.credentials.tokenUrl.href },
  td: { ...td.credentials, url: td.credentials.url.href },
  fabric: { ...fabric.credentials, baseUrl: fabric.credentials.baseUrl.href, tokenUrl: fabric.credentials.tokenUrl.href },
  stuller: { ...stuller.credentials, baseUrl: stuller.credentials.baseUrl.href },
  stullerHeldUrl: stullerHold.url,
  responderUrl: `http://127.0.0.1:${(responder.address() as AddressInfo).port}/`,
};

async function stop(): Promise<void> {
  responder.closeAllConnections();
  await Promise.allSettled([ingram.close(), td.close(), fabric.close(), stuller.close(), stullerHold.close(), new Promise<void>((resolve) => responder.close(() => resolve()))]);
}

serveCommands({
  info: () => info,
  latency: (ms) => setLatency(Number(ms)),
  resetCounts: () => resetCounts(),
  counts: () => counts(),
  hold: (on) => stullerHold.hold(on === true),
  held: () => stullerHold.held,
  tdInFlightMax: () => td.maxInFlight,
  stop: async () => {
    await stop();
    setImmediate(() => process.exit(0));
  },
});
