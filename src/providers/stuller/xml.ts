// Stuller's DataContract XML (`InvoiceResponse`, namespace
// http://schemas.datacontract.org/2004/07/Stuller.Web.API.v2.Models, `xmlns:i` for nil),
// read through the shared hardened decoder (src/xml) and reshaped into the tree the JSON
// path produces, so both formats meet the same zod schemas and the same normalizer. The
// client asks for JSON; this is for a host or proxy that answers XML anyway.
//
// The decoder keeps every value as text (decimals keep their digits) and trims it, so a PO
// number with surrounding spaces reads without them in XML. Namespace prefixes are dropped:
// DataContractSerializer may write the model namespace as the default or as a prefix.
import { createXmlDecoder, XML_ATTRIBUTE_PREFIX, XML_TEXT_KEY, type XmlDecoder } from "../../xml/index.js";

export const STULLER_XML_ROOT = "InvoiceResponse";
const ARRAY_PATHS = ["InvoiceResponse.Invoices.Invoice", "InvoiceResponse.Invoices.Invoice.InvoiceDetails.InvoiceDetail"];

export function createStullerXmlDecoder(maxBytes: number): XmlDecoder {
  return createXmlDecoder({ rootElement: STULLER_XML_ROOT, arrayPaths: ARRAY_PATHS, maxBytes, removeNamespacePrefixes: true });
}

type XmlNode = Record<string, unknown>;
const isNode = (value: unknown): value is XmlNode => typeof value === "object" && value !== null && !Array.isArray(value);

/** `{ Invoices: [...] }` like the JSON body. Throws XmlDecodeError; shape problems are left to zod. */
export function readStullerXml(decoder: XmlDecoder, text: string): unknown {
  const root = decoder.decode(text);
  if (!isNode(root) || !("Invoices" in root)) return {};
  const invoices = list(root["Invoices"], "Invoice");
  return { Invoices: Array.isArray(invoices) ? invoices.map(invoice) : invoices };
}

function invoice(node: unknown): unknown {
  if (!isNode(node)) return node;
  const out: XmlNode = {};
  for (const [name, value] of Object.entries(node)) {
    // Attributes (`i:type` and the like) carry no invoice data.
    if (name.startsWith(XML_ATTRIBUTE_PREFIX)) continue;
    if (name === "InvoiceDetails") {
      const details = list(value, "InvoiceDetail");
      out[name] = Array.isArray(details) ? details.map(flat) : details;
    } else out[name] = scalar(value);
  }
  return out;
}

/** An element whose children are all scalars (an InvoiceDetail). */
function flat(node: unknown): unknown {
  if (!isNode(node)) return node;
  const out: XmlNode = {};
  for (const [name, value] of Object.entries(node)) if (!name.startsWith(XML_ATTRIBUTE_PREFIX)) out[name] = scalar(value);
  return out;
}

/**
 * A leaf element: its text; null for `i:nil="true"`; the text of an element that also has
 * attributes. Anything else (child elements where text belongs) is returned as it is, for
 * zod to reject.
 */
function scalar(value: unknown): unknown {
  if (!isNode(value)) return value;
  if (value[`${XML_ATTRIBUTE_PREFIX}nil`] === "true") return null;
  if (typeof value[XML_TEXT_KEY] === "string") return value[XML_TEXT_KEY];
  if (Object.keys(value).every((key) => key.startsWith(XML_ATTRIBUTE_PREFIX))) return "";
  return value;
}

/** A wrapper element's items: `<Invoices><Invoice/>...</Invoices>`; empty → [], nil → null. */
function list(value: unknown, item: string): unknown {
  const content = scalar(value);
  if (content === null) return null;
  if (content === "") return [];
  if (!isNode(content)) return content;
  return content[item] ?? [];
}
