// A fabric Dropship simulator on 127.0.0.1 (port 0) speaking fabric's wire format: the token
// endpoint, DRF pages ordered by id ascending (or descending, to prove the client does not
// depend on it), filters, one invoice, the idempotent acknowledge PUT, DRF error bodies and
// switchable faults. Quiet: it never writes to the console.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { FabricConfig } from "../../config.js";
import { sampleInvoices } from "./data.js";
import { fabricSearchInvoices } from "./search-invoices.js";
import { FabricFaults, type FabricRoute, type LostResponseMode } from "./faults.js";
import { handle, type FabricSimulatorRequest, type ServerState } from "./server.js";
import { FabricStore, type FabricOrdering } from "./store.js";
import { TokenIssuer } from "./tokens.js";
import type { WireInvoice } from "./wire.js";

export type { FabricSimulatorRequest, FabricRoute, FabricOrdering, LostResponseMode, WireInvoice };
export { bulkInvoice, sampleInvoices, SAMPLE_SPECS } from "./data.js";

export interface FabricSimulatorOptions {
  /** Start with the deterministic sample invoices (ids 1–13); default true. */
  readonly sample?: boolean;
  /** That many unacknowledged bulk invoices after the sample ones. */
  readonly unacknowledged?: number;
  readonly retailerId?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** `expires_in` of issued tokens; default 36000 (fabric's documented value). */
  readonly tokenLifetimeSeconds?: number;
  /** Page size without `limit` (default 25) and the largest `limit` honoured (default 100). */
  readonly defaultLimit?: number;
  readonly maxLimit?: number;
  readonly ordering?: FabricOrdering;
  /** How `purchase_order_number` matches: exactly (default) or, like a looser upstream, by contains. */
  readonly purchaseOrderMatch?: "exact" | "contains";
  readonly now?: () => Date;
  /** Adds the search invoices (search-invoices.ts, ids 101–132) dated back from this day (YYYY-MM-DD). */
  readonly searchInvoicesAsOf?: string;
}

export interface FabricSimulatorControl {
  /** Creates `n` new unacknowledged invoices (fresh, higher ids) and returns them. */
  addInvoices(n: number): WireInvoice[];
  /** Acknowledges as another client would (no request recorded). */
  acknowledge(ids: readonly number[]): void;
  /** Ids acknowledged so far, in the order they were acknowledged (sample ones first). */
  acknowledged(): number[];
  unacknowledged(): number[];
  invoice(id: number): WireInvoice | undefined;
  /** Overwrites fields of a stored invoice, with any JSON (bad data included). */
  updateInvoice(id: number, fields: Readonly<Record<string, unknown>>): void;
  /** Every issued token becomes invalid (401 "Invalid token." until a new one is fetched). */
  revokeTokens(): void;
  /** Every token is refused, new ones too (persistent 401). */
  rejectAllTokens(on?: boolean): void;
  /** The next `count` requests of `route` (default any) answer `status` (default 503) unhandled. */
  failNext(count: number, options?: { status?: number; route?: FabricRoute | "any" }): void;
  /** Acknowledging these ids answers `status` (default 503) without applying it, until heal(). */
  failAcknowledge(ids: readonly number[], status?: number): void;
  /** The next `count` acknowledgements are applied, then their answer stalls or the socket resets. */
  loseAcknowledgeResponses(count: number, mode: LostResponseMode): void;
  /** Every response waits `ms` first. */
  slow(ms: number): void;
  /** The next `count` authorized responses of `route` (default any) are truncated JSON. */
  malformed(count: number, route?: FabricRoute | "any"): void;
  /** Runs `hook` right after the next list page has been answered. */
  afterNextList(hook: () => void): void;
  /** How a PUT on an already acknowledged invoice answers: 200 (default), 409 or 400. */
  alreadyAcknowledgedStatus(status: 200 | 409 | 400): void;
  /** Put this origin into `next`/`previous` links instead of the simulator's own. */
  linkOrigin(origin: string | null): void;
  /** Turns every fault off. */
  heal(): void;
}

export interface FabricSimulator {
  /** "http://127.0.0.1:<port>" */
  readonly url: string;
  /** Configuration pointing the real client at this simulator. */
  readonly credentials: FabricConfig;
  readonly control: FabricSimulatorControl;
  /** Every request received, in order. */
  readonly requests: readonly FabricSimulatorRequest[];
  close(): Promise<void>;
}

export async function startFabricSimulator(options: FabricSimulatorOptions = {}): Promise<FabricSimulator> {
  const now = options.now ?? (() => new Date());
  const retailerId = options.retailerId ?? "1234";
  const clientId = options.clientId ?? "sandbox-fabric-client";
  const clientSecret = options.clientSecret ?? "sandbox-fabric-secret";
  const initial = [...(options.sample === false ? [] : sampleInvoices()), ...(options.searchInvoicesAsOf === undefined ? [] : fabricSearchInvoices(options.searchInvoicesAsOf))];
  const store = new FabricStore(initial, options.ordering ?? "id", options.purchaseOrderMatch ?? "exact", now);
  if (options.unacknowledged) store.addBulk(options.unacknowledged);
  const faults = new FabricFaults();
  const tokens = new TokenIssuer(clientId, clientSecret, options.tokenLifetimeSeconds ?? 36_000, () => now().getTime());
  const timers = new Set<NodeJS.Timeout>();
  const requests: FabricSimulatorRequest[] = [];
  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  const state: ServerState = { store, faults, tokens, retailerId, defaultLimit: options.defaultLimit ?? 25, maxLimit: options.maxLimit ?? 100, requests, delay };

  const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      handle(state, req, res, Buffer.concat(chunks).toString("utf8")).catch(() => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end('{"detail":"A server error occurred."}');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const control: FabricSimulatorControl = {
    addInvoices: (n) => store.addBulk(n),
    acknowledge: (ids) => ids.forEach((id) => store.acknowledge(id)),
    acknowledged: () => store.acknowledgedIds(),
    unacknowledged: () => store.unacknowledgedIds(),
    invoice: (id) => structuredClone(store.get(id)),
    updateInvoice: (id, fields) => {
      const invoice = store.get(id);
      if (!invoice) throw new Error(`the fabric simulator has no invoice ${id}`);
      Object.assign(invoice, structuredClone(fields));
    },
    revokeTokens: () => tokens.revokeAll(),
    rejectAllTokens: (on = true) => void (faults.rejectAllTokens = on),
    failNext: (count, o = {}) => faults.failNext(count, o.status ?? 503, o.route ?? "any"),
    failAcknowledge: (ids, status = 503) => faults.failAcknowledge(ids, status),
    loseAcknowledgeResponses: (count, mode) => faults.loseAcknowledgeResponses(count, mode),
    slow: (ms) => void (faults.slowMs = ms),
    malformed: (count, route = "any") => faults.malformed(count, route),
    afterNextList: (hook) => faults.afterNextList(hook),
    alreadyAcknowledgedStatus: (status) => void (faults.alreadyAcknowledgedStatus = status),
    linkOrigin: (origin) => void (faults.linkOrigin = origin),
    heal: () => faults.heal(),
  };

  return {
    url,
    credentials: { baseUrl: new URL(url), tokenUrl: new URL("/auth/token/", url), clientId, clientSecret, retailerId },
    control,
    requests,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
