// The Ingram Micro simulator's invoices for searching (sandbox/search-data.ts): 40 invoices over
// four months before `asOf`, numbered 30-SR001-11 … 30-SR040-11 on purchase orders PO-S001 …,
// each with a line and a serial number (so a search that selects lines has a detail to fetch),
// some in EUR, every ninth a credit memo, older ones partly paid. The v6 search derives their
// rows from the details (wire.ts searchRow): due 30 days after the invoice date.
import { amountText, searchSchedule } from "../search-data.js";
import type { SimulatedInvoice } from "./invoices.js";
import { addDays } from "../../domain/dates.js";

const pad = (n: number) => String(n).padStart(3, "0");

export function ingramSearchInvoices(asOf: string): SimulatedInvoice[] {
  return searchSchedule("INGRAM_MICRO", asOf).map((spec): SimulatedInvoice => {
    const number = `30-SR${pad(spec.index)}-11`;
    const purchaseOrder = `PO-S${pad(spec.index)}`;
    const amount = amountText(spec.cents, spec.credit);
    const currency = spec.index % 4 === 0 ? "EUR" : "USD";
    return {
      number,
      purchaseOrder,
      detail: {
        invoicenumber: number, invoicedate: spec.date, customerordernumber: purchaseOrder, globalorderid: number,
        orderdate: addDays(spec.date, -2), shipdate: spec.date,
        orderstatus: spec.settled ? "P" : spec.credit ? "F" : "I", holdreason: null, creditmemoreasoncode: spec.credit ? "RF" : null,
        paymentterms: "030", companycurrency: "USD", currencycode: currency, currencyrate: currency === "USD" ? "1.000000" : "0.921400",
        totalsales: amount, customerfreightamount: "0.00", discountamount: "0.00", totaltaxamount: "0.00", totalamount: amount,
        billtosuffix: "000", billto: { name1: "CONTOSO SYSTEMS INC", addressline1: "1200 MARKET ST", city: "SANTA ANA", state: "CA", postalcode: "92705", countrycode: "US" },
        lines: [
          {
            linenumber: "1", partnumber: `S${pad(spec.index)}100`, vendorpartnumber: `MPN-${pad(spec.index)}`, partdescription: "SANDBOX SEARCH ITEM",
            shipfrombranch: "40", orderedquantity: "1", shippedquantity: "1", backorderquantity: "0", unitprice: amount, extendedprice: amount, unitofmeasure: "EA",
            serialnumberdetails: [{ serialnumber: `00SR${pad(spec.index)}` }],
          },
        ],
      },
    };
  });
}
