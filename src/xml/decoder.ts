// The one hardened XML recipe of the subgraph (reliability-notes §4). In order:
//   1. size cap, before anything looks at the text;
//   2. pre-scan: no DTD features beyond one DOCTYPE with an empty internal subset, no HTML, no non-XML;
//   3. XMLValidator, because the parser alone accepts truncated documents;
//   4. fast-xml-parser with one frozen configuration: every value a string, attributes kept,
//      only the declared list paths as arrays, bounded entity processing, reserved names refused;
//   5. a root element check.
// The result is `unknown` on purpose: callers give it to zod, which alone decides its type.
import { XMLParser, XMLValidator, type X2jOptions } from "fast-xml-parser";
import { XmlDecodeError } from "./errors.js";
import { prescanXml } from "./prescan.js";

/** Attributes appear as `@Name` keys beside the child elements (`{ "@LineNumber": "1", SKU: "…" }`). */
export const XML_ATTRIBUTE_PREFIX = "@";
/** The text of an element that also has attributes (`<Price currency="USD">1.00</Price>`). */
export const XML_TEXT_KEY = "#text";

export interface XmlDecoderOptions {
  /** The root element every accepted document must have, e.g. "SynnexB2B". */
  readonly rootElement: string;
  /**
   * Dotted element paths from the root that are always arrays, even with one element
   * ("SynnexB2B.InvoiceResponse.Invoice"). Nothing else ever becomes an array unless repeated.
   */
  readonly arrayPaths?: readonly string[];
  /** Largest document accepted, in UTF-8 bytes. */
  readonly maxBytes: number;
  /** Deepest element nesting accepted; 100 when absent. */
  readonly maxNestedTags?: number;
  /** Drop namespace prefixes from element and attribute names (`d2p1:Filter` → `Filter`). */
  readonly removeNamespacePrefixes?: boolean;
}

export interface XmlDecoder {
  readonly rootElement: string;
  /** The content of the root element (a string for a text-only root, else an object). Throws XmlDecodeError. */
  decode(text: string): unknown;
}

/** Entity limits (never 0: fast-xml-parser < 5.5.7 read 0 as "no limit", CVE-2026-33349). */
const ENTITY_LIMITS = Object.freeze({
  enabled: true,
  maxEntityCount: 10,
  maxEntitySize: 1024,
  maxExpandedLength: 1_000_000,
});

export function createXmlDecoder(options: XmlDecoderOptions): XmlDecoder {
  const { rootElement, maxBytes } = options;
  if (!/^[A-Za-z_][\w.:-]*$/.test(rootElement)) throw new TypeError("createXmlDecoder: rootElement must be an XML name");
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) throw new TypeError("createXmlDecoder: maxBytes must be a positive integer");
  const arrayPaths: ReadonlySet<string> = new Set(options.arrayPaths ?? []);

  const parserOptions: Readonly<X2jOptions> = Object.freeze({
    // Values stay text: the defaults turn PO "00123" into 123, ZIP "02134" into 2134, "10.10" into 10.1.
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreAttributes: false,
    attributeNamePrefix: XML_ATTRIBUTE_PREFIX,
    textNodeName: XML_TEXT_KEY,
    trimValues: true,
    removeNSPrefix: options.removeNamespacePrefixes ?? false,
    // Only the declared list paths; a single <Item> would otherwise be an object, two an array.
    isArray: (_name: string, jPath: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute && arrayPaths.has(String(jPath)),
    processEntities: ENTITY_LIMITS,
    // Decodes numeric character references (`Caf&#233;` → "Café"), which are left literal
    // otherwise. It also knows HTML's named entities; an undeclared name is not XML, but
    // decoding `&nbsp;` beats failing an invoice, and an unknown name stays literal.
    htmlEntities: true,
    // The XML declaration and processing instructions carry no data.
    ignoreDeclaration: true,
    ignorePiTags: true,
    // Comments are not data; CDATA content is merged into the element's text.
    commentPropName: false,
    cdataPropName: false,
    maxNestedTags: options.maxNestedTags ?? 100,
    strictReservedNames: true,
    // `__proto__`, `constructor` and `prototype` always throw inside the parser; the other
    // Object.prototype names (toString, hasOwnProperty ...) would be renamed silently: refuse them.
    onDangerousProperty: (name: string): string => {
      throw new DangerousNameError(name);
    },
  });
  const parser = new XMLParser(parserOptions);

  function decode(text: string): unknown {
    if (typeof text !== "string") throw new XmlDecodeError("not-xml");
    // UTF-16 units never outnumber UTF-8 bytes, so the cheap check comes first.
    if (text.length > maxBytes || Buffer.byteLength(text, "utf8") > maxBytes) throw new XmlDecodeError("too-large");
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

    const refused = prescanXml(body);
    if (refused !== null) throw new XmlDecodeError(refused);

    const valid = XMLValidator.validate(body);
    if (valid !== true) throw new XmlDecodeError("malformed", { line: valid.err.line, column: valid.err.col });

    let document: unknown;
    try {
      document = parser.parse(body);
    } catch (error) {
      const reserved = error instanceof DangerousNameError || (error instanceof Error && error.message.startsWith("[SECURITY]"));
      throw new XmlDecodeError(reserved ? "dangerous-name" : "parse-failed");
    }

    if (typeof document !== "object" || document === null) throw new XmlDecodeError("unexpected-root");
    const roots = Object.keys(document);
    if (roots.length !== 1 || roots[0] !== rootElement) throw new XmlDecodeError("unexpected-root");
    // A repeated root element (`<R/><R/>`) would have been gathered into an array.
    const content: unknown = (document as Record<string, unknown>)[rootElement];
    if (Array.isArray(content)) throw new XmlDecodeError("unexpected-root");
    return content;
  }

  return Object.freeze({ rootElement, decode });
}

/** Thrown from inside the parser; never leaves this module (it becomes "dangerous-name"). */
class DangerousNameError extends Error {
  constructor(readonly elementName: string) {
    super("reserved element name");
  }
}
