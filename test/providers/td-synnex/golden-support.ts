// Runs a recorded TD SYNNEX answer through the same pure pipeline the client uses
// (hardened decoder → zod → normalize) and returns it as plain JSON for golden comparison.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTdSynnexDecoder, interpretAnswer } from "../../../src/providers/td-synnex/index.js";

export const FIXTURES = fileURLToPath(new URL("../../fixtures/td-synnex/", import.meta.url));
export const ATTACKS = join(FIXTURES, "attacks");

export interface GoldenRequest {
  readonly currency: string;
  /** The PO the fixture answers, as the provider would have asked it (null: an order-number lookup). */
  readonly purchaseOrder: string | null;
}

export interface GoldenFile {
  readonly request: GoldenRequest;
  readonly answer: unknown;
}

/** Fixture base names (`documented-sample` for documented-sample.xml + .expected.json). */
export function goldenNames(): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".xml"))
    .map((name) => name.slice(0, -".xml".length))
    .sort();
}

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES, `${name}.xml`), "utf8");
}

export function readExpected(name: string): GoldenFile {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), "utf8")) as GoldenFile;
}

export function normalizeFixture(xml: string, request: GoldenRequest): unknown {
  const answer = interpretAnswer(createTdSynnexDecoder().decode(xml), { currency: request.currency, requestedPurchaseOrder: request.purchaseOrder });
  const plain =
    answer.kind === "answered"
      ? { kind: answer.kind, invoices: answer.invoices, notices: answer.notices }
      : { kind: answer.kind, code: answer.error.code, message: answer.error.message, problems: answer.problems };
  return JSON.parse(JSON.stringify(plain)) as unknown;
}
