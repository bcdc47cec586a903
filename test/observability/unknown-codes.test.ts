import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { rootLogger } from "../../src/observability/logger.js";
import { metricsRegistry } from "../../src/observability/metrics.js";
import { UNKNOWN_CODE_LOG_CAP, reportUnknownCode, resetUnknownCodeLog } from "../../src/observability/unknown-codes.js";

async function countFor(table: string): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric("invoices_unknown_codes_total")?.get();
  return metric?.values.find((v) => v.labels["table"] === table)?.value ?? 0;
}

function unknownCodeWarnings(): unknown[][] {
  return vi.mocked(rootLogger.warn).mock.calls.filter((call) => call[1] === "unknown vendor code");
}

beforeEach(() => {
  resetUnknownCodeLog();
  vi.spyOn(rootLogger, "warn").mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("reportUnknownCode", () => {
  it("logs an unknown code once per table and code but counts every occurrence", async () => {
    reportUnknownCode("test.once", "ZZ");
    reportUnknownCode("test.once", "ZZ");
    reportUnknownCode("test.once", "ZZ");

    expect(unknownCodeWarnings()).toEqual([[{ table: "test.once", code: "ZZ" }, "unknown vendor code"]]);
    expect(await countFor("test.once")).toBe(3);
  });

  it("logs the same code again for another table, and another code for the same table", async () => {
    reportUnknownCode("test.pairA", "ZZ");
    reportUnknownCode("test.pairB", "ZZ");
    reportUnknownCode("test.pairA", "YY");

    expect(unknownCodeWarnings()).toEqual([
      [{ table: "test.pairA", code: "ZZ" }, "unknown vendor code"],
      [{ table: "test.pairB", code: "ZZ" }, "unknown vendor code"],
      [{ table: "test.pairA", code: "YY" }, "unknown vendor code"],
    ]);
    expect(await countFor("test.pairA")).toBe(2);
    expect(await countFor("test.pairB")).toBe(1);
  });

  it("logs a pair again after resetUnknownCodeLog", () => {
    reportUnknownCode("test.reset", "ZZ");
    resetUnknownCodeLog();
    reportUnknownCode("test.reset", "ZZ");

    expect(unknownCodeWarnings()).toHaveLength(2);
  });

  it("stops remembering new pairs at the cap, logging that once, yet keeps counting", async () => {
    for (let i = 0; i < UNKNOWN_CODE_LOG_CAP; i++) reportUnknownCode("test.cap", `X${i}`);
    expect(unknownCodeWarnings()).toHaveLength(UNKNOWN_CODE_LOG_CAP);

    reportUnknownCode("test.cap", "NEW1");
    reportUnknownCode("test.cap", "NEW2");
    reportUnknownCode("test.cap", "X0");

    expect(unknownCodeWarnings()).toHaveLength(UNKNOWN_CODE_LOG_CAP);
    const otherWarnings = vi.mocked(rootLogger.warn).mock.calls.filter((call) => call[1] !== "unknown vendor code");
    expect(otherWarnings).toHaveLength(1);
    expect(await countFor("test.cap")).toBe(UNKNOWN_CODE_LOG_CAP + 3);
  });

  it("logs only the start of an overlong code", () => {
    reportUnknownCode("test.long", "A".repeat(5000));

    const [fields] = unknownCodeWarnings()[0] ?? [];
    expect(fields).toEqual({ table: "test.long", code: `${"A".repeat(100)}…` });
  });
});
