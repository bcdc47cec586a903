// Recorded fabric invoices (test/fixtures/fabric/invoices/) against their golden normalized
// models (test/fixtures/fabric/normalized/). After an intended mapping change, regenerate
// with UPDATE_GOLDEN=1 and review the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { FABRIC_INVOICE_STATUS_ROWS, FABRIC_TERMS_TYPE_ROWS } from "../../../src/domain/code-tables/index.js";
import { readFabricInvoice } from "../../../src/providers/fabric/normalize.js";

const FIXTURES = join(import.meta.dirname, "../../fixtures/fabric");
const names = (folder: string) => readdirSync(join(FIXTURES, folder)).filter((f) => f.endsWith(".json")).map((f) => basename(f, ".json")).sort();
const readJson = (...path: string[]): unknown => JSON.parse(readFileSync(join(FIXTURES, ...path), "utf8"));

describe("normalizing recorded fabric invoices", () => {
  it.each(names("invoices"))("%s matches its golden model", (name) => {
    const model = readFabricInvoice(readJson("invoices", `${name}.json`));
    const golden = join(FIXTURES, "normalized", `${name}.json`);
    if (process.env["UPDATE_GOLDEN"] === "1" || !existsSync(golden)) writeFileSync(golden, `${JSON.stringify(model, null, 2)}\n`);
    expect(JSON.parse(JSON.stringify(model))).toEqual(JSON.parse(readFileSync(golden, "utf8")));
  });

  it.each(names("invalid"))("%s is refused as BAD_RESPONSE, naming the field and never its value", (name) => {
    const { invoice, error } = readJson("invalid", `${name}.json`) as { invoice: unknown; error: string };
    expect(() => readFabricInvoice(invoice)).toThrow(expect.objectContaining({ code: "BAD_RESPONSE", provider: "FABRIC", message: error }));
  });
});

describe("fabric codes", () => {
  it.each(FABRIC_TERMS_TYPE_ROWS.map((row) => [row.code, row.value] as const))("terms_type %j becomes %s with the raw text kept", (code, value) => {
    const model = readFabricInvoice({ id: 1, invoice_number: "T", terms_type: code });
    expect(model.terms).toMatchObject({ type: value, typeCode: code });
  });

  it.each(FABRIC_INVOICE_STATUS_ROWS.map((row) => [row.code, row.value] as const))("status %j becomes %s", (code, value) => {
    expect(readFabricInvoice({ id: 1, invoice_number: "S", status: code }).status).toMatchObject({ value, code });
  });

  it.each([
    ["order_id as an integer", { order_id: 654 }, "654"],
    ["order_id as a string", { order_id: "O-654" }, "O-654"],
    ["order_id missing", {}, null],
  ])("keeps %s as the order number text", (_case, fields, expected) => {
    expect(readFabricInvoice({ id: 1, invoice_number: "O", ...fields }).orderNumber).toBe(expected);
  });

  it.each([
    ["10.10", "10.10"],
    ["0.1", "0.1"],
    ["-0.00", "0.00"],
    ["007.50", "7.50"],
    ["99999999999999999999.99", "99999999999999999999.99"],
  ])("keeps the money string %j exactly as %j", (wire, amount) => {
    expect(readFabricInvoice({ id: 1, invoice_number: "M", net_amount: wire }).total).toEqual({ amount, currency: "USD" });
  });
});
