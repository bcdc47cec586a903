// Ingram Micro wire shapes (v5 invoice details, v6 invoice search) in zod. Keys are read
// tolerantly: every key is lower-cased and the documented misspellings are folded onto one
// name before zod sees the object (wire notes 1.7: `servicerresponse`, `responsesstatus`,
// `invoicenum`/`invoicenumbr`, `shoptoaddress`), so v5's lower case, v6's camelCase and
// PascalCase all parse. Every documented field is listed (docs/field-coverage.md says where
// each lands); undocumented ones are dropped. Money arrives as strings (sometimes numbers,
// kept as their source text by the client's lossless JSON) and becomes an exact
// DecimalString here; a malformed amount or date fails the invoice.
import { z } from "zod";
import { DateParseError, parseCalendarDay } from "../../domain/dates.js";
import { DecimalParseError, parseDecimal, type DecimalString } from "../../domain/decimal.js";

const ALIASES: Readonly<Record<string, string>> = {
  servicerresponse: "serviceresponse",
  responsesstatus: "responsestatus",
  invoicenum: "invoicenumber",
  invoicenumbr: "invoicenumber",
  shoptoaddress: "shiptoaddress",
  customerforeignfreightamt: "customerforeignfrightamt",
};
// Never copied: assigning "__proto__" on a plain object would replace its prototype.
const UNSAFE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);
const MAX_DEPTH = 32;

/** Lower-cases keys all the way down and folds known misspellings; the first non-null value of a name wins. */
export function canonicalKeys(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) return value.map((item) => canonicalKeys(item, depth + 1));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const lower = key.trim().toLowerCase();
    const name = ALIASES[lower] ?? lower;
    if (UNSAFE_KEYS.has(name) || (Object.hasOwn(out, name) && out[name] !== null)) continue;
    out[name] = canonicalKeys(inner, depth + 1);
  }
  return out;
}

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]).optional();

/** Text as sent; absent stays undefined (a blank code means something in Ingram's tables). */
const raw = scalar.transform((v) => (v === undefined ? undefined : v === null ? null : String(v)));
/** Trimmed text; blank or null is null. */
const text = scalar.transform((v) => (v === undefined || v === null || String(v).trim() === "" ? null : String(v).trim()));
/** A calendar day: `YYYY-MM-DD`, or the day of a date-time ("2024-03-05T00:00:00"); anything else fails the invoice. */
const date = text.transform((v, ctx): string | null => {
  if (v === null) return null;
  try {
    return parseCalendarDay(v);
  } catch (error) {
    if (!(error instanceof DateParseError)) throw error;
    ctx.addIssue({ code: "custom", message: "not a date" });
    return z.NEVER;
  }
});

const decimal = scalar.transform((v, ctx): DecimalString | null => {
  if (v === undefined || v === null || String(v).trim() === "") return null;
  try {
    return parseDecimal(String(v));
  } catch (error) {
    if (!(error instanceof DecimalParseError)) throw error;
    ctx.addIssue({ code: "custom", message: "not a decimal number" });
    return z.NEVER;
  }
});
const requiredDecimal = decimal.transform((v, ctx): DecimalString => {
  if (v !== null) return v;
  ctx.addIssue({ code: "custom", message: "required" });
  return z.NEVER;
});

/** An array; null or absent is empty, and a lone object is a list of one. */
function list<T extends z.ZodType>(item: T) {
  return z
    .union([z.array(item), item.transform((one) => [one])])
    .nullish()
    .transform((v) => v ?? []);
}

const attribute = z.object({ attributename: text, attributevalue: text });

const address = z
  .object({
    attention: text, name1: text, name2: text, addressline1: text, addressline2: text, addressline3: text,
    city: text, state: text, postalcode: text, countrycode: text, fax: text, phonenumber: text, email: text,
  })
  .nullish();

