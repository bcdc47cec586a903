// The US simulator's purchase orders. Amounts add up (lines + tax + charges = total) except
// where a case says otherwise; credit-memo signs are a guess (TD's are not published).
import { summary, type Elements, type InvoiceSpec } from "./invoice-xml.js";

export type SampleAnswer = { readonly invoices: readonly InvoiceSpec[] } | { readonly error: string };

/** The vendor document's three invoice errors, as `InvoiceResponse/ErrorReason`. */
export const NOT_FOUND_REASON = "POnumber not found";
export const NOT_INVOICED_REASON = "Order not invoiced yet";
export const ARCHIVED_REASON = "Invoice has been archived because its older than 540 days.";

// The vendor document's own ship-to and bill-to (documented shape: AddressName, Zip).
const TROY: Elements = [["AddressName", "TOY UNIVERSITY"], ["AddressLine1", "327 MSCX"], ["AddressLine2", "LAW DEPARTMENT"], ["City", "TROY"], ["State", "AL"], ["Zip", "36082"], ["Country", "US"]];
const LAUREL: Elements = [["AddressName1", "345678"], ["AddressName2", "Account Payable"], ["AddressLine1", "P.O. BOX 9999"], ["AddressLine2", "-"], ["City", "LAUREL"], ["State", "MS"], ["Zip", "39441"], ["Country", "US"]];
// The SDK's shape (AddressName1/AddressName2/ZipCode), with leading-zero ZIP codes.
const BOSTON: Elements = [["AddressName1", "NORTHWIND TRADING"], ["AddressName2", "ATTN: RECEIVING"], ["AddressLine1", "100 SUMMER ST"], ["AddressLine2", "FL 12"], ["City", "BOSTON"], ["State", "MA"], ["ZipCode", "02134"], ["Country", "US"]];
const NEWARK: Elements = [["AddressName1", "123696"], ["AddressName2", "NORTHWIND TRADING AP"], ["AddressLine1", "PO BOX 4410"], ["City", "NEWARK"], ["State", "NJ"], ["ZipCode", "07102"], ["Country", "US"]];

const NET30 = { discount: "0.00", discountDays: "0", netDays: "30", description: "NET 30 DAYS" };
const NET50 = { discount: "0.00", discountDays: "0", netDays: "50", description: "NET 50 DAYS" };
const DISCOUNT_2_10 = { discount: "2.00", discountDays: "10", netDays: "30", description: "2% 10 NET 30" };

const base = { shipTo: BOSTON, billTo: NEWARK, terms: NET30, shipMethod: ["FG", "FEDEX GROUND"] as const };

