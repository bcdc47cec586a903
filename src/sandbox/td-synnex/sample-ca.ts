// The Canadian simulator's purchase orders (amounts in CAD; Canadian postal codes).
import { summary, type Elements } from "./invoice-xml.js";
import { ARCHIVED_REASON, NOT_FOUND_REASON, NOT_INVOICED_REASON, type SampleAnswer } from "./sample-us.js";

const TORONTO: Elements = [["AddressName", "MAPLE SYSTEMS INC"], ["AddressLine1", "200 WELLINGTON ST W"], ["AddressLine2", "SUITE 300"], ["City", "TORONTO"], ["State", "ON"], ["Zip", "M5V 2T6"], ["Country", "CA"]];
const MISSISSAUGA: Elements = [["AddressName1", "770011"], ["AddressName2", "MAPLE SYSTEMS ACCOUNTS PAYABLE"], ["AddressLine1", "5800 HURONTARIO ST"], ["City", "MISSISSAUGA"], ["State", "ON"], ["Zip", "L5R 4B9"], ["Country", "CA"]];
const base = {
  shipTo: TORONTO,
  billTo: MISSISSAUGA,
  terms: { discount: "0.00", discountDays: "0", netDays: "30", description: "NET 30 DAYS" },
  shipMethod: ["PUR", "PUROLATOR GROUND"] as const,
};

export const CA_PURCHASE_ORDERS: ReadonlyMap<string, SampleAnswer> = new Map<string, SampleAnswer>([
  ["PO-CA-2001", { invoices: [
    { ...base, number: "68000001", purchaseOrder: "PO-CA-2001", date: "2024-05-20", orderType: "1", shipDate: "2024-05-19", reference: "CA-7700001", tracking: ["329012345678"],
      items: [{ line: "1", quantity: "2", unitPrice: "1,049.00", synnexPart: "LEN-21JK0056US", manufacturerPart: "21JK0056US", sku: "8800101", description: "ThinkPad T14 Gen 4", serials: ["SN: PF4ABCDE", "SN: PF4ABCDF"] }],
      summary: summary({ total: "2,370.74", tax: "272.74", weight: "4.40", boxes: "2" }) },
  ] }],
  ["PO-CA-2002", { invoices: [
    { ...base, number: "68000002", purchaseOrder: "PO-CA-2002", date: "2024-06-02", orderType: "14", shipDate: "2024-06-02", reference: "CA-CM-7700002", tracking: [],
      items: [{ line: "1", quantity: "1", unitPrice: "-99.00", synnexPart: "LOG-920-009295", manufacturerPart: "920-009295", sku: "8800102", description: "Logitech MX Keys (credit)" }],
      summary: summary({ total: "-99.00", tax: "0.00", weight: "0", boxes: "0" }) },
  ] }],
  ["PO-NOTFOUND", { error: NOT_FOUND_REASON }],
  ["PO-NOTINVOICED", { error: NOT_INVOICED_REASON }],
  ["PO-ARCHIVED", { error: ARCHIVED_REASON }],
]);
