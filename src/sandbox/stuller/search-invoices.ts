// The Stuller simulator's invoices for searching (sandbox/search-data.ts): 32 invoices over four
// months before `asOf`, numbered 76000001 … on purchase orders PO-ST001 …, dated 10:15 in
// Stuller's Central offset (the calendar day is the one written), each with one line, older
// ones partly paid (TotalDue 0: CLOSED). Stuller names no due date.
import { amountText, searchSchedule } from "../search-data.js";
import { num, wireDetail, wireInvoice, type WireInvoice } from "./wire.js";
import { addDays } from "../../domain/dates.js";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export function stullerSearchInvoices(asOf: string): WireInvoice[] {
  return searchSchedule("STULLER", asOf).map((spec) => {
    const total = amountText(spec.cents, false);
    return wireInvoice({
      OrderNumber: `88${pad(spec.index, 5)}`,
      InvoiceNumber: `7600${pad(spec.index, 4)}`,
      PurchaseOrderNumber: `PO-ST${pad(spec.index, 3)}`,
      Status: spec.settled ? "Closed" : "Shipped",
      InvoiceTotal: num(total),
      TotalDue: num(spec.settled ? "0.00" : total),
      SalesTax: num("0.00"),
      PostageAndHandling: num("0.00"),
      InvoiceDate: `${spec.date}T10:15:00.0000000-06:00`,
      OrderDate: `${addDays(spec.date, -3)}T08:00:00.0000000-06:00`,
      ShipMethod: "UPS Ground",
      InvoiceDetails: [
        wireDetail({ LineNumber: num("1"), ItemNumber: `SRCH:${spec.index}:P`, ItemDescription: "14K Sandbox Setting", ShipQuantity: num("1"), BackOrderedQuantity: num("0"), UnitPrice: num(total), LineTotal: num(total), UnitPriceUnitOfMeasure: "EA" }),
      ],
    });
  });
}
