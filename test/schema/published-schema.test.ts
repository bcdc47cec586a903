// The schema-change check: the schema as it would be published now, against the committed
// baseline (schema/published/invoices.graphql). A breaking change fails with the breaking and
// dangerous changes listed; any other difference fails until the baseline is refreshed with
// `npm run schema:publish`. The second half proves the check on edited copies of the SDL.
import { beforeAll, describe, expect, it } from "vitest";
import { checkAgainstBaseline, compareSchemas, currentPublishedSdl, PUBLISH_COMMAND, readBaseline } from "./published-schema.js";

/** Replaces exactly one occurrence of `from` in `sdl`, so an edit can never silently miss. */
function editOnce(sdl: string, from: RegExp, to: string): string {
  const matches = sdl.match(new RegExp(from.source, `${from.flags.replace("g", "")}g`)) ?? [];
  if (matches.length !== 1) throw new Error(`expected one match of ${from} in the SDL, found ${matches.length}`);
  return sdl.replace(from, to);
}

describe("the published schema", () => {
  it("has no breaking change against the committed baseline", async () => {
    const comparison = await compareSchemas(await readBaseline(), currentPublishedSdl());
    if (comparison.breaking.length > 0) throw new Error(checkAgainstBaseline(comparison) ?? "breaking changes");
  });

  it(`is exactly the committed baseline (refreshed with ${PUBLISH_COMMAND})`, async () => {
    const problem = checkAgainstBaseline(await compareSchemas(await readBaseline(), currentPublishedSdl()));
    if (problem !== null) throw new Error(problem);
  });
});

describe("the schema-change check", () => {
  // Copies of the committed baseline, edited: the proofs hold whatever the current schema is.
  let baseline = "";
  beforeAll(async () => {
    baseline = await readBaseline();
  });

  it("passes the schema when it is the baseline", async () => {
    const comparison = await compareSchemas(baseline, baseline);
    expect(comparison).toEqual({ breaking: [], dangerous: [], safe: [], identical: true });
    expect(checkAgainstBaseline(comparison)).toBeNull();
  });

  it("fails a renamed contract field as a breaking change that names the field", async () => {
    const renamed = editOnce(baseline, /(\n\s+)purchaseOrderNumber: String\n/, "$1purchaseOrderNo: String\n");
    const comparison = await compareSchemas(baseline, renamed);

    expect(comparison.breaking.map((c) => [c.path, c.message])).toEqual([["Invoice.purchaseOrderNumber", "Field 'purchaseOrderNumber' was removed from object type 'Invoice'"]]);
    expect(comparison.safe.map((c) => c.message)).toContain("Field 'purchaseOrderNo' was added to object type 'Invoice'");
    const problem = checkAgainstBaseline(comparison) ?? "";
    expect(problem).toMatch(/^The schema has 1 breaking change\(s\) against the published baseline/);
    expect(problem).toContain("BREAKING changes (1):\n  - Field 'purchaseOrderNumber' was removed from object type 'Invoice'");
    expect(problem).toContain(PUBLISH_COMMAND);
  });

  it("lists a new enum value as dangerous, apart from the breaking changes", async () => {
    const widened = editOnce(baseline, /(enum ProviderFailureCode \{\n)/, '$1  """Test value."""\n  SOMETHING_NEW\n\n');
    const withBreak = editOnce(widened, /(\n\s+)purchaseOrderNumber: String\n/, "$1purchaseOrderNo: String\n");
    const comparison = await compareSchemas(baseline, withBreak);

    expect(comparison.dangerous.map((c) => c.path)).toEqual(["ProviderFailureCode.SOMETHING_NEW"]);
    const problem = checkAgainstBaseline(comparison) ?? "";
    const breakingAt = problem.indexOf("BREAKING changes (1):");
    const dangerousAt = problem.indexOf("Dangerous changes (1):");
    expect(breakingAt).toBeGreaterThan(-1);
    expect(dangerousAt).toBeGreaterThan(breakingAt);
    expect(problem.slice(breakingAt, dangerousAt)).not.toContain("SOMETHING_NEW");
  });

  it("fails an additive change too until the baseline is refreshed, naming the command", async () => {
    const added = editOnce(baseline, /(\n\s+)purchaseOrderNumber: String\n/, '$1purchaseOrderNumber: String\n\n  """Test field."""\n  somethingNew: String\n');
    const comparison = await compareSchemas(baseline, added);

    expect(comparison.breaking).toEqual([]);
    expect(comparison.dangerous).toEqual([]);
    expect(comparison.safe.map((c) => c.message)).toEqual(["Field 'somethingNew' was added to object type 'Invoice'", "Field 'Invoice.somethingNew' has description 'Test field.'"]);
    expect(checkAgainstBaseline(comparison)).toMatch(new RegExp(`^The schema differs from the published baseline .* Run \`${PUBLISH_COMMAND}\``));
  });

  it("fails a change of order alone, which a refresh would remove", async () => {
    const providerEnum = /"""A supplier whose invoices this subgraph reads\."""\nenum Provider \{[^}]*\}\n/;
    const block = baseline.match(providerEnum)?.[0] ?? "";
    const reordered = `${editOnce(baseline, providerEnum, "")}\n${block}`;
    const comparison = await compareSchemas(baseline, reordered);

    expect(block).not.toBe("");
    expect([...comparison.breaking, ...comparison.dangerous, ...comparison.safe]).toEqual([]);
    expect(checkAgainstBaseline(comparison)).toContain("only order or formatting differ");
  });
});
