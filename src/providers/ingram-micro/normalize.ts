// Ingram Micro v5 invoice detail → InvoiceModel. Pure: no I/O, no clock.
//
// Decisions, each with its reason:
// - number and ref are the invoice number the v5 detail path takes (hyphenated, e.g.
//   20-12345-11), so an id always resolves with one detail call and `invoice(number:)` gives
//   back the number asked for. The body's own `invoicenumber` goes to referenceNumber only
//   when it differs (the vendor sample sends "12345-11" for 20-12345-11).
// - A credit memo is recognized by a credit memo reason code, an `invoicetype` naming a
//   credit, or a negative total (Ingram sends credit memos with negative amounts, and an
//   invoice is never negative). Amounts keep the sign Ingram gives.
// - documentType's raw code is `invoicetype` when sent, "" otherwise (v5 has no other
//   document-type field; the model has no room for "no code").
// - orderstatus: absent → no order status; null or blank → the blank code (In progress/Open
//   order), as Ingram writes "no value" as null in its samples.
// - name1 is the address name; name2 (Ingram's second 35-character name line) is kept as the
//   first address line, where it is printed on a label; attention has a field of its own.
// - customerfreightamount is `freight` (the invoice-currency amount; the foreign freight
//   amount is left out), discountamount is `discount` as sent.
// - miscfeeline → charges: a freight-like code or description is FREIGHT, anything else OTHER.
import { creditMemoReasonCode, holdReasonCode, ingramOrderStatusTable } from "../../domain/code-tables/index.js";
import type { DecimalString } from "../../domain/decimal.js";
import { addressModel, invoiceModel, lineModel } from "../../domain/factories.js";
import type { AddressModel, AttributeModel, ChargeModel, CodedValue, InvoiceModel, LineModel, MoneyModel } from "../../domain/models.js";
import type { DocumentType } from "../../__generated__/resolvers-types.js";
import type { AddressDto, InvoiceDetailDto, InvoiceLineDto } from "./schemas.js";

const FREIGHT_LIKE = /\b(FREIGHT|FRT|FRGT|SHIPPING|POSTAGE|CARRIAGE|DELIVERY)\b/i;

export function normalizeInvoice(number: string, dto: InvoiceDetailDto): InvoiceModel {
  // The schema guarantees one of the two.
  const currency = dto.currencycode ?? dto.companycurrency ?? "";
  const money = (amount: DecimalString | null): MoneyModel | null => (amount === null ? null : { amount, currency });
  const creditMemoReason = creditMemoReasonCode(dto.creditmemoreasoncode);
  const isCreditMemo = creditMemoReason !== null || /credit/i.test(dto.invoicetype ?? "") || dto.totalamount.startsWith("-");

  return invoiceModel("INGRAM_MICRO", { ref: number, number }, {
    purchaseOrderNumber: dto.customerordernumber,
    orderNumber: dto.globalorderid,
    endUserOrderNumber: dto.enduserponumber,
    referenceNumber: dto.invoicenumber !== null && dto.invoicenumber.toUpperCase() !== number ? dto.invoicenumber : null,
    documentType: documentType(isCreditMemo, dto.invoicetype),
    orderStatus: dto.orderstatus === undefined ? null : ingramOrderStatusTable.translate(dto.orderstatus ?? ""),
    holdReason: holdReasonCode(dto.holdreason),
    creditMemoReason,
    invoiceDate: dto.invoicedate,
    orderDate: dto.orderdate,
    shipDate: dto.shipdate,
    currency,
    companyCurrency: dto.companycurrency,
    exchangeRate: dto.currencyrate,
    subtotal: money(dto.totalsales),
    tax: money(dto.totaltaxamount),
    freight: money(dto.customerfreightamount),
    discount: money(dto.discountamount),
    total: money(dto.totalamount),
    terms: dto.paymentterms === null ? null : { type: null, typeCode: dto.paymentterms, description: null, netDays: null, dueDate: null, discountPercent: null, discountDays: null, discountDueDate: null },
    billTo: address(dto.billto, dto.billtosuffix),
    shipTo: address(dto.shiptoaddress, dto.shiptosuffix),
    soldTo: address(dto.soldto, null),
    carrier:
      dto.carrier === null && dto.carrierdescription === null
        ? null
        : { code: dto.carrier, name: dto.carrierdescription, serviceCode: null, serviceName: null, accountNumber: null, trackingUrl: null },
    weight: dto.weight,
    lines: dto.lines.map((line) => normalizeLine(line, money)),
    charges: dto.miscfeeline.map((fee): ChargeModel => ({
      kind: FREIGHT_LIKE.test(`${fee.code ?? ""} ${fee.description ?? ""}`) ? "FREIGHT" : "OTHER",
      code: fee.code,
      description: fee.description,
      amount: { amount: fee.chargeamount, currency },
    })),
    attributes: attributes(dto.extendedspecs),
  });
}

function documentType(isCreditMemo: boolean, invoiceType: string | null): CodedValue<DocumentType> {
  return isCreditMemo
    ? { value: "CREDIT_MEMO", code: invoiceType ?? "", description: "Credit memo" }
    : { value: "INVOICE", code: invoiceType ?? "", description: "Invoice" };
}

function normalizeLine(line: InvoiceLineDto, money: (amount: DecimalString | null) => MoneyModel | null): LineModel {
  return lineModel({
    number: line.linenumber,
    customerLineNumber: line.globallinenumber,
    partNumber: line.partnumber,
    manufacturerPartNumber: line.vendorpartnumber,
    description: line.partdescription,
    quantityOrdered: line.orderedquantity,
    quantityShipped: line.shippedquantity,
    quantityBackordered: line.backorderquantity,
    backorderEta: line.backorderetadate,
    unitPrice: money(line.unitprice),
    extendedPrice: money(line.extendedprice),
    unitOfMeasure: line.unitofmeasure,
    warehouse: line.shipfrombranch,
    // Text exactly as sent: leading zeros are part of a serial number.
    serialNumbers: line.serialnumberdetails.flatMap((s) => (s.serialnumber === null ? [] : [{ value: s.serialnumber }])),
    trackingNumbers: line.trackingnumberdetails.flatMap((t) => (t.trackingnumber === null ? [] : [t.trackingnumber])),
    attributes: attributes(line.productextendedspecs),
  });
}

function address(dto: AddressDto | null | undefined, accountNumber: string | null): AddressModel | null {
  if (dto === null || dto === undefined) return null;
  return addressModel({
    name: dto.name1,
    attention: dto.attention,
    lines: [dto.name2, dto.addressline1, dto.addressline2, dto.addressline3].filter((l): l is string => l !== null),
    city: dto.city,
    region: dto.state,
    postalCode: dto.postalcode,
    country: dto.countrycode,
    phone: dto.phonenumber,
    email: dto.email,
    accountNumber,
  });
}

function attributes(specs: ReadonlyArray<{ attributename: string | null; attributevalue: string | null }>): AttributeModel[] {
  return specs.flatMap((spec) => (spec.attributename === null ? [] : [{ name: spec.attributename, value: spec.attributevalue }]));
}
