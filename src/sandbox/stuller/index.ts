// The Stuller simulator: Stuller's real wire format on 127.0.0.1 (port 0), for the sandbox
// and the tests. Serves `/v2/invoice` and `/api/v2/invoice`, GET with repeated parameters
// and POST with an `InvoiceRequest` body, JSON or DataContract XML by Accept, checks HTTP
// Basic, filters strictly (or, in lenient mode, not at all), and fails on command. Quiet:
// it writes nothing to the console.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { StullerConfig } from "../../config.js";
import { generatedInvoices, STULLER_SAMPLE_INVOICES } from "./data.js";
import { stullerSearchInvoices } from "./search-invoices.js";
import { handleRequest, type SimulatorState, type StullerFault, type StullerRecordedRequest } from "./server.js";
import type { WireInvoice } from "./wire.js";

export type { StullerFault, StullerRecordedRequest } from "./server.js";
export type { WireInvoice } from "./wire.js";
export { generatedInvoices, generatedPurchaseOrders, STULLER_SAMPLE_INVOICES, STULLER_SAMPLE_PURCHASE_ORDERS, type GeneratedSet } from "./data.js";
export { renderJson, renderXml } from "./render.js";

export interface StullerSimulatorOptions {
  /** Basic credentials the simulator accepts; a random password when absent. */
  readonly username?: string;
  readonly password?: string;
  /** Invoices served; the sample invoices plus `generatedPurchaseOrders` generated ones when absent. */
  readonly invoices?: readonly WireInvoice[];
  /** How many `PO-GEN-nnn` orders to generate next to the samples (default 30). */
  readonly generatedPurchaseOrders?: number;
  /** Start in lenient mode (filters ignored). */
  readonly lenient?: boolean;
  /** Adds the search invoices (search-invoices.ts) dated back from this day (YYYY-MM-DD). */
  readonly searchInvoicesAsOf?: string;
}

export interface StullerSimulatorControl {
  /** Ignore every filter (purchase orders, invoice numbers, dates), as some Stuller hosts do. */
  lenient: boolean;
  /** The next requests meet these faults, one each, in order; then normal answers resume. */
  failNext(...faults: StullerFault[]): void;
  /** Every request meets this fault until it is cleared with null. */
  failAlways(fault: StullerFault | null): void;
  /** Clears faults and recorded requests, and restores the starting filter mode. */
  reset(): void;
}

export interface StullerSimulator {
  /** "http://127.0.0.1:<port>", no trailing slash. */
  readonly url: string;
  /** Credentials pointing at this simulator, ready for createStullerProvider. */
  readonly credentials: StullerConfig;
  readonly control: StullerSimulatorControl;
  /** Every request received, with the purchase orders and invoice numbers it asked for. */
  readonly requests: readonly StullerRecordedRequest[];
  /** The invoices served. */
  readonly invoices: readonly WireInvoice[];
  close(): Promise<void>;
}

export async function startStullerSimulator(options: StullerSimulatorOptions = {}): Promise<StullerSimulator> {
  const username = options.username ?? "sandbox";
  const password = options.password ?? randomBytes(18).toString("base64url");
  const invoices = [
    ...(options.invoices ?? [...STULLER_SAMPLE_INVOICES, ...generatedInvoices(options.generatedPurchaseOrders ?? 30)]),
    ...(options.searchInvoicesAsOf === undefined ? [] : stullerSearchInvoices(options.searchInvoicesAsOf)),
  ];
  const state: SimulatorState = {
    invoices,
    credentials: Buffer.from(`${username}:${password}`, "utf8"),
    lenient: options.lenient ?? false,
    queued: [],
    always: null,
    requests: [],
    sleepers: new Map(),
  };

  const server = createServer((req, res) => {
    handleRequest(state, req, res).catch(() => {
      // A bug in the simulator must not take the test process down; answer like ASP.NET.
      if (!res.headersSent && !res.destroyed) res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
      if (!res.destroyed) res.end(JSON.stringify({ Message: "An error has occurred." }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const control: StullerSimulatorControl = {
    get lenient() {
      return state.lenient;
    },
    set lenient(value: boolean) {
      state.lenient = value;
    },
    failNext: (...faults) => void state.queued.push(...faults),
    failAlways: (fault) => void (state.always = fault),
    reset() {
      state.queued.length = 0;
      state.always = null;
      state.requests.length = 0;
      state.lenient = options.lenient ?? false;
    },
  };

  return {
    url,
    credentials: { baseUrl: new URL(url), username, password },
    control,
    requests: state.requests,
    invoices,
    async close() {
      server.closeAllConnections();
      for (const [timer, wake] of state.sleepers) {
        clearTimeout(timer);
        wake();
      }
      state.sleepers.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
