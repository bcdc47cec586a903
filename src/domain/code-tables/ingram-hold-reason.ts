// Ingram Micro InvoiceAPI v5 "Hold Reason Codes" (the `holdreason` field of an open order).
// Several codes share one documented meaning and therefore one enum value.
import type { HoldReason } from "../../__generated__/resolvers-types.js";
import { CodeTable, type CodeRow, type KnownValue } from "./code-table.js";

export const INGRAM_HOLD_REASON_ROWS = [
  // The documented code is literally blank: the order is not on hold.
  { code: "", value: "NO_HOLD", description: "No hold" },
  { code: "AC", value: "ADJUSTED_COST", description: "Adjusted cost hold" },
  { code: "BA", value: "BAD_ADDRESS", description: "Bad address hold" },
  { code: "BL", value: "SPECIAL_BID", description: "Special bid hold" },
  { code: "BO", value: "BILL_ONLY", description: "Bill only hold" },
  { code: "C3", value: "CREDIT_HOLD", description: "Credit hold" },
  { code: "C4", value: "CREDIT_HOLD", description: "Credit hold" },
  { code: "C5", value: "CREDIT_HOLD", description: "Credit hold" },
  { code: "C8", value: "CREDIT_HOLD", description: "Credit hold" },
  { code: "CC", value: "CREDIT_CARD", description: "Credit card hold" },
  { code: "CH", value: "CREDIT_CHECK", description: "Credit check hold" },
  { code: "CL", value: "CREDIT_CHECK", description: "Credit check hold" },
  { code: "EA", value: "ACOP", description: "ACOP hold" },
  { code: "EH", value: "ACOP", description: "ACOP hold" },
  { code: "ER", value: "FINAL_REVIEW", description: "Final review hold" },
  { code: "ES", value: "END_USER_REJECTED_OR_MISSING", description: "End-user rejected/missing" },
  { code: "EU", value: "END_USER_DATA_MISSING", description: "End-user data missing" },
  { code: "EX", value: "EXPORT", description: "Export hold" },
  { code: "FL", value: "FLOORING", description: "Flooring hold" },
  { code: "GM", value: "MARGIN", description: "Margin hold" },
  { code: "IC", value: "ALL_ORDERS_ON_HOLD", description: "All orders set to hold (customer setting)" },
  { code: "IM", value: "CUSTOMER_HOLD", description: "Customer hold" },
  { code: "IN", value: "FULFILMENT_VALUE", description: "Fulfilment (dropship) value hold" },
  { code: "LM", value: "MARGIN", description: "Margin hold" },
  { code: "LT", value: "MARGIN", description: "Margin hold" },
  { code: "MN", value: "PRICING", description: "Pricing hold" },
  { code: "PC", value: "CREDIT_CHECK", description: "Credit check hold" },
  { code: "PD", value: "CREDIT_CHECK", description: "Credit check hold" },
  { code: "R1", value: "EXPORT", description: "Export hold" },
  { code: "RP", value: "EXPORT", description: "Export hold" },
  { code: "S2", value: "COMBINED_MINIMUM_FEE_AND_PRICE_CHANGE", description: "Combined SM/SP hold" },
  { code: "SB", value: "SPECIAL_BID", description: "Special bid hold" },
  { code: "SE", value: "SPECIAL_PRODUCT", description: "Special product hold" },
  { code: "SF", value: "FREIGHT", description: "Freight hold" },
  { code: "SH", value: "SALES", description: "Sales hold" },
  { code: "SM", value: "WAIVE_MINIMUM_ORDER_FEE", description: "Waive minimum order fee hold" },
  { code: "SP", value: "PRICE_CHANGE", description: "Price change hold" },
  { code: "TV", value: "TRANSMIT_TO_VENDOR", description: "Transmit to vendor hold (awaiting a response)" },
  { code: "VO", value: "DELETED_ORDER", description: "Deleted order" },
  { code: "VR", value: "VENDOR_INFORMATION_MISSING", description: "Vendor required information missing" },
  { code: "WT", value: "WEIGHT", description: "Weight hold" },
  { code: "ZS", value: "IM_ONLINE_OFFLINE", description: "IM-Online offline hold" },
] as const satisfies readonly CodeRow<KnownValue<HoldReason>>[];

export const ingramHoldReasonTable = new CodeTable<HoldReason>({
  name: "ingram.holdReason",
  rows: INGRAM_HOLD_REASON_ROWS,
  // The wording the SDL documents for HoldReasonCode.description.
  unknownDescription: "Unknown hold reason code",
  caseInsensitive: true,
});
