// The fabric Dropship wire format as zod schemas (provider-wire-notes §3). Every documented
// field is listed (docs/field-coverage.md says where each lands); z.object strips the others,
// so unknown fields are accepted and ignored. Money and percentages
// stay decimal text (parsed exactly, never through a float); timestamps are validated
// RFC 3339 instants; `order_id` and the ids arrive as integers or strings.
import { z } from "zod";
import { parseDate, parseDateTime } from "../../domain/dates.js";
import { parseDecimal, type DecimalString } from "../../domain/decimal.js";

/** Blank text means "not given": DRF serializes empty CharFields as "". */
const blankToNull = (value: unknown): unknown => (typeof value === "string" && value.trim() === "" ? null : value);

function textVia<T>(parse: (text: string) => T, expected: string) {
  return z.preprocess(
    blankToNull,
    z
      .string()
      .nullish()
      .transform((text, ctx): T | null => {
        if (text === null || text === undefined) return null;
        try {
          return parse(text);
        } catch {
          ctx.issues.push({ code: "custom", message: `expected ${expected}`, input: text });
          return z.NEVER;
        }
      }),
  );
}

/** Money is a decimal string ("12.89"); a JSON number is refused, it may already have lost digits. */
const money = textVia<DecimalString>((text) => parseDecimal(text), "a decimal string such as \"12.89\"");
/** Quantities and percentages: decimal text, or a JSON number (no cents to lose). */
const decimalOrNumber = z.preprocess((v) => (typeof v === "number" && Number.isFinite(v) ? String(v) : v), money);
const instant = textVia((text) => parseDateTime(text), "an ISO-8601 date-time with an offset");
/** `terms_date_due` is documented as a string: a calendar date or an instant (its UTC day is used). */
const dueDate = textVia((text) => (text.length <= 10 ? parseDate(text) : parseDateTime(text).slice(0, 10)), "a date or a date-time");

/** Free text that may come as a number (postal codes, phones): kept as text, blank → null. */
const text = z.preprocess(blankToNull, z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined ? null : String(v))));

/** Integer ids and references that the docs type as integers but samples show as strings. */
const idText = z.union([z.number().int(), z.string().trim().min(1)]).nullish().transform((v) => (v === null || v === undefined ? null : String(v)));
const wholeNumber = z.preprocess(
  blankToNull,
  z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform(Number)]).nullish().transform((v) => v ?? null),
);

/** fabric's own invoice id: the ref of every invoice this provider returns. */
export const FabricInvoiceId = z.union([z.number().int().positive(), z.string().regex(/^[1-9]\d{0,14}$/).transform(Number)]);

export const FabricAddressSchema = z.object({
  type: text,
  name1: text,
  name2: text,
  street1: text,
  street2: text,
  city: text,
  province: text,
  postal_code: text,
  country: text,
  phone1: text,
  phone2: text,
  fax: text,
  email: text,
  federal_tax_id: text,
});

export const FabricLineSchema = z.object({
  id: idText,
  variant: z
    .object({ id: idText, name: text, identifier: text, brand_identifier: text, upc: text })
    .nullish(),
  description: text,
  quantity: decimalOrNumber,
  price: money,
  net_price: money,
  ordered_line: z.object({ id: idText, quantity: decimalOrNumber }).nullish(),
});

/** Allowances and charges; the element shape is inferred, so both `price` and `amount` are read. */
export const FabricAdjustmentSchema = z.object({
  id: idText,
  adjustment_code: text,
  code: text,
  name: text,
  description: text,
  price: money,
  amount: money,
  // How fabric computed the amount (its UI offers Flat or Percent); the amount is what is owed.
  calculation: text,
  percent: decimalOrNumber,
});

/**
 * The retailer's accept/reject decision. fabric documents the object and that a rejection needs
 * a `reject_reason`, not its fields: status text and both decision times are read, and every
 * field is optional, so an empty object (nothing decided) reads as well.
 */
export const FabricAcceptanceSchema = z.object({
  status: text,
  reject_reason: text,
  accepted_at: instant,
  rejected_at: instant,
  updated_at: instant,
});

export const FabricInvoiceSchema = z.object({
  id: FabricInvoiceId,
  invoice_number: z.string().trim().min(1),
  purchase_order_number: text,
  customer_order_number: text,
  order_id: idText,
  connection_id: idText,
  status: text,
  // This subgraph's own retailer (FABRIC_RETAILER_ID): nothing to read in it.
  retailer: z.unknown().optional(),
  brand: z.object({ id: idText, name: text, code: text, inventory_policy: text, status: text }).nullish(),
  currency: z.object({ id: idText, name: text, symbol: text, unit: text, code: text }).nullish(),
  terms_type: text,
  terms_description: text,
  terms_net_days_due: wholeNumber,
  terms_date_due: dueDate,
  terms_discount_percent: decimalOrNumber,
  terms_discount_days: wholeNumber,
  terms_discount_date_due: dueDate,
  remit_to: FabricAddressSchema.nullish(),
  ship_from: FabricAddressSchema.nullish(),
  sold_to: FabricAddressSchema.nullish(),
  ship_to: FabricAddressSchema.nullish(),
  shipping_carrier_code: text,
  shipping_carrier_name: text,
  shipping_method_code: text,
  shipping_method_name: text,
  shipping_account_number: text,
  shipping_tracking_number: text,
  shipping_weight: money,
  notes: text,
  invoiced_at: instant,
  ordered_at: instant,
  shipped_at: instant,
  acknowledged_at: instant,
  paid_at: instant,
  closed_at: instant,
  canceled_at: instant,
  subtotal: money,
  tax: money,
  net_amount: money,
  due_amount: money,
  local_due_amount: money,
  expected_due_amount: money,
  invoice_acceptance: FabricAcceptanceSchema.nullish(),
  invoice_lines: z.array(FabricLineSchema).nullish(),
  allowances: z.array(FabricAdjustmentSchema).nullish(),
  charges: z.array(FabricAdjustmentSchema).nullish(),
});

/** Just what the acknowledge walk needs of every listed invoice; the rest is parsed when returned. */
export const FabricInvoiceStubSchema = z.object({
  id: FabricInvoiceId,
  acknowledged_at: z.preprocess(blankToNull, z.string().nullish().transform((v) => v ?? null)),
});

/** Django REST Framework page-number pagination. */
export const FabricPageSchema = z.object({
  count: z.number().int().nonnegative(),
  next: z.string().nullish(),
  previous: z.string().nullish(),
  results: z.array(z.unknown()),
});

export type FabricInvoice = z.infer<typeof FabricInvoiceSchema>;
export type FabricAddress = z.infer<typeof FabricAddressSchema>;
export type FabricLine = z.infer<typeof FabricLineSchema>;
export type FabricAdjustment = z.infer<typeof FabricAdjustmentSchema>;
export type FabricAcceptance = z.infer<typeof FabricAcceptanceSchema>;
export type FabricInvoiceStub = z.infer<typeof FabricInvoiceStubSchema>;
export type FabricPage = z.infer<typeof FabricPageSchema>;

/** "invoice_lines[0].price: expected a decimal string …" — paths and rules only, never values. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "") || "(root)"}: ${issue.message}`)
    .join("; ");
}
