// TD SYNNEX XML Invoice API "Supported order types" (the `OrderType` element).
// Numeric codes: matched after trimming and ignoring leading zeros ("01" is order type 1).
import type { DocumentType } from "../../__generated__/resolvers-types.js";
import { CodeTable, type CodeRow, type KnownValue } from "./code-table.js";

export const TD_SYNNEX_ORDER_TYPE_ROWS = [
  { code: "1", value: "SALES_ORDER", description: "Sales Order" },
  { code: "10", value: "RMA_RTC", description: "RMA RTC" },
  { code: "11", value: "RMA_ADVANCED_SWAP", description: "RMA Advanced Swap" },
  // DocumentType.CREDIT_MEMO is shared with Ingram Micro credit memos.
  { code: "14", value: "CREDIT_MEMO", description: "Credit Memo" },
  { code: "16", value: "RMA_CC", description: "RMA CC" },
] as const satisfies readonly CodeRow<KnownValue<DocumentType>>[];

export const tdSynnexOrderTypeTable = new CodeTable<DocumentType>({
  name: "tdSynnex.orderType",
  rows: TD_SYNNEX_ORDER_TYPE_ROWS,
  unknownDescription: "Unknown order type",
  numeric: true,
});
