// The pre-scan of the hardened recipe: a linear pass over the raw text, before any parser sees
// it, that refuses every DTD feature a data document does not need. What stays allowed is
// what real services send: no DOCTYPE, or exactly one that names the root and at most an
// external id, with an empty internal subset (`<!DOCTYPE SynnexB2B SYSTEM "x.dtd" []>`).
// External DTDs are never fetched (fast-xml-parser has no resolver), so the id is inert.
import type { XmlDecodeReason } from "./errors.js";

/** Markup declarations; XML keywords are case-sensitive, but a lower-case one is refused too. */
const DECLARATION = /<!(DOCTYPE|ENTITY|ATTLIST|ELEMENT|NOTATION)\b/gi;
const PARAMETER_ENTITY_DECLARATION = /^<!ENTITY\s+%/i;
const PARAMETER_ENTITY_REFERENCE = /%[A-Za-z_:][\w.:-]*;/;

const QUOTED = `(?:"[^"]*"|'[^']*')`;
const NAME = "[A-Za-z_:][\\w.:-]*";
/** The one DOCTYPE form accepted, matched against the declaration's own text only. */
const ALLOWED_DOCTYPE = new RegExp(
  `^<!DOCTYPE\\s+${NAME}(?:\\s+(?:SYSTEM\\s+${QUOTED}|PUBLIC\\s+${QUOTED}\\s+${QUOTED}))?\\s*(?:\\[\\s*\\]\\s*)?>$`,
);
/** A DOCTYPE longer than this is not the short form above; refusing it bounds the regex work. */
const MAX_DOCTYPE_LENGTH = 1024;

/** HTML error pages of proxies: an HTML doctype or `<html` before any other element. */
const HTML_START = /^(?:(?:<\?xml[^>]{0,200}\?>|<!--[\s\S]{0,2000}?-->)\s*)*<(?:!doctype\s+html\b|html\b)/i;
const HTML_SNIFF_CHARS = 4096;

/** Null when the text may go on to validation, otherwise why it is refused. */
export function prescanXml(text: string): XmlDecodeReason | null {
  const start = firstNonWhitespace(text);
  // JSON, plain-text error messages and empty bodies: no markup to parse.
  if (start === -1 || text[start] !== "<") return "not-xml";
  if (HTML_START.test(text.slice(start, start + HTML_SNIFF_CHARS))) return "html";

  // Declarations are refused wherever they appear (even in a comment or CDATA section, where
  // a real service never writes them), so no tokenizer is needed to find them.
  let doctypeAt = -1;
  const declarations = new RegExp(DECLARATION.source, DECLARATION.flags);
  for (let match = declarations.exec(text); match !== null; match = declarations.exec(text)) {
    const keyword = (match[1] ?? "").toUpperCase();
    if (keyword === "ENTITY") {
      return PARAMETER_ENTITY_DECLARATION.test(text.slice(match.index, match.index + 64)) ? "parameter-entity" : "entity-declaration";
    }
    if (keyword !== "DOCTYPE") return "markup-declaration";
    if (doctypeAt !== -1) return "multiple-doctypes";
    doctypeAt = match.index;
  }
  return doctypeAt === -1 ? null : checkDoctype(text, doctypeAt);
}

function checkDoctype(text: string, index: number): XmlDecodeReason | null {
  const end = text.indexOf(">", index);
  if (end === -1 || end - index > MAX_DOCTYPE_LENGTH) return "doctype-not-allowed";
  const declaration = text.slice(index, end + 1);
  if (ALLOWED_DOCTYPE.test(declaration)) return null;
  return PARAMETER_ENTITY_REFERENCE.test(declaration) ? "parameter-entity" : "doctype-not-allowed";
}

function firstNonWhitespace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return i;
  }
  return -1;
}
