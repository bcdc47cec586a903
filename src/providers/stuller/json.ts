// Lossless JSON for Stuller. Stuller sends money and quantities as JSON numbers
// (`12345678901234.56`, `0.1`, `1.0`); JSON.parse would turn them into doubles and lose
// digits (reliability notes B13/B14), and Node 20 has no JSON.parse source-text access.
// lossless-json hands every number to our parser as its source text, and we keep that text:
// after parsing, a number and a string are both strings, and zod plus parseDecimal give them
// their types. Nothing from the wire passes through binary floating point.
import { parse } from "lossless-json";

/** Keys that could reach an object's prototype if a later step merged this tree naively. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export class StullerJsonError extends Error {
  override readonly name = "StullerJsonError";
}

/** The number's exact source text ("1.0" stays "1.0", "12345678901234567890" keeps every digit). */
const keepSourceText = (text: string): string => text;

/**
 * Parses a Stuller JSON body. Numbers become their source text; duplicate keys with
 * different values are rejected (lossless-json's default: which one is meant is unknowable),
 * and so is any `__proto__`/`constructor`/`prototype` key, which no Stuller model has and
 * which only a hostile or broken upstream would send. zod strips unknown keys as well; the
 * rejection here makes the response fail loudly rather than be half-read.
 */
export function parseStullerJson(text: string): unknown {
  let tree: unknown;
  try {
    tree = parse(text, null, keepSourceText);
  } catch (error) {
    // SyntaxError for malformed or truncated text; RangeError for nesting deep enough to
    // exhaust the stack. Neither message is passed on: it may quote the body.
    throw new StullerJsonError(error instanceof RangeError ? "JSON nested too deeply" : "malformed JSON", { cause: error });
  }
  assertNoForbiddenKeys(tree);
  return tree;
}

function assertNoForbiddenKeys(root: unknown): void {
  // Iterative, so a deep (but parseable) tree cannot overflow the stack here either.
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== "object" || node === null) continue;
    if (Array.isArray(node)) {
      // One push per item: spreading a huge array would exceed the argument limit.
      for (const item of node as unknown[]) pending.push(item);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) throw new StullerJsonError(`forbidden key ${JSON.stringify(key)} in JSON`);
      pending.push((node as Record<string, unknown>)[key]);
    }
  }
}
