// Ingram Micro InvoiceAPI v5 "Credit Memo Reason Codes" (the `creditmemoreasoncode` field).
import type { CreditMemoReason } from "../../__generated__/resolvers-types.js";
import { CodeTable, type CodeRow, type KnownValue } from "./code-table.js";

export const INGRAM_CREDIT_MEMO_REASON_ROWS = [
  { code: "BB", value: "BOX_CLOSED", description: "Box closed (selected customers)" },
  { code: "BO", value: "BOX_OPEN", description: "Box open (selected customers)" },
  { code: "BS", value: "BACKORDER_SHIPPED_IN_ERROR", description: "Backorder shipped in error" },
  { code: "BU", value: "BOX_INCOMPLETE", description: "Box incomplete (selected customers)" },
  { code: "BW", value: "UNOPENED_TRANSIT_WEAR", description: "Unopened but transit wear (selected customers)" },
  { code: "DF", value: "DEFECTIVE", description: "Defective" },
  { code: "DI", value: "DIRECT_VENDOR_CREDIT", description: "Direct/Vendor credit" },
  { code: "DM", value: "DAMAGED_IN_TRANSIT", description: "Damaged in transit - POD endorsed" },
  { code: "DO", value: "DEMO", description: "Demo (sale or return)" },
  { code: "DS", value: "DUPLICATE_SHIPMENT", description: "Duplicate shipment" },
  { code: "IN", value: "INCOMPLETE_PRODUCT", description: "Incomplete product" },
  { code: "LQ", value: "BROKEN_OR_DEFECTIVE", description: "Broken or Defective (selected customers)" },
  { code: "LS", value: "LOST_SHIPMENT", description: "Lost shipment (carrier claim)" },
  { code: "NR", value: "NON_RESALABLE", description: "Non-Resalable" },
  { code: "OS", value: "OVER_SHIPMENT", description: "Over Shipment (shipped but not charged for)" },
  { code: "RB", value: "REBILL", description: "Rebill (Credit & Rebill)" },
  { code: "RF", value: "REFUSAL_RETURN", description: "Refusal return" },
  { code: "RP", value: "REPAIR", description: "Repair" },
  { code: "RT", value: "RETURNS_WRITE_OFF", description: "Returns write off" },
  { code: "SB", value: "STOCK_BALANCE", description: "Stock balance (no restocking fee)" },
  { code: "SC", value: "CUSTOMER_ERROR", description: "Customer error (with restocking fee)" },
  { code: "SI", value: "MISCELLANEOUS_RETURN", description: "Misc. return (where no other code applies)" },
  { code: "SL", value: "SHORT_SHIPMENT_CONSIGNMENT", description: "Short shipment (warehouse claim - consignment vendors)" },
  { code: "SS", value: "SHORT_SHIPMENT", description: "Short shipment (warehouse claim)" },
  { code: "VE", value: "VENDOR_ERROR", description: "Vendor Error" },
  { code: "WP", value: "WRONG_PURCHASING", description: "Wrong purchasing (impulse spec error)" },
  { code: "WS", value: "WRONG_SALES", description: "Wrong sales (error by sales dept)" },
  { code: "WT", value: "WRONG_TECHNICAL", description: "Wrong technical (website spec error)" },
  { code: "WW", value: "WRONG_PICK", description: "Wrong pick by warehouse" },
] as const satisfies readonly CodeRow<KnownValue<CreditMemoReason>>[];

export const ingramCreditMemoReasonTable = new CodeTable<CreditMemoReason>({
  name: "ingram.creditMemoReason",
  rows: INGRAM_CREDIT_MEMO_REASON_ROWS,
  // The wording the SDL documents for CreditMemoReasonCode.description.
  unknownDescription: "Unknown credit memo reason code",
  caseInsensitive: true,
});
