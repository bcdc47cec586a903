// The vendor code tables, and the reason-code helpers resolvers and providers use.
import type { CreditMemoReasonCodeModel, HoldReasonCodeModel, ReasonCodeModel } from "../models.js";
import { ingramCreditMemoReasonTable } from "./ingram-credit-memo-reason.js";
import { ingramHoldReasonTable } from "./ingram-hold-reason.js";

export { CodeTable, type CodeRow, type CodeTableOptions, type KnownValue } from "./code-table.js";
export { INGRAM_ORDER_STATUS_ROWS, ingramOrderStatusTable } from "./ingram-order-status.js";
export { INGRAM_INVOICE_STATUS_ROWS, ingramInvoiceStatusTable } from "./ingram-invoice-status.js";
export { INGRAM_HOLD_REASON_ROWS, ingramHoldReasonTable } from "./ingram-hold-reason.js";
export { INGRAM_CREDIT_MEMO_REASON_ROWS, ingramCreditMemoReasonTable } from "./ingram-credit-memo-reason.js";
export { TD_SYNNEX_ORDER_TYPE_ROWS, tdSynnexOrderTypeTable } from "./td-synnex-order-type.js";
export { FABRIC_TERMS_TYPE_ROWS, fabricTermsTypeTable } from "./fabric-terms-type.js";
export { FABRIC_INVOICE_STATUS_ROWS, fabricInvoiceStatusTable } from "./fabric-invoice-status.js";
export { FABRIC_ACCEPTANCE_STATUS_ROWS, fabricAcceptanceStatusTable } from "./fabric-acceptance-status.js";

function isBlank(raw: string | null | undefined): boolean {
  return raw === null || raw === undefined || raw.trim() === "";
}

/** An Ingram hold reason; null when there is none (a blank code is Ingram's "No hold"). */
export function holdReasonCode(raw: string | null | undefined): HoldReasonCodeModel | null {
  if (isBlank(raw)) return null;
  const coded = ingramHoldReasonTable.translate(raw);
  if (coded === null) return null;
  return { kind: "HOLD", code: coded.code, description: coded.description, reason: coded.value };
}

/** An Ingram credit memo reason; null when the document gives none. */
export function creditMemoReasonCode(raw: string | null | undefined): CreditMemoReasonCodeModel | null {
  if (isBlank(raw)) return null;
  const coded = ingramCreditMemoReasonTable.translate(raw);
  if (coded === null) return null;
  return { kind: "CREDIT_MEMO", code: coded.code, description: coded.description, reason: coded.value };
}

/**
 * Every documented reason code in vendor table order, hold reasons first when no kind is
 * given. The blank hold code ("No hold") is left out: it means the order is not on hold,
 * which is not a reason a client would filter or pick from (holdReasonCode returns null
 * for it for the same reason).
 */
export function listReasonCodes(kind?: "HOLD" | "CREDIT_MEMO"): ReasonCodeModel[] {
  const list: ReasonCodeModel[] = [];
  if (kind === undefined || kind === "HOLD") {
    for (const row of ingramHoldReasonTable.rows) {
      if (row.code === "") continue;
      list.push({ kind: "HOLD", code: row.code, description: row.description, reason: row.value });
    }
  }
  if (kind === undefined || kind === "CREDIT_MEMO") {
    for (const row of ingramCreditMemoReasonTable.rows) {
      list.push({ kind: "CREDIT_MEMO", code: row.code, description: row.description, reason: row.value });
    }
  }
  return list;
}
