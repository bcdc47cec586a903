// The simulator's named invoices, in Ingram Micro's v5 wire format: lower-case keys, money and
// quantities as strings, explicit nulls. They cover the vendor's five "Recommended Tests"
// (open order, invoiced order, open credit memo, invoiced credit memo; an unknown number is
// the fifth) on the sandbox purchase orders PO-1001, PO-1002 and PO-1003. 20-12345-11 is the
// vendor's own sample response, typos included; 20-12345-12 uses the other spelled-wrong keys.

export interface SimulatedInvoice {
  /** The hyphenated number the v5 detail path takes (v6 search: `erpOrderNumber`). */
  readonly number: string;
  readonly purchaseOrder: string;
  /** The vendor sample's misspelled envelope (`servicerresponse`, `responsesstatus`). */
  readonly typoEnvelope?: boolean;
  /** Older than the nine months v5 keeps: the search lists it, the detail says not found. */
  readonly archived?: boolean;
  /** The v6 search row's fields that differ from what the simulator derives from `detail`. */
  readonly searchRow?: Readonly<Record<string, unknown>>;
  /** The `invoicedetailresponse` object as sent. */
  readonly detail: Readonly<Record<string, unknown>>;
}

const serials = (...values: string[]) => values.map((serialnumber) => ({ serialnumber }));
const tracking = (...values: string[]) => values.map((trackingnumber) => ({ trackingnumber }));
const specs = (...pairs: Array<[string, string]>) => pairs.map(([attributename, attributevalue]) => ({ attributename, attributevalue }));

/** The vendor's sample response body (ingram-micro-invoice-api-v5.txt), made valid JSON. */
export const VENDOR_SAMPLE_DETAIL: Readonly<Record<string, unknown>> = {
  invoicenum: "12345-11",
  invoicedate: "2020-12-10",
  customerordernumber: "PON123456",
  customerfreightamount: "0.00",
  customerforeignfrightamt: "0.00",
  totaltaxamount: "900.00",
  totalamount: "5400.00",
  shiptosuffix: null,
  billtosuffix: "000",
  billto: { name1: "VIHU LTD", addressline1: "INNOVATION HOUSE", addressline2: "96 HIGH ST", addressline3: "BARNHAM", city: "THORRINGTON", postalcode: "CO7 4GY" },
  paymentterms: "300",
  orderdate: "2020-12-02",
  carrier: "FN",
  carrierdescription: "NEXT DAY PARCELFORCE",
  discountamount: "0.00",
  enduserponumber: null,
  freightforwardercode: null,
  creditmemoreasoncode: null,
  holdreason: null,
  shipcomplete: null,
  shipdate: "2020-12-01",
  companycurrency: "GBP",
  currencycode: "GBP",
  currencyrate: "1.000000",
  globalorderid: "20-12345-11",
  originalshipcode: null,
  orderstatus: "B",
  shiptoaddress: { attention: "JAMES EDWARDS", name1: "97 PETWORTH ROAD", addressline1: "RAINFORD", city: "DUNSTER", postalcode: "TA24 1JQ" },
  totalsales: "4500.00",
  weight: "13.00",
  lines: [
    {
      linenumber: "1",
      globallinenumber: "0",
      partnumber: "5234585",
      vendorpartnumber: "MJJY-87654",
      partdescription: "MYTECH 665B DIGITAL CAMERA 110MP",
      shipfrombranch: "20",
      shippedquantity: "6",
      orderedquantity: "6",
      backorderquantity: "0",
      extendedprice: "4500.00",
      specialbidnumber: null,
      ordersuffix: "11",
      unitprice: "750.00",
      unitofmeasure: "EA",
      serialnumberdetails: serials("0016083588", "0268852524", "0197009077", "0501024596", "0241830403", "0453527854"),
      trackingnumberdetails: tracking("PBVS0043876860", "PBVS0043876861", "PBVS0043876862", "PBVS0043876863", "PBVS0043876864", "PBVS0043876865"),
    },
  ],
};

