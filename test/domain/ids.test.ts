import { describe, expect, it } from "vitest";
import { decodeInvoiceId, encodeInvoiceId } from "../../src/domain/ids.js";

describe("invoice ids", () => {
  it("are stable: the same provider and ref always give the same id", () => {
    expect(encodeInvoiceId("INGRAM_MICRO", "20-12345-11")).toBe(encodeInvoiceId("INGRAM_MICRO", "20-12345-11"));
    expect(encodeInvoiceId("INGRAM_MICRO", "1")).not.toBe(encodeInvoiceId("STULLER", "1"));
  });

  it.each([["INGRAM_MICRO", "20-12345-11"], ["FABRIC", "1"], ["TD_SYNNEX", "00123"], ["STULLER", "a:b:c/ü"]] as const)(
    "round-trip %s %s exactly",
    (provider, ref) => {
      expect(decodeInvoiceId(encodeInvoiceId(provider, ref))).toEqual({ provider, ref });
    },
  );

  it.each([
    ["empty", ""],
    ["not base64url", "abc+/="],
    ["another prefix", Buffer.from("Order:v1:FABRIC:1").toString("base64url")],
    ["unknown provider", Buffer.from("Invoice:v1:ACME:1").toString("base64url")],
    ["empty ref", Buffer.from("Invoice:v1:FABRIC:").toString("base64url")],
    ["too long", "a".repeat(600)],
  ])("reject %s", (_label, id) => {
    expect(decodeInvoiceId(id)).toBeNull();
  });
});
