// Ingram Micro bodies with every JSON number kept as its source text. The v6 search sends money
// as JSON numbers (`"invoicedAmountDue": 243.10`); JSON.parse would make them doubles, dropping
// trailing zeros and digits past 15 significant ones. The schemas read numbers and strings
// alike, so nothing from Ingram passes through binary floating point.
import { parse } from "lossless-json";

const keepSourceText = (text: string): string => text;

/** Parses like JSON.parse (and throws SyntaxError like it), keeping numbers as text. */
export function parseIngramJson(text: string): unknown {
  return parse(text, null, keepSourceText);
}
