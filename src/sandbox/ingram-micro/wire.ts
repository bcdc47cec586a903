// Ingram Micro's response shapes as the simulator sends them: the v5 envelopes (with the
// vendor sample's misspellings where asked), FAILED preambles, the Apigee faults, the v6
// `errors[]` bodies, the 429 body and the X-RateLimit-Reset encodings.
import { LosslessNumber, stringify } from "lossless-json";
import type { SimulatedInvoice } from "./invoices.js";

export interface WireReply {
  readonly status: number;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** JSON as Ingram writes it; a LosslessNumber is written as its exact literal (`243.10`). */
export function jsonReply(status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): WireReply {
  return { status, body: stringify(value) ?? "null", headers: { "content-type": "application/json", ...headers } };
}

/** v5 details: `serviceresponse` normally, the vendor sample's `servicerresponse`/`responsesstatus` when asked. */
export function invoiceFound(invoice: SimulatedInvoice): unknown {
  if (invoice.typoEnvelope === true) {
    const preamble = { responsesstatus: "SUCCESS", statuscode: "200", responsemessage: "Invoice Found" };
    return { servicerresponse: { responsepreamble: preamble, invoicedetailresponse: invoice.detail } };
  }
  const preamble = { responsestatus: "SUCCESS", statuscode: "200", responsemessage: "Invoice Found" };
  return { serviceresponse: { responsepreamble: preamble, invoicedetailresponse: invoice.detail } };
}

export type NotFoundStyle = "EO" | "404-preamble" | "http-404";

/** An unknown invoice: HTTP 200 with a FAILED preamble (documented EO, or the 404 variant), or a real 404. */
export function invoiceNotFound(style: NotFoundStyle): WireReply {
  if (style === "EO") return jsonReply(200, failed("EO", "Invalid Invoice Number"));
  if (style === "404-preamble") return jsonReply(200, failed("404", "Invoice Not Found"));
  return jsonReply(404, { errors: [{ id: "1", type: "/errors/not-found", message: "Invoice Not Found", fields: [] }] });
}

function failed(statuscode: string, responsemessage: string): unknown {
  return { serviceresponse: { responsepreamble: { responsestatus: "FAILED", statuscode, responsemessage } } };
}

/** The documented 429 body (the docs' own sample has a trailing comma; this one is valid JSON). */
export const TOO_MANY_REQUESTS = { errors: [{ field: null, message: "too many requests" }] };

export const INVALID_TOKEN = { fault: { faultstring: "Invalid Access Token", detail: { errorcode: "keymanagement.service.invalid_access_token" } } };
export const EXPIRED_TOKEN = { fault: { faultstring: "Access Token expired", detail: { errorcode: "keymanagement.service.access_token_expired" } } };
export const INVALID_CLIENT = { fault: { faultstring: "Invalid client identifier {0}", detail: { errorcode: "oauth.v2.InvalidClientIdentifier" } } };
export const SERVICE_UNAVAILABLE = { fault: { faultstring: "The Service is temporarily unavailable", detail: { errorcode: "messaging.adaptors.http.flow.ServiceUnavailable" } } };
export const SERVER_ERROR = { errors: [{ id: "1", type: "InternalServerError", message: "Un-handled Exception \n Please contact to administrator." }] };
export const CUSTOMER_MISMATCH = {
  faultcode: "Server",
  faultstring: "Invalid customer number. The customer number provided on the API call does not match the registered customer number.",
};

/** v6 validation failure, in the search endpoint's `traceid` flavour. */
export function badRequest(field: string, message: string): WireReply {
  return jsonReply(400, {
    errors: [{ traceid: "1", type: "errors/bad-request", message: "Input passed is not in right or expected format.", fields: [{ field, message, value: null }] }],
  });
}

export type ResetFormat = "epoch-ms" | "epoch-s" | "delta-s";

/** X-RateLimit-Reset for an instant, rounded up so a client never comes back early. */
export function encodeReset(format: ResetFormat, resetAtMs: number, nowMs: number): string {
  if (format === "epoch-ms") return String(Math.ceil(resetAtMs));
  if (format === "epoch-s") return String(Math.ceil(resetAtMs / 1000));
  return String(Math.max(0, Math.ceil((resetAtMs - nowMs) / 1000)));
}

/**
 * The v6 search row of an invoice: `invoiceNumber` without hyphens, `erpOrderNumber` with
 * them, money as JSON numbers with the detail's digits; a paid order (P) is PAID with nothing
 * due, any other OPEN and due 30 days after its invoice date. `searchRow` overrides win.
 */
export function searchRow(invoice: SimulatedInvoice): Record<string, unknown> {
  const detail = invoice.detail;
  const text = (key: string): string | null => (typeof detail[key] === "string" ? (detail[key] as string) : null);
  const invoiceDate = text("invoicedate");
  const dueDate = invoiceDate === null ? null : addDays(invoiceDate, 30);
  const total = new LosslessNumber(text("totalamount") ?? "0");
  const zero = new LosslessNumber(total.value.includes(".") ? `0.${"0".repeat(total.value.length - total.value.indexOf(".") - 1)}` : "0");
  return {
    paymentTermsDueDate: dueDate,
    erpOrderNumber: invoice.number,
    invoiceNumber: invoice.number.replaceAll("-", ""),
    invoiceStatus: text("orderstatus") === "P" ? "PAID" : "OPEN",
    invoiceDate,
    invoiceDueDate: dueDate,
    invoicedAmountDue: text("orderstatus") === "P" ? zero : total,
    invoiceAmountInclTax: total,
    customerOrderNumber: invoice.purchaseOrder,
    endCustomerOrderNumber: text("enduserponumber"),
    orderCreateDate: text("orderdate"),
    ...invoice.searchRow,
  };
}

function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
