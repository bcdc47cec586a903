// Hostile and broken answers through the real client against the simulator. Each row records
// how long the refusal took (elapsed and CPU time) and how much the heap moved; the bounds
// asserted are generous (these are figures to watch, not benchmarks) and apply to CPU time,
// which other processes on a busy machine do not inflate. The table is printed at the end.
// Deadlines and undici's timeouts run on a fake clock no test here moves: decoding a large
// answer on a loaded machine can take long, but it is never cut short.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProviderFailureCode } from "../../../src/domain/errors.js";
import type { TdSynnexFault } from "../../../src/sandbox/td-synnex/index.js";
import { cpuTimeOf } from "../../helpers/cpu-time.js";
import { useFakeClock, useRealClock } from "../../helpers/fake-clock.js";
import { ATTACKS } from "./golden-support.js";
import { callContext, expectFailure, expectResult, lookupPo, startTdHarness, type TdHarness } from "./support.js";

let td: TdHarness;
const figures: Array<{ attack: string; code: string; posts: number; ms: number; cpuMs: number; heapMB: number; rssMB: number }> = [];

beforeAll(async () => {
  useFakeClock();
  td = await startTdHarness();
});
afterAll(async () => {
  useRealClock();
  await td.close();
  const rows = figures.map(
    (f) =>
      `${f.attack.padEnd(44)} ${f.code.padEnd(13)} ${String(f.posts).padStart(5)} ${f.ms.toFixed(1).padStart(8)} ${f.cpuMs.toFixed(1).padStart(8)} ${f.heapMB.toFixed(1).padStart(8)} ${f.rssMB.toFixed(1).padStart(8)}`,
  );
  console.log(["TD SYNNEX attack figures", `${"attack".padEnd(44)} ${"code".padEnd(13)} posts       ms   cpu ms  heap MB   rss MB`, ...rows].join("\n"));
});

const fixture = (file: string, contentType = "application/xml"): TdSynnexFault => ({ kind: "raw", contentType, body: readFileSync(join(ATTACKS, file)) });
const MB = 1024 * 1024;

const ATTACK_CASES: ReadonlyArray<readonly [string, TdSynnexFault, ProviderFailureCode]> = [
  ["billion laughs (fixture)", fixture("billion-laughs.xml"), "BAD_RESPONSE"],
  ["one 9 KB entity × 2,000 (fixture)", fixture("big-entity.xml"), "BAD_RESPONSE"],
  ["external entity file:///etc/passwd (fixture)", fixture("xxe-file.xml"), "BAD_RESPONSE"],
  ["external entity 169.254.169.254 (fixture)", fixture("xxe-metadata.xml"), "BAD_RESPONSE"],
  ["parameter entity, remote DTD (fixture)", fixture("parameter-entity.xml"), "BAD_RESPONSE"],
  ["two DOCTYPEs (fixture)", fixture("two-doctypes.xml"), "BAD_RESPONSE"],
  ["__proto__ element (fixture)", fixture("prototype-pollution.xml"), "BAD_RESPONSE"],
  ["truncated document (fixture)", fixture("truncated.xml"), "BAD_RESPONSE"],
  ["HTML page, HTTP 200 (fixture)", fixture("html-502.html", "text/html"), "BAD_RESPONSE"],
  ["JSON body (fixture)", fixture("json-body.json", "application/json"), "BAD_RESPONSE"],
  ["wrong root element (fixture)", fixture("wrong-root.xml"), "BAD_RESPONSE"],
  ["50 MB body, streamed", { kind: "oversized", bytes: 50 * MB }, "BAD_RESPONSE"],
  ["billion laughs (simulator mode)", { kind: "billion-laughs" }, "BAD_RESPONSE"],
  ["big entity (simulator mode)", { kind: "big-entity" }, "BAD_RESPONSE"],
  ["external entity (simulator mode)", { kind: "external-entity", target: "metadata" }, "BAD_RESPONSE"],
  ["truncated answer (simulator mode)", { kind: "truncated" }, "BAD_RESPONSE"],
  ["HTML 502 page (simulator mode, retried)", { kind: "html", status: 502 }, "UNAVAILABLE"],
];

