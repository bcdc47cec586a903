import { describe, expect, it } from "vitest";
import { isImmutableInvoice } from "../../src/cache/immutability.js";
import { fabricInvoiceStatusTable, holdReasonCode, ingramOrderStatusTable } from "../../src/domain/code-tables/index.js";
import type { InvoiceModel } from "../../src/domain/models.js";
import { stullerStatus } from "../../src/providers/stuller/status.js";
import { sampleInvoice } from "../helpers/invoices.js";

const ingram = (orderStatus: string | null, extra: Partial<InvoiceModel> = {}): InvoiceModel => ({
  ...sampleInvoice("INGRAM_MICRO", "20-12345-11", null),
  orderStatus: orderStatus === null ? null : ingramOrderStatusTable.translate(orderStatus),
  ...extra,
});
const creditMemo: Partial<InvoiceModel> = { documentType: { value: "CREDIT_MEMO", code: "", description: "Credit memo" } };

const fabric = (status: string, acknowledgedAt: string | null, extra: Partial<InvoiceModel> = {}): InvoiceModel => ({
  ...sampleInvoice("FABRIC", "FD-1", null),
  status: fabricInvoiceStatusTable.translate(status),
  acknowledgedAt,
  ...extra,
});

const stuller = (status: string | null): InvoiceModel => ({ ...sampleInvoice("STULLER", "5123456", null), status: stullerStatus(status) });

const ACK = "2026-01-02T03:04:05Z";

describe("which invoices are immutable", () => {
  it.each([
    ["an Ingram invoice that is paid", true, ingram("P")],
    ["an Ingram invoice that is invoiced but not paid yet", false, ingram("F")],
    ["an Ingram invoice that is billed but not paid yet", false, ingram("B")],
    ["an Ingram open order (blank status)", false, ingram("")],
    ["an Ingram invoice without an order status", false, ingram(null)],
    ["an Ingram invoice with an unknown order status", false, ingram("Q")],
    ["an Ingram paid invoice that still carries a hold reason", false, ingram("P", { holdReason: holdReasonCode("C3") })],
    ["an Ingram credit memo that is invoiced", true, ingram("F", creditMemo)],
    ["an Ingram credit memo that is billed", true, ingram("I", creditMemo)],
    ["an Ingram credit memo that is paid", true, ingram("P", creditMemo)],
    ["an Ingram credit memo not invoiced yet", false, ingram("", creditMemo)],
    ["an Ingram credit memo on hold", false, ingram("F", { ...creditMemo, holdReason: holdReasonCode("C3") })],
    ["a TD SYNNEX invoice (TD states no status at all)", false, sampleInvoice("TD_SYNNEX", "67000001", null)],
    ["a fabric invoice closed and acknowledged", true, fabric("closed", ACK)],
    ["a fabric invoice closed but not acknowledged yet", false, fabric("closed", null)],
    ["a fabric invoice open and acknowledged", false, fabric("open", ACK)],
    ["a fabric invoice paid but still open", false, fabric("open", ACK, { paidAt: ACK })],
    ["a fabric invoice with an unknown status", false, fabric("void", ACK, { closedAt: ACK })],
    ["a Stuller invoice that is Closed", true, stuller("Closed")],
    ["a Stuller invoice that is Paid", true, stuller("paid")],
    ["a Stuller invoice that is Open", false, stuller("Open")],
    ["a Stuller invoice that is Shipped (fulfilment only)", false, stuller("Shipped")],
    ["a Stuller invoice without a status", false, stuller(null)],
  ])("%s is immutable: %s", (_name, expected, invoice) => {
    expect(isImmutableInvoice(invoice)).toBe(expected);
  });
});
