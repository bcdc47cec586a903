// Ingram Micro v5 invoice detail → InvoiceModel. Pure: no I/O, no clock.
//
// Decisions, each with its reason (docs/field-coverage.md lists every field):
// - number and ref are the invoice number the v5 detail path takes (hyphenated, e.g.
//   20-12345-11), so an id always resolves with one detail call and `invoice(number:)` gives
//   back the number asked for. The body's own `invoicenumber` goes to referenceNumber only
//   when it differs (the vendor sample sends "12345-11" for 20-12345-11).
// - A credit memo is recognized by a credit memo reason code, an `invoicetype` naming a
//   credit, or a negative total (Ingram sends credit memos with negative amounts, and an
//   invoice is never negative). Amounts keep the sign Ingram gives. documentType's raw code is
//   `invoicetype`, null when Ingram sends none.
// - orderstatus: absent or null → no order status; blank → the documented blank code
//   (In progress/Open order). Null is "no value", not the blank code.
// - name1 is the address name; name2 (Ingram's second 35-character name line, such as
//   ACCOUNTS PAYABLE) is `attention`, as the other providers' second name lines are. When
//   Ingram also sends its own `attention`, both are kept: "name2 / attention".
// - Amounts (contract.md §1): subtotal = totalsales, tax = totaltaxamount, total = totalamount
//   ("gross invoice amount inclusive of tax"), discount = discountamount. Freight "usually
//   arrives as miscellaneous charge lines": `freight` is customerfreightamount when not zero,
//   else the FREIGHT fee lines; a non-zero header amount with no freight fee line becomes a
//   FREIGHT charge, so `charges` carry freight exactly once. total is checked against
//   totalsales − discount + tax + charges.
// - customerforeignfrightamt is the freight in the other of the two currencies (the invoice
//   and company currencies differ); which one Ingram does not say, so it is kept as sent, as
//   an attribute, and never turned into Money.
import { chargeTerms, freightAmount, hasFreightCharge, totalDiscrepancy, type AmountTerm } from "../../domain/amounts.js";
import { creditMemoReasonCode, holdReasonCode, ingramOrderStatusTable } from "../../domain/code-tables/index.js";
import { isZeroDecimal, negateDecimal, type DecimalString } from "../../domain/decimal.js";
import { addressModel, invoiceModel, lineModel } from "../../domain/factories.js";
import type { AddressModel, AttributeModel, ChargeModel, CodedValue, DiscrepancyModel, InvoiceModel, LineModel, MoneyModel } from "../../domain/models.js";
import type { ChargeKind, DocumentType } from "../../__generated__/resolvers-types.js";
import type { AddressDto, InvoiceDetailDto, InvoiceLineDto } from "./schemas.js";

/** Fee line kinds by code or description, first match wins; anything else is OTHER. */
const FEE_KINDS: ReadonlyArray<readonly [RegExp, ChargeKind]> = [
  [/RECYCL|\bWEEE\b|ENVIRONMENTAL FEE/i, "RECYCLING_FEE"],
  [/\bMIN(?:IMUM|\.)? ?ORDER\b/i, "MINIMUM_ORDER_FEE"],
  [/\b(FREIGHT|FRT|FRGT|SHIPPING|POSTAGE|CARRIAGE|DELIVERY)\b/i, "FREIGHT"],
];

/** Header fields with no field of their own, kept under Ingram's names. */
const HEADER_ATTRIBUTES = ["shipcomplete", "freightforwardercode", "fulfillmentflag", "shippableswitch", "ordertype", "taxtype"] as const;
const HEADER_AMOUNT_ATTRIBUTES = ["customerforeignfrightamt", "freightamount", "totalotherfees"] as const;

export function normalizeInvoice(number: string, dto: InvoiceDetailDto): InvoiceModel {
  // The schema guarantees one of the two.
  const currency = dto.currencycode ?? dto.companycurrency ?? "";
  const money = (amount: DecimalString | null): MoneyModel | null => (amount === null ? null : { amount, currency });
  const creditMemoReason = creditMemoReasonCode(dto.creditmemoreasoncode);
  const isCreditMemo = creditMemoReason !== null || /credit/i.test(dto.invoicetype ?? "") || dto.totalamount.startsWith("-");
  const charges = chargesOf(dto, currency);

  return invoiceModel("INGRAM_MICRO", { ref: number, number }, {
    purchaseOrderNumber: dto.customerordernumber,
    orderNumber: dto.globalorderid,
    endUserOrderNumber: dto.enduserponumber,
    referenceNumber: dto.invoicenumber !== null && dto.invoicenumber.toUpperCase() !== number ? dto.invoicenumber : null,
    originalDocumentNumber: dto.originalshipcode,
    documentType: documentType(isCreditMemo, dto.invoicetype),
    orderStatus: dto.orderstatus === undefined || dto.orderstatus === null ? null : ingramOrderStatusTable.translate(dto.orderstatus),
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
    freight: money(freightAmount(dto.customerfreightamount, charges)),
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
    charges,
    attributes: [...headerAttributes(dto), ...attributes(dto.extendedspecs)],
    discrepancies: totalCheck(dto, charges),
  });
}