const usd = { companycurrency: "USD", currencycode: "USD", currencyrate: "1.000000" };
const usBillTo = { name1: "CONTOSO SYSTEMS INC", name2: "ACCOUNTS PAYABLE", addressline1: "1200 MARKET ST", city: "SANTA ANA", state: "CA", postalcode: "927051234", countrycode: "US" };

export const NAMED_INVOICES: readonly SimulatedInvoice[] = [
  // Invoiced order: the vendor sample, billed (order status B).
  { number: "20-12345-11", purchaseOrder: "PO-1001", typoEnvelope: true, detail: { ...VENDOR_SAMPLE_DETAIL, customerordernumber: "PO-1001" } },
  {
    // Second shipment of the same order, paid, invoiced in EUR by the GBP company, with fees.
    number: "20-12345-12",
    purchaseOrder: "PO-1001",
    detail: {
      invoicenumbr: "20-12345-12", invoicedate: "2020-12-14", customerordernumber: "PO-1001", globalorderid: "20-12345-12",
      enduserponumber: "NW-4471", paymentterms: "030", orderdate: "2020-12-02", shipdate: "2020-12-13", orderstatus: "P",
      holdreason: "", creditmemoreasoncode: null, carrier: "UP", carrierdescription: "UPS STANDARD",
      companycurrency: "GBP", currencycode: "EUR", currencyrate: "1.168200",
      totalsales: "879.80", customerfreightamount: "12.50", customerforeignfrightamt: "10.70", discountamount: "0.00", totaltaxamount: "178.53", totalamount: "1071.18",
      weight: "2.40", shiptosuffix: "001", billtosuffix: "000", fulfillmentflag: "N", taxtype: "VAT", ordertype: "S",
      billto: { name1: "VIHU LTD", name2: "ACCOUNTS PAYABLE", addressline1: "INNOVATION HOUSE", city: "THORRINGTON", postalcode: "CO7 4GY", countrycode: "GB" },
      shoptoaddress: { name1: "VIHU EUROPE BV", attention: "M. DE VRIES", addressline1: "KEIZERSGRACHT 12", city: "AMSTERDAM", postalcode: "1015 CX", countrycode: "NL" },
      extendedspecs: specs(["ENDUSERNAME", "NORTHWIND TRADERS"], ["CONTRACTID", "00012877"]),
      miscfeeline: [
        { code: "FRT", description: "FREIGHT CHARGE", chargeamount: "12.50" },
        { code: "RCY", description: "WEEE RECYCLING FEE", chargeamount: "0.35" },
      ],
      lines: [
        {
          linenumber: "1", globallinenumber: "1", partnumber: "7311124", vendorpartnumber: "P19766-B21", partdescription: "HPE 32GB DDR4 RDIMM",
          shipfrombranch: "85", orderedquantity: "4", shippedquantity: "4", backorderquantity: "0", unitprice: "219.95", extendedprice: "879.80",
          unitofmeasure: "EA", ordersuffix: "12", specialbidnumber: "SB-20-5511", marginpercent: "7.5",
          serialnumberdetails: serials("0000481516", "0000234200", "MXQ0345JZ1", "0009999001"),
          trackingnumberdetails: tracking("1Z0000AA0000000001"),
          productextendedspecs: specs(["CAPACITY", "32GB"], ["FORMFACTOR", "RDIMM"]),
        },
        { linenumber: "895", linetype: "N", partdescription: "FREE FREIGHT", shippedquantity: "0", orderedquantity: "0", unitprice: "0.00", extendedprice: "0.00" },
      ],
    },
  },
  {
    // Released to the warehouse, partly back-ordered, with a discount.
    number: "20-12345-13",
    purchaseOrder: "PO-1001",
    detail: {
      invoicenumber: "20-12345-13", invoicedate: null, customerordernumber: "PO-1001", globalorderid: "20-12345-13", paymentterms: "300",
      orderdate: "2020-12-02", shipdate: null, orderstatus: "R", holdreason: null, creditmemoreasoncode: null, carrier: "FN", carrierdescription: "NEXT DAY PARCELFORCE",
      companycurrency: "GBP", currencycode: "GBP", currencyrate: "1.000000",
      totalsales: "960.00", customerfreightamount: "0.00", discountamount: "25.00", totaltaxamount: "187.00", totalamount: "1122.00", weight: "8.50",
      billtosuffix: "000", billto: VENDOR_SAMPLE_DETAIL["billto"],
      lines: [
        {
          linenumber: "1", globallinenumber: "2", partnumber: "6612093", vendorpartnumber: "UX-4420", partdescription: "DOCKING STATION USB-C",
          shipfrombranch: "20", orderedquantity: "10", shippedquantity: "6", backorderquantity: "4", backorderetadate: "2021-01-15",
          unitprice: "160.00", extendedprice: "960.00", unitofmeasure: "EA", ordersuffix: "13",
        },
      ],
    },
  },
  {
    // Open order on credit hold: order status blank, hold reason C3.
    number: "20-RCW67-11",
    purchaseOrder: "PO-1002",
    detail: {
      invoicenumber: "20-RCW67-11", invoicedate: null, customerordernumber: "PO-1002", globalorderid: "20-RCW67-11", enduserponumber: "EU-77120",
      paymentterms: "030", orderdate: "2025-11-02", shipdate: null, orderstatus: "", holdreason: "C3", creditmemoreasoncode: null,
      carrier: "FG", carrierdescription: "FEDEX GROUND", ...usd,
      totalsales: "1200.00", customerfreightamount: "0.00", discountamount: "0.00", totaltaxamount: "99.00", totalamount: "1299.00", weight: "3.10",
      billtosuffix: "000", shiptosuffix: "200", billto: usBillTo,
      shiptoaddress: { name1: "CONTOSO WAREHOUSE", attention: "RECEIVING", addressline1: "88 DOCK RD", city: "ONTARIO", state: "CA", postalcode: "91761", countrycode: "US" },
      lines: [
        {
          linenumber: "1", globallinenumber: "1", partnumber: "4QT812", vendorpartnumber: "21HM0041US", partdescription: "LENOVO THINKPAD X1 CARBON G12",
          shipfrombranch: "40", orderedquantity: "1", shippedquantity: "0", backorderquantity: "1", backorderetadate: "2025-11-20",
          unitprice: "1200.00", extendedprice: "1200.00", unitofmeasure: "EA", ordersuffix: "11",
        },
      ],
    },
  },
  {
    // Open credit memo: not invoiced yet (order status blank), refusal return.
    number: "20-CM772-11",
    purchaseOrder: "PO-1003",
    detail: {
      invoicenumber: "20-CM772-11", invoicedate: null, customerordernumber: "PO-1003", globalorderid: "20-CM772-11", paymentterms: "030",
      orderdate: "2025-10-20", orderstatus: "", holdreason: null, creditmemoreasoncode: "RF", ...usd,
      totalsales: "-82.50", customerfreightamount: "0.00", discountamount: "0.00", totaltaxamount: "-7.00", totalamount: "-89.50",
      billtosuffix: "000", billto: usBillTo,
      lines: [{ linenumber: "1", partnumber: "2231876", vendorpartnumber: "910-005620", partdescription: "LOGITECH MX KEYS", shipfrombranch: "40", orderedquantity: "1", shippedquantity: "1", unitprice: "-82.50", extendedprice: "-82.50", unitofmeasure: "EA" }],
    },
  },
  {
    // Invoiced credit memo: defective unit returned, with its serial number.
    number: "20-CM881-11",
    purchaseOrder: "PO-1003",
    detail: {
      invoicenumber: "20-CM881-11", invoicedate: "2025-10-15", customerordernumber: "PO-1003", globalorderid: "20-CM881-11", paymentterms: "030",
      orderdate: "2025-10-09", orderstatus: "F", holdreason: null, creditmemoreasoncode: "DF", ...usd,
      totalsales: "-231.47", customerfreightamount: "0.00", discountamount: "0.00", totaltaxamount: "-18.52", totalamount: "-249.99",
      billtosuffix: "000", billto: usBillTo,
      lines: [
        {
          linenumber: "1", partnumber: "9Z8812", vendorpartnumber: "LS27C330GAUXEN", partdescription: "SAMSUNG 27IN MONITOR", shipfrombranch: "40",
          orderedquantity: "1", shippedquantity: "1", unitprice: "-231.47", extendedprice: "-231.47", unitofmeasure: "EA",
          serialnumberdetails: serials("00S27R350FHU0X4"),
        },
      ],
    },
  },
];

