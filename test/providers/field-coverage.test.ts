// docs/field-coverage.md is the ledger of every field each provider's invoice response carries.
// This test holds it to the wire schemas: each table lists exactly the keys its zod schema
// reads (so a field added to a schema must be placed in the ledger, and a row cannot outlive
// its field), every row says where the field lands or why it is only read or dropped, and every
// GraphQL coordinate it names exists in the SDL.
import { readdirSync, readFileSync } from "node:fs";
import { Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import * as fabric from "../../src/providers/fabric/schemas.js";
import * as ingram from "../../src/providers/ingram-micro/schemas.js";
import * as stuller from "../../src/providers/stuller/schemas.js";
import * as tdSynnex from "../../src/providers/td-synnex/schemas.js";
import { schemaKeys } from "../helpers/schema-keys.js";

const LEDGER = readFileSync(new URL("../../docs/field-coverage.md", import.meta.url), "utf8");

/** Every wire schema of an invoice response, by the id its ledger table names. */
const SCHEMAS: Readonly<Record<string, { readonly schema: z.ZodType; readonly caseInsensitive?: boolean }>> = {
  // Ingram keys are read case-insensitively (canonicalKeys): the ledger writes them as documented.
  "ingram-micro/InvoiceDetail": { schema: ingram.InvoiceDetail, caseInsensitive: true },
  "ingram-micro/DetailEnvelope": { schema: ingram.DetailEnvelope, caseInsensitive: true },
  "ingram-micro/SearchPage": { schema: ingram.SearchPage, caseInsensitive: true },
  "ingram-micro/ErrorsBody": { schema: ingram.ErrorsBody, caseInsensitive: true },
  "td-synnex/InvoiceSchema": { schema: tdSynnex.InvoiceSchema },
  "td-synnex/ResponseSchema": { schema: tdSynnex.ResponseSchema },
  "fabric/FabricInvoiceSchema": { schema: fabric.FabricInvoiceSchema },
  "fabric/FabricPageSchema": { schema: fabric.FabricPageSchema },
  "fabric/FabricInvoiceStubSchema": { schema: fabric.FabricInvoiceStubSchema },
  "stuller/StullerInvoiceSchema": { schema: stuller.StullerInvoiceSchema },
  "stuller/StullerInvoiceResponseSchema": { schema: stuller.StullerInvoiceResponseSchema },
};

interface Row {
  readonly key: string;
  readonly landsIn: string;
  readonly note: string;
}

/** `{a,b}.x` → `a.x`, `b.x` (one brace group). */
function expand(key: string): string[] {
  const match = /^(.*)\{([^}]+)\}(.*)$/.exec(key);
  if (match === null) return [key];
  return (match[2] ?? "").split(",").flatMap((part) => expand(`${match[1] ?? ""}${part.trim()}${match[3] ?? ""}`));
}

/** The ledger's tables, by the schema id in their heading ("### … — `fabric/FabricInvoiceSchema`"). */
function ledgerTables(): Map<string, Row[]> {
  const tables = new Map<string, Row[]>();
  let current: Row[] | null = null;
  for (const line of LEDGER.split("\n")) {
    const heading = /^#{2,4} .*`([a-z-]+\/[A-Za-z]+)`\s*$/.exec(line);
    if (heading) {
      current = [];
      tables.set(heading[1] ?? "", current);
      continue;
    }
    if (line.startsWith("#")) current = null;
    // | `key` | lands in | note |  (cells hold no pipes)
    const cells = line.startsWith("| `") ? line.split("|").slice(1, -1).map((cell) => cell.trim()) : [];
    const key = /^`([^`]+)`$/.exec(cells[0] ?? "")?.[1];
    if (key !== undefined && cells.length === 3 && current) for (const expanded of expand(key)) current.push({ key: expanded, landsIn: cells[1] ?? "", note: cells[2] ?? "" });
  }
  return tables;
}

/** `Type.field` of every object type, interface and extension in schema/*.graphql. */
function sdlCoordinates(): Set<string> {
  const dir = new URL("../../schema/", import.meta.url);
  const coordinates = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".graphql"))) {
    for (const definition of parse(readFileSync(new URL(file, dir), "utf8")).definitions) {
      const kinds: readonly Kind[] = [Kind.OBJECT_TYPE_DEFINITION, Kind.OBJECT_TYPE_EXTENSION, Kind.INTERFACE_TYPE_DEFINITION];
      if (!kinds.includes(definition.kind) || !("fields" in definition)) continue;
      for (const field of definition.fields ?? []) coordinates.add(`${definition.name.value}.${field.name.value}`);
    }
  }
  return coordinates;
}

const tables = ledgerTables();
const coordinates = sdlCoordinates();
const cases = Object.entries(SCHEMAS).map(([id, entry]) => ({ id, ...entry }));

describe("docs/field-coverage.md", () => {
  it("has one table per wire schema, and no table for a schema this test does not know", () => {
    expect([...tables.keys()].sort()).toEqual(Object.keys(SCHEMAS).sort());
  });

  it.each(cases)("lists exactly the keys $id reads", ({ id, schema, caseInsensitive }) => {
    const fold = (key: string) => (caseInsensitive === true ? key.toLowerCase() : key);
    const ledger = (tables.get(id) ?? []).map((row) => fold(row.key));
    expect(new Set(ledger).size, `${id}: a key is listed twice`).toBe(ledger.length);
    const wire = schemaKeys(schema).map(fold);
    expect({ missingFromLedger: wire.filter((key) => !ledger.includes(key)), notInSchema: ledger.filter((key) => !wire.includes(key)) }).toEqual({ missingFromLedger: [], notInSchema: [] });
  });

  it.each(cases)("says for every key of $id where it lands, or why it is only read or dropped", ({ id }) => {
    const unexplained = (tables.get(id) ?? []).filter((row) => {
      const reason = /^(?:read|dropped): (.+)$/.exec(row.landsIn);
      if (reason) return (reason[1] ?? "").trim().split(/\s+/).length < 3;
      return !/`[A-Z][A-Za-z]*\.[a-z][A-Za-z]*`/.test(row.landsIn);
    });
    expect(unexplained.map((row) => `${row.key}: ${row.landsIn}`)).toEqual([]);
  });

  it.each(cases)("names only GraphQL fields that exist, for $id", ({ id }) => {
    const named = (tables.get(id) ?? []).flatMap((row) => [...`${row.landsIn} ${row.note}`.matchAll(/`([A-Z][A-Za-z]*\.[a-z][A-Za-z]*)`/g)].map((m) => m[1] ?? ""));
    expect(named.filter((coordinate) => !coordinates.has(coordinate))).toEqual([]);
  });
});

describe("the coverage check itself", () => {
  it("notices a key a schema reads that the ledger does not list", async () => {
    const { z: zod } = await import("zod");
    const extended = (fabric.FabricInvoiceSchema as unknown as z.ZodObject).extend({ brand_new_field: zod.string().nullish() });
    const ledger = new Set((tables.get("fabric/FabricInvoiceSchema") ?? []).map((row) => row.key));
    expect(schemaKeys(extended).filter((key) => !ledger.has(key))).toEqual(["brand_new_field"]);
  });
});
