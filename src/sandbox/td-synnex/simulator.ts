// The TD SYNNEX XML Invoice API on 127.0.0.1 (port 0): the US service under /us/… (and the
// bare path), the Canadian one under /ca/…, one process for both. It checks the request the
// way TD does (POST, XML content type, credentials in the body), answers from the sample
// data, records every request, and serves faults on demand. It never writes to the console.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { TdSynnexConfig } from "../../config.js";
import { answerRequest, readRequest, type SimulatorCredentials } from "./answers.js";
import { createControl, type TdSynnexControl, type TdSynnexFault } from "./control.js";
import { serveFault, wait } from "./serve-fault.js";
import { CA_PURCHASE_ORDERS } from "./sample-ca.js";
import { US_PURCHASE_ORDERS, type SampleAnswer } from "./sample-us.js";

export const TD_SYNNEX_PATH = "/webservice/invoice/query";
const MAX_REQUEST_BYTES = 64 * 1024;
const XML_CONTENT_TYPE = /^\s*(?:application|text)\/xml\s*(?:;.*)?$/i;

export interface TdSynnexSimulatorOptions {
  readonly credentials?: Partial<SimulatorCredentials>;
  /** Answers carry `<!DOCTYPE SynnexB2B SYSTEM "SynnexB2B.dtd" []>`, the one DOCTYPE form allowed. */
  readonly doctype?: boolean;
  readonly usPurchaseOrders?: ReadonlyMap<string, SampleAnswer>;
  readonly caPurchaseOrders?: ReadonlyMap<string, SampleAnswer>;
}

export interface RecordedTdRequest {
  readonly method: string;
  readonly path: string;
  readonly region: "us" | "ca" | null;
  readonly contentType: string | null;
  /** The raw body, credentials included: this is a test double. */
  readonly body: string;
  readonly purchaseOrder: string | null;
  readonly orderNumber: string | null;
}

export interface TdSynnexSimulator {
  /** The US invoice query URL. */
  readonly url: string;
  /** The Canadian invoice query URL. */
  readonly caUrl: string;
  /** Configuration for the real provider, pointing at the US service. */
  readonly credentials: TdSynnexConfig;
  readonly caCredentials: TdSynnexConfig;
  readonly control: TdSynnexControl;
  readonly requests: readonly RecordedTdRequest[];
  /** Requests being answered now, and the most at any one time since the start. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  close(): Promise<void>;
}

export const DEFAULT_SIMULATOR_CREDENTIALS: SimulatorCredentials = {
  userId: "sandbox@example.com",
  password: "sandbox-password",
  customerNumber: "123696",
};

function regionOf(path: string): "us" | "ca" | null {
  if (path === TD_SYNNEX_PATH || path === `/us${TD_SYNNEX_PATH}`) return "us";
  if (path === `/ca${TD_SYNNEX_PATH}`) return "ca";
  return null;
}

export async function startTdSynnexSimulator(options: TdSynnexSimulatorOptions = {}): Promise<TdSynnexSimulator> {
  const credentials: SimulatorCredentials = { ...DEFAULT_SIMULATOR_CREDENTIALS, ...options.credentials };
  const datasets = { us: options.usPurchaseOrders ?? US_PURCHASE_ORDERS, ca: options.caPurchaseOrders ?? CA_PURCHASE_ORDERS };
  const documentOptions = { doctype: options.doctype ?? false };
  const control = createControl();
  const requests: RecordedTdRequest[] = [];
  const sockets = new Set<Socket>();
  const closing = new AbortController();
  let inFlight = 0;
  let maxInFlight = 0;

  async function handle(raw: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(raw);
    const path = (raw.url ?? "").split("?")[0] ?? "";
    const region = regionOf(path);
    const parsed = body === null ? null : readRequest(body);
    requests.push({
      method: raw.method ?? "",
      path,
      region,
      contentType: raw.headers["content-type"] ?? null,
      body: body ?? "",
      purchaseOrder: parsed?.InvoiceRequest.PONumber ?? null,
      orderNumber: parsed?.InvoiceRequest.OrderNumber ?? null,
    });
    const fault: TdSynnexFault | null = control.next();
    if (control.latencyMs > 0) await wait(control.latencyMs, closing.signal);

    const normal = (): { status: number; text: string } => {
      if (region === null) return { status: 404, text: "Not Found" };
      if (raw.method !== "POST") return { status: 405, text: "Method Not Allowed" };
      if (!XML_CONTENT_TYPE.test(raw.headers["content-type"] ?? "")) return { status: 415, text: "Unsupported Media Type" };
      if (body === null) return { status: 413, text: "Payload Too Large" };
      return { status: 200, text: answerRequest(parsed, credentials, datasets[region], documentOptions) };
    };
    if (fault !== null) return serveFault(fault, raw, res, normal, closing.signal);
    const answer = normal();
    const type = answer.status === 200 ? "application/xml; charset=UTF-8" : "text/plain; charset=utf-8";
    res.writeHead(answer.status, { "content-type": type, "content-length": Buffer.byteLength(answer.text) });
    res.end(answer.text);
  }

  const server = createServer({ keepAliveTimeout: 5_000 }, (raw, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on("close", () => (inFlight -= 1));
    // Quiet by design: a failed answer (client gone, simulator closing) just ends the socket.
    handle(raw, res).catch(() => res.destroy());
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const url = `${origin}/us${TD_SYNNEX_PATH}`;
  const caUrl = `${origin}/ca${TD_SYNNEX_PATH}`;

  return {
    url,
    caUrl,
    credentials: { url: new URL(url), ...credentials },
    caCredentials: { url: new URL(caUrl), ...credentials },
    control,
    requests,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    async close() {
      closing.abort();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The body as text, or null past the request cap. */
async function readBody(raw: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of raw) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_REQUEST_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
