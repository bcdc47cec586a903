import { describe, expect, it } from "vitest";
import { metricsRegistry } from "../../../src/observability/metrics.js";
import { parseDecimal } from "../../../src/domain/decimal.js";
import { stullerStatus } from "../../../src/providers/stuller/status.js";

async function unknownStullerCodes(): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric("invoices_unknown_codes_total")?.get();
  return metric?.values.find((v) => v.labels["table"] === "stuller.status")?.value ?? 0;
}

describe("Stuller status", () => {
  it.each([
    ["Open", "OPEN"],
    ["OPEN", "OPEN"],
    [" closed ", "CLOSED"],
    ["Paid", "CLOSED"],
    ["Shipped", "UNKNOWN"],
    ["Backordered", "UNKNOWN"],
  ])("reads %j as %s and keeps the raw text", (raw, value) => {
    expect(stullerStatus(raw)).toMatchObject({ value, code: raw });
  });

  it("has no status when Stuller sends none", () => {
    expect(stullerStatus(null)).toBeNull();
  });

  it("counts an unexpected status as an unknown code, but not Stuller's usual Shipped", async () => {
    const before = await unknownStullerCodes();
    stullerStatus("Shipped");
    expect(await unknownStullerCodes()).toBe(before);
    stullerStatus("Quarantined");
    expect(await unknownStullerCodes()).toBe(before + 1);
  });
});

describe("Stuller status with TotalDue (issue 14)", () => {
  it.each([
    ["Shipped", "0.00", "CLOSED"],
    ["Shipped", "12.00", "OPEN"],
    ["Invoiced", "0", "CLOSED"],
    ["Invoiced", "130.73", "OPEN"],
    ["Backordered", "-25.00", "OPEN"],
    [null, "0.00", "CLOSED"],
    // A Status that itself says open or settled is taken as said.
    ["Paid", "0.00", "CLOSED"],
    ["Open", "447.50", "OPEN"],
    ["Shipped", null, "UNKNOWN"],
  ])("reads Status %j with TotalDue %j as %s, keeping the raw Status", (raw, totalDue, value) => {
    expect(stullerStatus(raw, totalDue === null ? null : parseDecimal(totalDue))).toMatchObject({ value, code: raw });
  });

  it("has no status when Stuller sends neither a Status nor a TotalDue", () => {
    expect(stullerStatus(null, null)).toBeNull();
  });
});