async function measured<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number; heapMB: number; rssMB: number }> {
  const before = process.memoryUsage();
  const started = performance.now();
  const { value, cpuMs } = await cpuTimeOf(run);
  const ms = performance.now() - started;
  const after = process.memoryUsage();
  return { value, ms, cpuMs, heapMB: (after.heapUsed - before.heapUsed) / MB, rssMB: (after.rss - before.rss) / MB };
}

describe("TD SYNNEX: hostile answers are refused quickly and the process stays up", () => {
  it.each(ATTACK_CASES.map(([attack, fault, code]) => ({ attack, fault, code })))("refuses $attack with $code", async ({ attack, fault, code }) => {
    td.simulator.control.reset();
    td.simulator.control.always(fault);
    const before = td.simulator.requests.length;
    const run = await measured(() => lookupPo(td.provider, "PO-1001", callContext(10_000)));
    const error = expectFailure(run.value);
    figures.push({ attack, code: error.code, posts: td.simulator.requests.length - before, ms: run.ms, cpuMs: run.cpuMs, heapMB: run.heapMB, rssMB: run.rssMB });
    expect(error.code).toBe(code);
    // Messages are curated: nothing of the body reaches the client.
    expect(error.message).not.toMatch(/lol|passwd|169\.254|nginx|<|&/);
    expect(run.cpuMs).toBeLessThan(2_000);
    expect(run.heapMB).toBeLessThan(100);
  });

  const references = (count: number) =>
    `<?xml version="1.0"?><SynnexB2B><InvoiceResponse><CustomerPONumber>PO-1001</CustomerPONumber><Invoice><InvoiceNumber>1</InvoiceNumber><Comments>${"&#65;".repeat(count)}</Comments></Invoice></InvoiceResponse></SynnexB2B>`;

  it("refuses 1,000,000 numeric character references (6 MB) at the 4 MiB response cap (B5)", async () => {
    td.simulator.control.reset();
    td.simulator.control.always({ kind: "raw", body: references(1_000_000) });
    const run = await measured(() => lookupPo(td.provider, "PO-1001", callContext(10_000)));
    figures.push({ attack: "1M &#65; references, 6 MB (over the cap)", code: expectFailure(run.value).code, posts: 1, ms: run.ms, cpuMs: run.cpuMs, heapMB: run.heapMB, rssMB: run.rssMB });
    expect(expectFailure(run.value).code).toBe("BAD_RESPONSE");
    expect(run.cpuMs).toBeLessThan(2_000);
  });

  it("decodes 600,000 numeric character references (3.6 MB, under the cap) within budget", async () => {
    td.simulator.control.reset();
    td.simulator.control.always({ kind: "raw", body: references(600_000) });
    const run = await measured(() => lookupPo(td.provider, "PO-1001", callContext(10_000)));
    const result = expectResult(run.value);
    figures.push({ attack: "600k &#65; references, 3.6 MB (accepted)", code: "-", posts: 1, ms: run.ms, cpuMs: run.cpuMs, heapMB: run.heapMB, rssMB: run.rssMB });
    expect(result.invoices[0]?.notes).toHaveLength(600_000);
    // fast-xml-parser builds text one character at a time (about 1 s and ~190 MB of
    // short-lived heap for 6 MB on a 2-core box), which is why the cap is 4 MiB.
    expect(run.cpuMs).toBeLessThan(5_000);
    expect(run.heapMB).toBeLessThan(400);
  });

  it("still answers normally after every attack", async () => {
    td.simulator.control.reset();
    expect(expectResult(await lookupPo(td.provider, "PO-1002")).invoices).toHaveLength(3);
    expect(({} as Record<string, unknown>)["isAdmin"]).toBeUndefined();
  });
});
