// Figure (e) and the XML parser's known costs, in process. The document is what the TD
// SYNNEX simulator answers for PO-1002 (three invoices, six lines), and the same invoices
// ten times over (30 invoices) to show the cost per invoice does not depend on batching.
//   decode + validate + normalize = TD's exported decoder (size cap, pre-scan, XMLValidator,
//   fast-xml-parser, root check) + interpretAnswer (zod + normalize) — the provider's whole
//   read path after the HTTP body arrives;
//   baseline = JSON.parse of the same data as JSON: the decoded DTO tree (what TD would send
//   if it spoke JSON), and, for reference, the normalized InvoiceModels.
import { isDeepStrictEqual } from "node:util";
import { XMLParser, XMLValidator, type X2jOptions } from "fast-xml-parser";
import { createTdSynnexDecoder, interpretAnswer } from "../../src/providers/td-synnex/index.js";
import { TD_SYNNEX_ARRAY_PATHS } from "../../src/providers/td-synnex/schemas.js";
import { invoicesDocument } from "../../src/sandbox/td-synnex/responses.js";
import { US_PURCHASE_ORDERS } from "../../src/sandbox/td-synnex/index.js";
import { prescanXml } from "../../src/xml/index.js";
import { median } from "./load.js";

export interface Timed {
  readonly name: string;
  readonly microsPerOp: number;
}

/** Runs `fn` for about `ms`, `rounds` times interleaved with its peers by the caller; µs per call. */
function time(fn: () => unknown, ms: number): number {
  let ops = 0;
  const end = performance.now() + ms;
  const t0 = performance.now();
  while (performance.now() < end) {
    for (let i = 0; i < 20; i++) fn();
    ops += 20;
  }
  return ((performance.now() - t0) * 1000) / ops;
}

function measureAll(cases: ReadonlyArray<readonly [string, () => unknown]>, ms: number, rounds: number): Timed[] {
  for (const [, fn] of cases) time(fn, Math.min(200, ms)); // warm-up, JIT
  const samples = new Map<string, number[]>(cases.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round++) for (const [name, fn] of cases) samples.get(name)?.push(time(fn, ms));
  return cases.map(([name]) => ({ name, microsPerOp: median(samples.get(name) ?? []) }));
}

function tdDocument(copies: number): { text: string; invoices: number } {
  const answer = US_PURCHASE_ORDERS.get("PO-1002");
  if (!answer || !("invoices" in answer)) throw new Error("the TD SYNNEX samples lost PO-1002");
  const specs = Array.from({ length: copies }, (_, copy) => answer.invoices.map((spec) => ({ ...spec, number: copy === 0 ? spec.number : `${spec.number}${copy}` }))).flat();
  return { text: invoicesDocument("PO-1002", specs), invoices: specs.length };
}

export interface XmlFigures {
  readonly documents: ReadonlyArray<{
    readonly invoices: number;
    readonly xmlBytes: number;
    readonly dtoJsonBytes: number;
    readonly normalizedJsonBytes: number;
    readonly microsPerInvoice: { readonly readPath: number; readonly jsonParseDto: number; readonly jsonParseNormalized: number };
    readonly ratioToDtoJson: number;
    readonly ratioToNormalizedJson: number;
  }>;
  /** Where the read path's time goes, and what other parser options would cost (30-invoice document). */
  readonly breakdown: readonly Timed[];
  readonly replicaMatchesDecoder: boolean;
}

export function xmlFigures(ms: number, rounds: number): XmlFigures {
  const decoder = createTdSynnexDecoder();
  const interpret = (root: unknown) => interpretAnswer(root, { currency: "USD", requestedPurchaseOrder: "PO-1002" });
  const documents = [tdDocument(1), tdDocument(10)].map(({ text, invoices }) => {
    const root = decoder.decode(text);
    const answer = interpret(root);
    if (answer.kind !== "answered" || answer.invoices.length !== invoices) throw new Error(`the TD read path did not return ${invoices} invoices`);
    const dtoJson = JSON.stringify(root);
    const normalizedJson = JSON.stringify(answer.invoices);
    const [read, dto, normalized] = measureAll(
      [
        ["read path", () => interpret(decoder.decode(text))],
        ["JSON.parse DTO", () => JSON.parse(dtoJson)],
        ["JSON.parse normalized", () => JSON.parse(normalizedJson)],
      ],
      ms,
      rounds,
    );
    const perInvoice = (t: Timed | undefined) => (t?.microsPerOp ?? NaN) / invoices;
    return {
      invoices,
      xmlBytes: Buffer.byteLength(text),
      dtoJsonBytes: Buffer.byteLength(dtoJson),
      normalizedJsonBytes: Buffer.byteLength(normalizedJson),
      microsPerInvoice: { readPath: perInvoice(read), jsonParseDto: perInvoice(dto), jsonParseNormalized: perInvoice(normalized) },
      ratioToDtoJson: perInvoice(read) / perInvoice(dto),
      ratioToNormalizedJson: perInvoice(read) / perInvoice(normalized),
    };
  });

  // The parser configuration of src/xml/decoder.ts, replicated (it is not exported) and
  // checked against the real decoder's output before any variant is timed.
  const arrayPaths: ReadonlySet<string> = new Set<string>(TD_SYNNEX_ARRAY_PATHS);
  const project: X2jOptions = {
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    textNodeName: "#text",
    trimValues: true,
    removeNSPrefix: false,
    isArray: (_name: string, jPath: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute && arrayPaths.has(String(jPath)),
    processEntities: { enabled: true, maxEntityCount: 10, maxEntitySize: 1024, maxExpandedLength: 1_000_000 },
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    commentPropName: false,
    cdataPropName: false,
    maxNestedTags: 100,
    strictReservedNames: true,
    onDangerousProperty: (name: string): string => {
      throw new Error(`reserved name ${name}`);
    },
  };
  const big = tdDocument(10).text;
  const parsers = {
    project: new XMLParser(project),
    noHtmlEntities: new XMLParser({ ...project, htmlEntities: false }),
    noEntities: new XMLParser({ ...project, processEntities: false, htmlEntities: false }),
    noIsArray: new XMLParser({ ...project, isArray: () => false }),
    defaults: new XMLParser({ ignoreAttributes: false }),
  };
  const replicaMatchesDecoder = isDeepStrictEqual((parsers.project.parse(big) as Record<string, unknown>)["SynnexB2B"], decoder.decode(big));
  const root = decoder.decode(big);
  const breakdown = measureAll(
    [
      ["whole read path (decode + zod + normalize)", () => interpret(decoder.decode(big))],
      ["  decoder.decode (cap, pre-scan, validate, parse, root check)", () => decoder.decode(big)],
      ["    pre-scan (prescanXml)", () => prescanXml(big)],
      ["    XMLValidator.validate", () => XMLValidator.validate(big)],
      ["    XMLParser.parse, project options", () => parsers.project.parse(big)],
      ["  interpretAnswer (zod + normalize) on the decoded tree", () => interpret(root)],
      ["option: htmlEntities false", () => parsers.noHtmlEntities.parse(big)],
      ["option: processEntities and htmlEntities false", () => parsers.noEntities.parse(big)],
      ["option: no isArray callback", () => parsers.noIsArray.parse(big)],
      ["option: fast-xml-parser defaults (+ attributes)", () => parsers.defaults.parse(big)],
    ],
    ms,
    rounds,
  );
  return { documents, breakdown, replicaMatchesDecoder };
}
