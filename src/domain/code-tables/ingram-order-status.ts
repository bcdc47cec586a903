// Ingram Micro InvoiceAPI v5 "Order Status Codes" (the `orderstatus` field).
import type { OrderStatus } from "../../__generated__/resolvers-types.js";
import { CodeTable, type CodeRow, type KnownValue } from "./code-table.js";

export const INGRAM_ORDER_STATUS_ROWS = [
  // The documented code is literally blank.
  { code: "", value: "IN_PROGRESS", description: "In progress/Open order" },
  { code: "C", value: "CREDIT_HOLD", description: "Credit hold" },
  { code: "D", value: "SHIPMENT_HOLD", description: "Shipment hold" },
  { code: "E", value: "BILLING_ERROR", description: "Billing error" },
  { code: "F", value: "INVOICED", description: "Invoiced" },
  // The vendor row reads "I or B": two codes with one meaning.
  { code: "I", value: "BILLED", description: "Billed" },
  { code: "B", value: "BILLED", description: "Billed" },
  { code: "O", value: "ECOMMERCE_HOLD", description: "Ecommerce Hold" },
  { code: "R", value: "RELEASED_TO_WAREHOUSE", description: "Released to the warehouse management system" },
  { code: "P", value: "PAID", description: "Paid" },
  { code: "S", value: "SALES_HOLD", description: "Sales Hold" },
  { code: "V", value: "DELETED", description: "Deleted order" },
  { code: "W", value: "NOT_RELEASED_TO_WAREHOUSE", description: "Order not released to the warehouse management system" },
] as const satisfies readonly CodeRow<KnownValue<OrderStatus>>[];

export const ingramOrderStatusTable = new CodeTable<OrderStatus>({
  name: "ingram.orderStatus",
  rows: INGRAM_ORDER_STATUS_ROWS,
  unknownDescription: "Unknown order status code",
  caseInsensitive: true,
});