/**
 * PO-1004: what the v5 detail alone would lose. A rebill credit memo whose `originalshipcode`
 * is the invoice 20-12345-12 (PO-1001), with a special-bid line and the header flags; an
 * invoice whose freight comes only as a FRT fee line (header freight 0.00); and an invoice
 * older than the nine months v5 keeps, which only the v6 search still lists.
 */
export const PO_1004_INVOICES: readonly SimulatedInvoice[] = [
  {
    number: "20-CM990-11",
    purchaseOrder: "PO-1004",
    detail: {
      customernumber: "20-123456", invoicenumber: "20-CM990-11", invoicedate: "2025-11-20", customerordernumber: "PO-1004", globalorderid: "20-CM990-11",
      paymentterms: "030", orderdate: "2025-11-18", shipdate: null, orderstatus: "F", holdreason: null, creditmemoreasoncode: "RB",
      originalshipcode: "20-12345-12", shipcomplete: "Y", freightforwardercode: "FF07", ordertype: "C", carrier: "FG", carrierdescription: "FEDEX GROUND", ...usd,
      totalsales: "-219.95", customerfreightamount: "0.00", customerforeignfrightamt: "0.00", discountamount: "0.00", totaltaxamount: "-43.99", totalamount: "-263.94",
      billtosuffix: "000", billto: { ...usBillTo, attention: "J. DOE", phonenumber: "7145550100", fax: "7145550199" },
      lines: [
        {
          linenumber: "1", globallinenumber: "1", linetype: "P", partnumber: "7311124", vendorpartnumber: "P19766-B21", partdescription: "HPE 32GB DDR4 RDIMM",
          shipfrombranch: "85", orderedquantity: "1", shippedquantity: "1", backorderquantity: "0", unitprice: "-219.95", extendedprice: "-219.95",
          unitofmeasure: "EA", ordersuffix: "12", specialbidnumber: "SB-20-5511", marginpercent: "7.5", isacopapplied: "N",
          serialnumberdetails: [{ serialnumber: "0000481516", deliverynumber: "8000123" }],
        },
      ],
    },
  },
  {
    number: "20-FRT44-11",
    purchaseOrder: "PO-1004",
    detail: {
      invoicenumber: "20-FRT44-11", invoicedate: "2025-11-12", customerordernumber: "PO-1004", globalorderid: "20-FRT44-11", paymentterms: "030",
      orderdate: "2025-11-10", shipdate: "2025-11-11", orderstatus: "I", holdreason: null, creditmemoreasoncode: null, ...usd,
      totalsales: "480.00", customerfreightamount: "0.00", customerforeignfrightamt: "0.00", discountamount: "0.00", totaltaxamount: "38.40", totalamount: "533.75",
      billtosuffix: "000", billto: usBillTo,
      miscfeeline: [
        { code: "FRT", description: "FREIGHT CHARGE", chargeamount: "15.00" },
        { code: "RCY", description: "WEEE RECYCLING FEE", chargeamount: "0.35" },
      ],
      lines: [
        { linenumber: "1", partnumber: "6612093", vendorpartnumber: "UX-4420", partdescription: "DOCKING STATION USB-C", shipfrombranch: "40", orderedquantity: "3", shippedquantity: "3", unitprice: "160.00", extendedprice: "480.00", unitofmeasure: "EA", ordersuffix: "11" },
      ],
    },
  },
  {
    number: "20-OLD77-11",
    purchaseOrder: "PO-1004",
    archived: true,
    detail: { invoicenumber: "20-OLD77-11", invoicedate: "2024-01-05", orderdate: "2024-01-02", orderstatus: "P", enduserponumber: "EU-1", totalamount: "1250.10", ...usd },
    searchRow: { specialBidNumbers: ["SB-20-1001"] },
  },
];