export const US_PURCHASE_ORDERS: ReadonlyMap<string, SampleAnswer> = new Map<string, SampleAnswer>([
  // Two invoices: the vendor document's sample (PO only on the parent), and a comma-money one.
  ["PO-1001", { invoices: [
    { number: "66999999", date: "2014-10-22", orderType: "1", shipTo: TROY, billTo: LAUREL, terms: NET50, shipMethod: ["FG", null], shipDate: "2014-10-22", reference: "52551356", tracking: ["040985939435315"],
      items: [{ line: "1", quantity: "1.0", unitPrice: "726.19", synnexPart: "LEN-10AKS01U00", manufacturerPart: "10AKS01U00", manufacturerSpelling: "correct", sku: "3733823", vendorNumber: "22498", upc: "888440754499", description: "Lenovo Special Bid Custom SKU Only", customerLine: "1", serials: ["1S10AKS01U00MJ01F84P"] }],
      summary: summary({ total: "726.19", tax: "0.0", weight: "26.00", boxes: "1" }) },
    { number: "67000001", purchaseOrder: "PO-1001", date: "2024-05-01", orderType: "1", shipTo: TROY, billTo: LAUREL, terms: NET30, shipMethod: ["FX", "FEDEX 2DAY"], shipDate: "2024-04-30", reference: "52551401", tracking: ["1Z999AA10123456784,1Z999AA10123456785"],
      items: [
        { line: "1", quantity: "1", unitPrice: "1,234.50", synnexPart: "HPE-P19766-B21", manufacturerPart: "P19766-B21", sku: "5940000", vendorNumber: "31077", vendorName: "HEWLETT PACKARD ENTERPRISE", upc: "190017338977", description: "HPE 2.4TB SAS 12G 10K SFF HDD", customerLine: "1", serials: ["SN: 0042ABC", "SN:0043ABC"] },
        { line: "2", quantity: "2", unitPrice: "10.10", synnexPart: "CAB-USBC-1M", manufacturerPart: "USBC-1M", sku: "7712001", description: "USB-C cable, 1 m <braided>", customerLine: "2" },
      ],
      summary: summary({ total: "1,355.97", tax: "86.27", freight: "15.00", weight: "4.50", boxes: "1", extra: [["Shipping", "15.00"]] }) },
  ] }],
  // One PO split into three invoices: one item, many items, and allowances.
  ["PO-1002", { invoices: [
    { ...base, number: "67100010", purchaseOrder: "PO-1002", date: "2024-06-03", orderType: "1", shipDate: "2024-06-02", reference: "52560010", tracking: ["1Z2220000000000001", "1Z2220000000000002"],
      items: [{ line: "1", lineAsElement: true, quantity: "5", unitPrice: "19.99", synnexPart: "LOG-910-005565", manufacturerPart: "910-005565", sku: "6012345", upc: "097855159349", description: "Logitech MX Master 3 mouse", customerLine: "1" }],
      summary: summary({ total: "99.95", tax: "0.00", weight: "2.00", boxes: "2" }) },
    { ...base, number: "67100011", purchaseOrder: "PO-1002", date: "2024-06-05", orderType: "1", terms: DISCOUNT_2_10, shipDate: "2024-06-04", reference: "52560011", comments: "Partial shipment 2 of 3", tracking: ["1Z3330000000000001, 1Z3330000000000002,1Z3330000000000001"],
      items: [
        { line: "1", quantity: "10", unitPrice: "3.25", synnexPart: "APC-PDU-C13", manufacturerPart: "AP9870", sku: "1100201", description: "APC power cord C13-C14 2 ft", customerLine: "3" },
        { line: "2", quantity: "1", unitPrice: "2,499.00", synnexPart: "CIS-C9300-24T", manufacturerPart: "C9300-24T-E", sku: "1100202", vendorName: "CISCO", description: "Catalyst 9300 24-port switch", customerLine: "4", serials: ["SN: 000123"] },
        { line: "3", quantity: "3", unitPrice: "0.99", synnexPart: "GEN-LBL-100", manufacturerPart: "LBL100", sku: "1100203", description: "Asset labels, pack of 100", customerLine: "5" },
        { line: "4", quantity: "1", unitPrice: "149.00", synnexPart: "SAM-MZ-V8V1T0", manufacturerPart: "MZ-V8V1T0B/AM", manufacturerSpelling: "correct", sku: "1100204", upc: "887276546425", description: "Samsung 980 1TB NVMe SSD", customerLine: "6", serials: ["S6B0NL0W123456"] },
      ],
      summary: summary({ total: "2,878.81", tax: "187.84", flag: ["AllowanceOrCharge", "C"], fees: { ProcessingFee: "5.00" }, weight: "31.20", boxes: "3", extra: [["RecyclingFee", "2.50"]] }) },
    { ...base, number: "67100012", purchaseOrder: "PO-1002", date: "2024-06-07", orderType: "1", shipDate: "2024-06-06", reference: "52560012", approvalNumber: "SPA-778812", tracking: ["1Z4440000000000001"],
      items: [{ line: "1", quantity: "2", unitPrice: "450.00", synnexPart: "DEL-P2723QE", manufacturerPart: "DELL-P2723QE", sku: "1100300", description: "Dell 27 4K USB-C hub monitor", customerLine: "7" }],
      summary: summary({ total: "865.00", tax: "0.00", flag: ["AllowanceORCharge", "A"], fees: { Rebate: "25.00", ExpenseTotal: "10.00" }, weight: "18.00", boxes: "2" }) },
  ] }],
  // A credit memo (order type 14).
  ["PO-1003", { invoices: [
    { ...base, number: "67200020", purchaseOrder: "PO-1003", date: "2024-07-15", orderType: "14", shipDate: "2024-07-15", reference: "CM-52570020", tracking: [],
      items: [{ line: "1", quantity: "1", unitPrice: "-249.99", synnexPart: "LEN-40AY0090US", manufacturerPart: "40AY0090US", sku: "3901122", description: "ThinkPad USB-C dock (returned)", customerLine: "1" }],
      summary: summary({ total: "-249.99", tax: "0.00", weight: "0", boxes: "0" }) },
  ] }],
  // Leading zeros everywhere: the PO, the invoice number, the ZIP, a serial; "10.10".
  ["00123", { invoices: [
    { ...base, number: "00123456", purchaseOrder: "00123", date: "2024-08-01", orderType: "10", shipDate: "2024-08-01", reference: "RMA-0042", tracking: ["1Z5550000000000001"],
      items: [{ line: "1", quantity: "3", unitPrice: "10.10", synnexPart: "KEN-K72337US", manufacturerPart: "K72337US", sku: "0004521", description: "Kensington lock", customerLine: "01", serials: ["SN: 0000789", "0000790", "SN: 0000791"] }],
      summary: summary({ total: "30.30", tax: "0.00", weight: "1.10", boxes: "1" }) },
  ] }],
  ["PO-RMA-11", { invoices: [
    { ...base, number: "67300030", purchaseOrder: "PO-RMA-11", date: "2024-09-10", orderType: "11", shipDate: "2024-09-09", reference: "RMA-52580030", tracking: ["1Z6660000000000001"],
      items: [{ line: "1", quantity: "1", unitPrice: "399.00", synnexPart: "HPI-6QN29A", manufacturerPart: "6QN29A", sku: "2233001", description: "HP Color LaserJet Pro (advanced swap)", serials: ["CNB1234567"] }],
      summary: summary({ total: "399.00", tax: "0.00", weight: "19.00", boxes: "1" }) },
  ] }],
  ["PO-RMA-16", { invoices: [
    { ...base, number: "67300031", purchaseOrder: "PO-RMA-16", date: "2024-09-12", orderType: "16", shipDate: "2024-09-12", reference: "RMA-52580031", tracking: [],
      items: [{ line: "1", quantity: "1", unitPrice: "59.00", synnexPart: "LOG-960-001105", manufacturerPart: "960-001105", sku: "2233002", description: "Logitech C920 webcam (RMA credit card)" }],
      summary: summary({ total: "59.00", tax: "0.00", weight: "0.50", boxes: "1" }) },
  ] }],
  // Freight listed in Freight and Shipping but discounted: not part of the total.
  ["PO-FREIGHT", { invoices: [
    { ...base, number: "67400040", purchaseOrder: "PO-FREIGHT", date: "2024-10-01", orderType: "1", shipDate: "2024-09-30", reference: "52590040", tracking: ["1Z7770000000000001"],
      items: [{ line: "1", quantity: "2", unitPrice: "50.00", synnexPart: "BEL-F3U133", manufacturerPart: "F3U133B10", sku: "4455001", description: "Belkin USB-A cable 3 m" }],
      summary: summary({ total: "100.00", tax: "0.00", freight: "42.90", weight: "0.80", boxes: "1", extra: [["Shipping", "42.90"]] }) },
  ] }],
  // A credit memo whose InternalReferenceNumber is the invoice it credits (67000001, PO-1001),
  // and an invoice with a zero-padded order type whose freight is billed as Shipping only.
  ["PO-1004", { invoices: [
    { ...base, number: "67200021", purchaseOrder: "PO-1004", date: "2024-07-20", orderType: "14", shipDate: "2024-07-20", reference: "67000001", comments: "Credit for returned cable", tracking: [],
      items: [{ line: "1", quantity: "1", unitPrice: "-10.10", synnexPart: "CAB-USBC-1M", manufacturerPart: "USBC-1M", sku: "7712001", description: "USB-C cable, 1 m (returned)", customerLine: "2" }],
      summary: summary({ total: "-10.76", tax: "-0.66", weight: "0.10", boxes: "1" }) },
    { ...base, number: "67000002", purchaseOrder: "PO-1004", date: "2024-02-20", orderType: "01", terms: { ...NET30, netDays: "10", description: "NET 10 DAYS" }, shipDate: "2024-02-19", reference: "52551402", tracking: ["1Z999AA10123456786"],
      items: [{ line: "1", quantity: "2", unitPrice: "50.00", synnexPart: "BEL-F3U133", manufacturerPart: "F3U133B10", sku: "4455001", description: "Belkin USB-A cable 3 m" }],
      summary: summary({ total: "120.00", tax: "8.00", weight: "0.80", boxes: "1", flag: ["AllowanceORCharge", "C"], extra: [["Shipping", "12.00"]] }) },
  ] }],
  ["PO-NOTFOUND", { error: NOT_FOUND_REASON }],
  ["PO-NOTINVOICED", { error: NOT_INVOICED_REASON }],
  ["PO-ARCHIVED", { error: ARCHIVED_REASON }],
]);
