// The simulator's business logic: one SynnexB2B request body → one answer document.
import { z } from "zod";
import { createXmlDecoder } from "../../xml/index.js";
import type { SampleAnswer } from "./sample-us.js";
import { envelopeErrorDocument, invoiceErrorDocument, invoicesDocument, type DocumentOptions } from "./responses.js";
import { NOT_FOUND_REASON } from "./sample-us.js";

export interface SimulatorCredentials {
  readonly userId: string;
  readonly password: string;
  readonly customerNumber: string;
}

const requestDecoder = createXmlDecoder({ rootElement: "SynnexB2B", maxBytes: 64 * 1024 });
const RequestSchema = z.object({
  Credential: z.object({ UserID: z.string(), Password: z.string() }),
  InvoiceRequest: z.object({ CustomerNumber: z.string(), PONumber: z.string().optional(), OrderNumber: z.string().optional() }),
});
export type InvoiceRequestBody = z.infer<typeof RequestSchema>;

/** The request, or null when it is not a SynnexB2B invoice request. */
export function readRequest(body: string): InvoiceRequestBody | null {
  try {
    const parsed = RequestSchema.safeParse(requestDecoder.decode(body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function answerRequest(
  request: InvoiceRequestBody | null,
  credentials: SimulatorCredentials,
  purchaseOrders: ReadonlyMap<string, SampleAnswer>,
  options: DocumentOptions,
): string {
  if (request === null) return envelopeErrorDocument("Request rejected", "Malformed XML request: SynnexB2B/InvoiceRequest expected", options);
  const { Credential: login, InvoiceRequest: query } = request;
  if (login.UserID !== credentials.userId || login.Password !== credentials.password) {
    return envelopeErrorDocument("Login failed", "Invalid user ID or password", options);
  }
  if (query.CustomerNumber !== credentials.customerNumber) {
    return envelopeErrorDocument("Login failed", "Customer number is not associated with this user ID", options);
  }
  const po = blankToNull(query.PONumber);
  const order = blankToNull(query.OrderNumber);
  // "If both are supplied, PONumber will be used."
  if (po !== null) {
    const answer = purchaseOrders.get(po);
    if (answer === undefined) return invoiceErrorDocument(po, "404", NOT_FOUND_REASON, options);
    if ("error" in answer) return invoiceErrorDocument(po, "ERR", answer.error, options);
    return invoicesDocument(po, answer.invoices, options);
  }
  if (order !== null) {
    for (const [purchaseOrder, answer] of purchaseOrders) {
      if (!("invoices" in answer)) continue;
      const invoice = answer.invoices.find((i) => i.number === order);
      if (invoice) return invoicesDocument(purchaseOrder, [invoice], options);
    }
    return invoiceErrorDocument(null, "404", "Order number not found", options);
  }
  return envelopeErrorDocument("Request rejected", "Either PONumber or OrderNumber is required", options);
}

function blankToNull(text: string | undefined): string | null {
  return text === undefined || text.trim() === "" ? null : text.trim();
}