const line = z.object({
  linenumber: text, globallinenumber: text, linetype: text, partnumber: text, vendorpartnumber: text, partdescription: text,
  shipfrombranch: text, orderedquantity: decimal, shippedquantity: decimal, backorderquantity: decimal, backorderetadate: date,
  unitprice: decimal, extendedprice: decimal, unitofmeasure: text, specialbidnumber: text, ordersuffix: text,
  // Percent and a flag, kept as text: no arithmetic is done on them.
  marginpercent: text, isacopapplied: text,
  serialnumberdetails: list(z.object({ serialnumber: text, deliverynumber: text })),
  trackingnumberdetails: list(z.object({ trackingnumber: text })),
  productextendedspecs: list(attribute),
});

export const InvoiceDetail = z
  .object({
    customernumber: text,
    invoicenumber: text, invoicetype: text, customerordernumber: text, globalorderid: text, enduserponumber: text,
    invoicedate: date, orderdate: date, shipdate: date,
    orderstatus: raw, holdreason: raw, creditmemoreasoncode: raw,
    paymentterms: text, carrier: text, carrierdescription: text, taxtype: text,
    freightforwardercode: text, fulfillmentflag: text, shipcomplete: text, originalshipcode: text, ordertype: text, shippableswitch: text,
    companycurrency: text, currencycode: text, currencyrate: decimal,
    totalsales: decimal, totaltaxamount: decimal, customerfreightamount: decimal, discountamount: decimal, totalamount: requiredDecimal,
    customerforeignfrightamt: decimal, freightamount: decimal, totalotherfees: decimal,
    weight: decimal, billtosuffix: text, shiptosuffix: text,
    billto: address, shiptoaddress: address, soldto: address,
    lines: list(line),
    extendedspecs: list(attribute),
    miscfeeline: list(z.object({ code: text, description: text, chargeamount: requiredDecimal })),
  })
  .superRefine((dto, ctx) => {
    // Amounts without a currency cannot be reported as Money.
    if (dto.currencycode === null && dto.companycurrency === null) ctx.addIssue({ code: "custom", path: ["currencycode"], message: "required" });
  });

export type InvoiceDetailDto = z.infer<typeof InvoiceDetail>;
export type InvoiceLineDto = InvoiceDetailDto["lines"][number];
export type AddressDto = NonNullable<InvoiceDetailDto["billto"]>;

/** The v5 envelope; the detail itself is parsed separately so a bad detail names its field. */
export const DetailEnvelope = z.object({
  serviceresponse: z.object({
    responsepreamble: z.object({ responsestatus: text, statuscode: text, responsemessage: text }).nullish(),
    invoicedetailresponse: z.unknown().optional(),
  }),
});

const count = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]);

/** One row of the v6 invoice search: an invoice's header, its amounts as JSON numbers. */
export const SearchRow = z.object({
  invoicenumber: text, erpordernumber: text, customerordernumber: text, endcustomerordernumber: text, gstinvoicenumber: text,
  invoicestatus: text, invoicedate: date, invoiceduedate: date, paymenttermsduedate: date, ordercreatedate: date,
  invoicedamountdue: decimal, invoiceamountincltax: decimal, forgntotalamount: decimal,
  specialbidnumbers: list(text).transform((numbers) => numbers.filter((n): n is string => n !== null)),
  isfseccenabled: raw,
});

/** One page of the v6 invoice search. */
export const SearchPage = z.object({
  recordsfound: count,
  pagesize: count.nullish(),
  pagenumber: count.nullish(),
  // Read, never followed: it names parameters the endpoint does not have (wire notes 1.7 #5).
  nextpage: text,
  invoices: list(SearchRow),
});

export type SearchPageDto = z.infer<typeof SearchPage>;
export type SearchRowDto = z.infer<typeof SearchRow>;

/** v6 error bodies: `{"errors":[{"type": "/errors/not-found", ...}]}`. */
export const ErrorsBody = z.object({ errors: list(z.object({ type: text, message: text })) });

/** "20-12345-11.totalamount": where a zod issue points, for curated messages (our names, never values). */
export function issuePath(error: z.ZodError): string {
  const path = error.issues[0]?.path ?? [];
  return path.length === 0 ? "body" : path.map(String).join(".");
}
