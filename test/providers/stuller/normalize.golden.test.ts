// Golden files: each test/fixtures/stuller/<case>.response.json (or .response.xml, Stuller's
// DataContract XML) is a Stuller answer for one edge case; <case>.golden.json is what the
// provider makes of it, invoice by invoice. After a deliberate change, regenerate with
// UPDATE_GOLDEN=1 and review the diff line by line.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ProviderError } from "../../../src/domain/errors.js";
import { createStullerResponseDecoder } from "../../../src/providers/stuller/decode.js";
import { readInvoices } from "../../../src/providers/stuller/lookup.js";
import { generatedInvoices, renderJson, renderXml, STULLER_SAMPLE_INVOICES } from "../../../src/sandbox/stuller/index.js";
import { callContext } from "../../http/support.js";

const FIXTURES = fileURLToPath(new URL("../../fixtures/stuller/", import.meta.url));
const RESPONSE = /^(.+)\.response\.(json|xml)$/;
const CASES = readdirSync(FIXTURES)
  .flatMap((file) => {
    const match = RESPONSE.exec(file);
    return match ? [{ name: match[1] ?? "", format: match[2] ?? "" }] : [];
  })
  .sort((a, b) => a.name.localeCompare(b.name));
const decoder = createStullerResponseDecoder();

function normalizeFixture(name: string, format: string): unknown[] {
  const text = readFileSync(`${FIXTURES}${name}.response.${format}`, "utf8");
  const raw = decoder.decode({ status: 200, headers: { "content-type": `application/${format}; charset=utf-8` }, text });
  return readInvoices(raw, callContext()).map((entry) =>
    entry.result instanceof ProviderError
      ? { invoiceNumber: entry.invoiceNumber, purchaseOrderNumber: entry.purchaseOrderNumber, error: { code: entry.result.code, message: entry.result.message } }
      : entry.result,
  );
}

describe("Stuller normalization golden files", () => {
  it("has a golden file for every fixture", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(10);
    const goldens = readdirSync(FIXTURES).filter((file) => file.endsWith(".golden.json"));
    expect(goldens.map((file) => file.slice(0, -".golden.json".length)).sort()).toEqual(CASES.map((c) => c.name));
  });

  it.each(CASES)("normalizes the $name answer ($format) exactly as its golden file says", ({ name, format }) => {
    const actual = normalizeFixture(name, format);
    const goldenPath = `${FIXTURES}${name}.golden.json`;
    if (process.env["UPDATE_GOLDEN"] === "1") writeFileSync(goldenPath, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(goldenPath, "utf8")));
  });

  it("reads the simulator's JSON and DataContract XML renderings of the same invoices into identical models", () => {
    const invoices = [...STULLER_SAMPLE_INVOICES, ...generatedInvoices(6)];
    const read = (format: "json" | "xml", text: string) =>
      readInvoices(decoder.decode({ status: 200, headers: { "content-type": `application/${format}` }, text }), callContext()).map((entry) => entry.result);
    const fromJson = read("json", renderJson(invoices));
    expect(fromJson.every((result) => !(result instanceof ProviderError))).toBe(true);
    expect(fromJson).toHaveLength(invoices.length);
    expect(read("xml", renderXml(invoices))).toEqual(fromJson);
  });
});

describe("Stuller lines priced by weight and the invoice total (issue 14)", () => {
  const invoices = () => normalizeFixture("weight-priced-lines", "json") as Array<{ number: string; discrepancies: Array<{ lineNumber: string | null; field: string }> }>;

  it("checks a per-gram or per-DWT line against UnitPrice × TotalWeight, rounded to the cent either way at a tie, not × ShipQuantity", () => {
    const [metal, checks] = invoices();
    expect(metal?.discrepancies).toEqual([]);
    // Line 2 (65.40 per gram, 3.1 GR) really disagrees; a weight in another unit than the price is not checked.
    expect(checks?.discrepancies.map((d) => [d.lineNumber, d.field])).toEqual([["2", "Line.extendedPrice"]]);
  });

  it.each([
    ["mixed-typing", [["Invoice.total", "262.500", "1234.50"]]],
    ["line-discrepancy", []],
    ["precision", []],
  ])("checks InvoiceTotal = Σ LineTotal + SalesTax + PostageAndHandling where Stuller sent every part: %s", (name, expected) => {
    const found = (normalizeFixture(name, "json") as Array<{ discrepancies?: Array<{ field: string; expected: string; actual: string }> }>).flatMap((i) => i.discrepancies ?? []);
    expect(found.filter((d) => d.field === "Invoice.total").map((d) => [d.field, d.expected, d.actual])).toEqual(expected);
  });
});

describe("the simulator's Stuller invoices (issue 14)", () => {
  it("all add up: InvoiceTotal is their lines + SalesTax + PostageAndHandling", () => {
    const read = readInvoices(decoder.decode({ status: 200, headers: { "content-type": "application/json" }, text: renderJson(STULLER_SAMPLE_INVOICES) }), callContext());
    const totals = read.flatMap((entry) => (entry.result instanceof ProviderError ? [entry.result.message] : entry.result.discrepancies.filter((d) => d.field === "Invoice.total").map((d) => d.message)));
    expect(totals).toEqual([]);
  });
});
