import { describe, expect, it } from "vitest";
import { metricsRegistry } from "../../../src/observability/metrics.js";
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
