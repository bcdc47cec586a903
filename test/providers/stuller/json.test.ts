import { describe, expect, it } from "vitest";
import { parseDecimal } from "../../../src/domain/decimal.js";
import { parseStullerJson, StullerJsonError } from "../../../src/providers/stuller/json.js";

describe("Stuller lossless JSON", () => {
  it.each([
    ["12345678901234.56", "12345678901234.56"],
    ["0.1", "0.1"],
    ["19.99", "19.99"],
    ["1.0", "1.0"],
    ["12345678901234567890", "12345678901234567890"],
    ["-0.00", "-0.00"],
    ["1e-7", "1e-7"],
    ["2.5E+3", "2.5E+3"],
  ])("keeps the number literal %s as its exact source text", (literal, text) => {
    expect(parseStullerJson(`{"Amount": ${literal}}`)).toEqual({ Amount: text });
  });

  it.each([
    ["1e-7", "0.0000001"],
    ["2.5E+3", "2500"],
    ["-0.00", "0.00"],
    ["1.0", "1.0"],
  ])("hands %s to parseDecimal, which gives the canonical %s", (literal, canonical) => {
    const tree = parseStullerJson(`[${literal}]`) as string[];
    expect(parseDecimal(tree[0] ?? "")).toBe(canonical);
  });

  it("leaves strings, booleans and null as they are", () => {
    expect(parseStullerJson('{"a":"19.990","b":true,"c":null,"d":["x"]}')).toEqual({ a: "19.990", b: true, c: null, d: ["x"] });
  });

  it.each([
    ['{"__proto__": {"polluted": true}}'],
    ['{"Invoices": [{"constructor": {"prototype": {"polluted": true}}}]}'],
    ['{"Invoices": [{"InvoiceDetails": [{"prototype": 1}]}]}'],
  ])("rejects a prototype-pollution key anywhere in %s, and pollutes nothing", (text) => {
    expect(() => parseStullerJson(text)).toThrow(StullerJsonError);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it.each([
    ["truncated", '{"Invoices": [{"InvoiceNumber": "1", "InvoiceTotal": 12'],
    ["a trailing comma", '{"Invoices": [],}'],
    ["HTML", "<html><body>502 Bad Gateway</body></html>"],
    ["empty", ""],
    ["NaN", '{"InvoiceTotal": NaN}'],
    ["a duplicate key with another value", '{"InvoiceTotal": 1.0, "InvoiceTotal": 2.0}'],
  ])("rejects %s JSON without quoting it", (_case, text) => {
    const error = (() => {
      try {
        parseStullerJson(text);
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(StullerJsonError);
    expect((error as Error).message).toBe("malformed JSON");
  });

  it("rejects nesting deep enough to exhaust the stack as an error, not a crash", () => {
    expect(() => parseStullerJson("[".repeat(200_000))).toThrow("JSON nested too deeply");
  });
});