function documentType(isCreditMemo: boolean, invoiceType: string | null): CodedValue<DocumentType> {
  return isCreditMemo
    ? { value: "CREDIT_MEMO", code: invoiceType, description: "Credit memo" }
    : { value: "INVOICE", code: invoiceType, description: "Invoice" };
}

/** The fee lines, plus the header freight when no fee line carries freight. */
function chargesOf(dto: InvoiceDetailDto, currency: string): ChargeModel[] {
  const fees = dto.miscfeeline.map((fee): ChargeModel => {
    const label = `${fee.code ?? ""} ${fee.description ?? ""}`;
    return { kind: FEE_KINDS.find(([pattern]) => pattern.test(label))?.[1] ?? "OTHER", code: fee.code, description: fee.description, amount: { amount: fee.chargeamount, currency } };
  });
  const header = dto.customerfreightamount;
  if (header === null || isZeroDecimal(header) || hasFreightCharge(fees)) return fees;
  return [...fees, { kind: "FREIGHT", code: "customerfreightamount", description: "Freight (invoice header)", amount: { amount: header, currency } }];
}

/** totalamount = totalsales − discountamount + totaltaxamount + charges, where Ingram sent the parts. */
function totalCheck(dto: InvoiceDetailDto, charges: readonly ChargeModel[]): DiscrepancyModel[] {
  if (dto.totalsales === null || dto.totaltaxamount === null) return [];
  const terms: AmountTerm[] = [{ name: "totalsales", amount: dto.totalsales }];
  if (dto.discountamount !== null && !isZeroDecimal(dto.discountamount)) terms.push({ name: "discount", amount: negateDecimal(dto.discountamount) });
  terms.push({ name: "totaltaxamount", amount: dto.totaltaxamount }, ...chargeTerms(charges));
  return totalDiscrepancy("Ingram Micro totalamount", dto.totalamount, terms);
}

function headerAttributes(dto: InvoiceDetailDto): AttributeModel[] {
  const named: Array<readonly [string, string | null]> = [
    ...HEADER_ATTRIBUTES.map((name) => [name, dto[name]] as const),
    ...HEADER_AMOUNT_ATTRIBUTES.map((name) => [name, dto[name]] as const),
  ];
  return named.flatMap(([name, value]) => (value === null ? [] : [{ name, value }]));
}

function normalizeLine(line: InvoiceLineDto, money: (amount: DecimalString | null) => MoneyModel | null): LineModel {
  const extras: Array<readonly [string, string | null]> = [
    ["ordersuffix", line.ordersuffix],
    ["linetype", line.linetype],
    ["marginpercent", line.marginpercent],
    ["isacopapplied", line.isacopapplied],
  ];
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
    specialBidNumber: line.specialbidnumber,
    // Text exactly as sent: leading zeros are part of a serial number.
    serialNumbers: line.serialnumberdetails.flatMap(({ serialnumber: value, deliverynumber: deliveryNumber }) =>
      value === null ? [] : [deliveryNumber === null ? { value } : { value, deliveryNumber }],
    ),
    trackingNumbers: line.trackingnumberdetails.flatMap((t) => (t.trackingnumber === null ? [] : [t.trackingnumber])),
    attributes: [...extras.flatMap(([name, value]) => (value === null ? [] : [{ name, value }])), ...attributes(line.productextendedspecs)],
  });
}

function address(dto: AddressDto | null | undefined, accountNumber: string | null): AddressModel | null {
  if (dto === null || dto === undefined) return null;
  const attention = [dto.name2, dto.attention].filter((part): part is string => part !== null);
  return addressModel({
    name: dto.name1,
    attention: attention.length === 0 ? null : attention.join(" / "),
    lines: [dto.addressline1, dto.addressline2, dto.addressline3].filter((l): l is string => l !== null),
    city: dto.city,
    region: dto.state,
    postalCode: dto.postalcode,
    country: dto.countrycode,
    phone: dto.phonenumber,
    fax: dto.fax,
    email: dto.email,
    accountNumber,
  });
}

function attributes(specs: ReadonlyArray<{ attributename: string | null; attributevalue: string | null }>): AttributeModel[] {
  return specs.flatMap((spec) => (spec.attributename === null ? [] : [{ name: spec.attributename, value: spec.attributevalue }]));
}
