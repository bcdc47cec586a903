// Generated invoices that carry every code of the vendor's tables at least once: every hold
// reason (on open orders `20-HLDnn-11`), every credit memo reason (`20-CMRnn-11`) and, across
// them and the named invoices, every order status. Each sits on its own purchase order
// (`PO-HLDnn`, `PO-CMRnn`) so the sandbox POs stay small. The code lists are copied from
// ingram-micro-invoice-api-v5.txt on purpose, not imported from the domain tables: a code the
// domain forgot must still reach the client.
import type { SimulatedInvoice } from "./invoices.js";

export const VENDOR_HOLD_REASON_CODES = [
  "AC", "BA", "BL", "BO", "C3", "C4", "C5", "C8", "CC", "CH", "CL", "EA", "EH", "ER", "ES", "EU", "EX", "FL", "GM", "IC", "IM", "IN",
  "LM", "LT", "MN", "PC", "PD", "R1", "RP", "S2", "SB", "SE", "SF", "SH", "SM", "SP", "TV", "VO", "VR", "WT", "ZS",
] as const;

export const VENDOR_CREDIT_MEMO_REASON_CODES = [
  "BB", "BO", "BS", "BU", "BW", "DF", "DI", "DM", "DO", "DS", "IN", "LQ", "LS", "NR", "OS", "RB", "RF", "RP", "RT", "SB", "SC", "SI",
  "SL", "SS", "VE", "WP", "WS", "WT", "WW",
] as const;

/** The documented order status codes; "" is the blank code (in progress / open order). */
export const VENDOR_ORDER_STATUS_CODES = ["", "C", "D", "E", "F", "I", "B", "O", "R", "P", "S", "V", "W"] as const;

// Statuses an order on hold can be in, cycled over the hold catalog (C, D, E, O, S, V, W are
// not on any named invoice).
const HOLD_STATUSES = ["", "C", "D", "E", "O", "S", "V", "W"] as const;
// A credit memo is open (blank) or invoiced/billed.
const CREDIT_MEMO_STATUSES = ["F", "", "I"] as const;

const pad = (n: number) => String(n).padStart(2, "0");

function catalogInvoice(number: string, purchaseOrder: string, fields: Record<string, unknown>, amount: string): SimulatedInvoice {
  return {
    number,
    purchaseOrder,
    detail: {
      invoicenumber: number, customerordernumber: purchaseOrder, globalorderid: number, invoicedate: null, orderdate: "2025-09-01",
      paymentterms: "030", companycurrency: "USD", currencycode: "USD", currencyrate: "1.000000", holdreason: null, creditmemoreasoncode: null,
      totalsales: amount, customerfreightamount: "0.00", discountamount: "0.00", totaltaxamount: "0.00", totalamount: amount,
      billtosuffix: "000", billto: { name1: "CONTOSO SYSTEMS INC", city: "SANTA ANA", state: "CA", postalcode: "92705", countrycode: "US" },
      lines: [{ linenumber: "1", partnumber: "1000001", partdescription: "CATALOG ITEM", shipfrombranch: "40", orderedquantity: "1", shippedquantity: "1", unitprice: amount, extendedprice: amount, unitofmeasure: "EA" }],
      ...fields,
    },
  };
}

export const CATALOG_INVOICES: readonly SimulatedInvoice[] = [
  ...VENDOR_HOLD_REASON_CODES.map((code, i) =>
    catalogInvoice(`20-HLD${pad(i + 1)}-11`, `PO-HLD${pad(i + 1)}`, { holdreason: code, orderstatus: HOLD_STATUSES[i % HOLD_STATUSES.length] }, "100.00"),
  ),
  ...VENDOR_CREDIT_MEMO_REASON_CODES.map((code, i) =>
    catalogInvoice(
      `20-CMR${pad(i + 1)}-11`,
      `PO-CMR${pad(i + 1)}`,
      { creditmemoreasoncode: code, orderstatus: CREDIT_MEMO_STATUSES[i % CREDIT_MEMO_STATUSES.length], invoicedate: "2025-09-15" },
      "-100.00",
    ),
  ),
];
