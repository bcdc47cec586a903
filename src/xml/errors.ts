// Why a document was refused. The message is one fixed sentence per reason: it never quotes
// the document (a hostile or misrouted body may echo credentials or carry markup meant for
// logs), so an XmlDecodeError can be logged and wrapped as it is.

export type XmlDecodeReason =
  /** Larger than the decoder's byte cap. */
  | "too-large"
  /** Not markup at all: empty, JSON, plain text. */
  | "not-xml"
  /** An HTML page (a proxy's or load balancer's error page), not a service answer. */
  | "html"
  /** A DOCTYPE with anything besides a name, an external id and an empty internal subset. */
  | "doctype-not-allowed"
  /** More than one DOCTYPE (older parsers reset their entity limits on each one). */
  | "multiple-doctypes"
  /** An `<!ENTITY` declaration: the vector of entity expansion and external entities. */
  | "entity-declaration"
  /** A parameter entity (`<!ENTITY % ...>` or `%name;` in a DTD). */
  | "parameter-entity"
  /** `<!ATTLIST`, `<!ELEMENT` or `<!NOTATION`: DTD markup a data document never needs. */
  | "markup-declaration"
  /** Not well-formed: truncated, unclosed or mismatched tags, stray characters. */
  | "malformed"
  /** An element name that could reach Object.prototype (`__proto__`, `constructor`, `toString` ...). */
  | "dangerous-name"
  /** The parser refused it (nesting deeper than allowed, an entity limit). */
  | "parse-failed"
  /** Well-formed, but its root element is not the one expected (or there are several roots). */
  | "unexpected-root";

const MESSAGES: Readonly<Record<XmlDecodeReason, string>> = {
  "too-large": "the document is larger than the size cap",
  "not-xml": "the body is not an XML document",
  html: "the body is an HTML page, not an XML document",
  "doctype-not-allowed": "the document type declaration has content; only an empty internal subset is accepted",
  "multiple-doctypes": "the document has more than one document type declaration",
  "entity-declaration": "the document declares entities",
  "parameter-entity": "the document uses parameter entities",
  "markup-declaration": "the document declares DTD markup (ATTLIST, ELEMENT or NOTATION)",
  malformed: "the document is not well-formed XML (truncated or broken markup)",
  "dangerous-name": "the document uses an element name reserved by JavaScript objects",
  "parse-failed": "the document exceeds the parser's limits",
  "unexpected-root": "the document's root element is not the expected one",
};

export class XmlDecodeError extends Error {
  override readonly name = "XmlDecodeError";
  readonly reason: XmlDecodeReason;
  /** Where the validator stopped, for "malformed" (a position, never content). */
  readonly line: number | null;
  readonly column: number | null;

  constructor(reason: XmlDecodeReason, position: { line?: number; column?: number } = {}) {
    super(`XML rejected: ${MESSAGES[reason]}`);
    this.reason = reason;
    this.line = typeof position.line === "number" ? position.line : null;
    this.column = typeof position.column === "number" ? position.column : null;
  }
}

export function isXmlDecodeError(error: unknown): error is XmlDecodeError {
  return error instanceof XmlDecodeError;
}
