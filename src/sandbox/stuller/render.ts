// Stuller's two response formats, written the way ASP.NET Web API writes them: JSON with
// decimals as bare number literals, and DataContract XML (help page sample) with a null as
// `i:nil="true"`. Content negotiation follows Accept; JSON is the default, as it is the
// first formatter ASP.NET registers.
import { stringify } from "lossless-json";
import { DETAIL_FIELDS, INVOICE_FIELDS, wireText, type WireInvoice, type WireScalar } from "./wire.js";

export const DATACONTRACT_NAMESPACE = "http://schemas.datacontract.org/2004/07/Stuller.Web.API.v2.Models";
const XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance";

export function renderJson(invoices: readonly WireInvoice[]): string {
  return stringify({ Invoices: invoices }) ?? '{"Invoices":[]}';
}

/** The XML sample puts InvoiceNumber before OrderNumber; the rest keeps the JSON order. */
const XML_INVOICE_FIELDS = ["InvoiceNumber", ...INVOICE_FIELDS.filter((name) => name !== "InvoiceNumber")] as const;

export function renderXml(invoices: readonly WireInvoice[]): string {
  const out: string[] = [`<InvoiceResponse xmlns:i="${XSI_NAMESPACE}" xmlns="${DATACONTRACT_NAMESPACE}">`, "<Invoices>"];
  for (const invoice of invoices) {
    out.push("<Invoice>");
    for (const name of XML_INVOICE_FIELDS) out.push(element(name, invoice[name]));
    out.push("<InvoiceDetails>");
    for (const detail of invoice.InvoiceDetails) {
      out.push("<InvoiceDetail>", ...DETAIL_FIELDS.map((name) => element(name, detail[name])), "</InvoiceDetail>");
    }
    out.push("</InvoiceDetails>", "</Invoice>");
  }
  out.push("</Invoices>", "</InvoiceResponse>");
  return out.join("");
}

function element(name: string, value: WireScalar): string {
  const text = wireText(value);
  return text === null ? `<${name} i:nil="true"/>` : `<${name}>${escapeXml(text)}</${name}>`;
}

// Characters XML 1.0 cannot carry at all, even escaped.
const NOT_XML_CHAR = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, "\uFFFD")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

const JSON_TYPES: ReadonlySet<string> = new Set(["application/json", "text/json"]);
const XML_TYPES: ReadonlySet<string> = new Set(["application/xml", "text/xml"]);

/** True when Accept ranks an XML type above every JSON type (q-values honoured; ties → JSON). */
export function prefersXml(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  let json = 0;
  let xml = 0;
  for (const range of accept.split(",")) {
    const [type = "", ...params] = range.split(";").map((part) => part.trim().toLowerCase());
    const q = params.find((param) => param.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (!Number.isFinite(weight)) continue;
    if (JSON_TYPES.has(type)) json = Math.max(json, weight);
    if (XML_TYPES.has(type)) xml = Math.max(xml, weight);
  }
  return xml > json;
}
