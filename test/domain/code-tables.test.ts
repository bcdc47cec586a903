import { readFileSync, readdirSync } from "node:fs";
import { Kind, parse, type EnumTypeDefinitionNode } from "graphql";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  CodeTable,
  creditMemoReasonCode,
  fabricAcceptanceStatusTable,
  fabricInvoiceStatusTable,
  fabricTermsTypeTable,
  holdReasonCode,
  ingramCreditMemoReasonTable,
  ingramHoldReasonTable,
  ingramInvoiceStatusTable,
  ingramOrderStatusTable,
  listReasonCodes,
  tdSynnexOrderTypeTable,
} from "../../src/domain/code-tables/index.js";
import { metricsRegistry } from "../../src/observability/metrics.js";
import { rootLogger } from "../../src/observability/logger.js";
import { resetUnknownCodeLog } from "../../src/observability/unknown-codes.js";

type Row = readonly [code: string, value: string, description: string];

// The expected rows below are copied by hand from the vendor documents in
// /work/shared/specs (not from the implementation). The enum value of each row is the
// SDL value whose description names the code. Ingram's literally blank code is "".

// ingram-micro-invoice-api-v5.txt, "Order Status Codes".
const INGRAM_ORDER_STATUS: readonly Row[] = [
  ["", "IN_PROGRESS", "In progress/Open order"],
  ["C", "CREDIT_HOLD", "Credit hold"],
  ["D", "SHIPMENT_HOLD", "Shipment hold"],
  ["E", "BILLING_ERROR", "Billing error"],
  ["F", "INVOICED", "Invoiced"],
  ["I", "BILLED", "Billed"], // vendor row "I or B"
  ["B", "BILLED", "Billed"],
  ["O", "ECOMMERCE_HOLD", "Ecommerce Hold"],
  ["R", "RELEASED_TO_WAREHOUSE", "Released to the warehouse management system"],
  ["P", "PAID", "Paid"],
  ["S", "SALES_HOLD", "Sales Hold"],
  ["V", "DELETED", "Deleted order"],
  ["W", "NOT_RELEASED_TO_WAREHOUSE", "Order not released to the warehouse management system"],
];

// ingram-micro-invoice-api-v5.txt, "Hold Reason Codes".
const INGRAM_HOLD_REASON: readonly Row[] = [
  ["", "NO_HOLD", "No hold"],
  ["AC", "ADJUSTED_COST", "Adjusted cost hold"],
  ["BA", "BAD_ADDRESS", "Bad address hold"],
  ["BL", "SPECIAL_BID", "Special bid hold"],
  ["BO", "BILL_ONLY", "Bill only hold"],
  ["C3", "CREDIT_HOLD", "Credit hold"],
  ["C4", "CREDIT_HOLD", "Credit hold"],
  ["C5", "CREDIT_HOLD", "Credit hold"],
  ["C8", "CREDIT_HOLD", "Credit hold"],
  ["CC", "CREDIT_CARD", "Credit card hold"],
  ["CH", "CREDIT_CHECK", "Credit check hold"],
  ["CL", "CREDIT_CHECK", "Credit check hold"],
  ["EA", "ACOP", "ACOP hold"],
  ["EH", "ACOP", "ACOP hold"],
  ["ER", "FINAL_REVIEW", "Final review hold"],
  ["ES", "END_USER_REJECTED_OR_MISSING", "End-user rejected/missing"],
  ["EU", "END_USER_DATA_MISSING", "End-user data missing"],
  ["EX", "EXPORT", "Export hold"],
  ["FL", "FLOORING", "Flooring hold"],
  ["GM", "MARGIN", "Margin hold"],
  ["IC", "ALL_ORDERS_ON_HOLD", "All orders set to hold (customer setting)"],
  ["IM", "CUSTOMER_HOLD", "Customer hold"],
  ["IN", "FULFILMENT_VALUE", "Fulfilment (dropship) value hold"],
  ["LM", "MARGIN", "Margin hold"],
  ["LT", "MARGIN", "Margin hold"],
  ["MN", "PRICING", "Pricing hold"],
  ["PC", "CREDIT_CHECK", "Credit check hold"],
  ["PD", "CREDIT_CHECK", "Credit check hold"],
  ["R1", "EXPORT", "Export hold"],
  ["RP", "EXPORT", "Export hold"],
  ["S2", "COMBINED_MINIMUM_FEE_AND_PRICE_CHANGE", "Combined SM/SP hold"],
  ["SB", "SPECIAL_BID", "Special bid hold"],
  ["SE", "SPECIAL_PRODUCT", "Special product hold"],
  ["SF", "FREIGHT", "Freight hold"],
  ["SH", "SALES", "Sales hold"],
  ["SM", "WAIVE_MINIMUM_ORDER_FEE", "Waive minimum order fee hold"],
  ["SP", "PRICE_CHANGE", "Price change hold"],
  ["TV", "TRANSMIT_TO_VENDOR", "Transmit to vendor hold (awaiting a response)"],
  ["VO", "DELETED_ORDER", "Deleted order"],
  ["VR", "VENDOR_INFORMATION_MISSING", "Vendor required information missing"],
  ["WT", "WEIGHT", "Weight hold"],
  ["ZS", "IM_ONLINE_OFFLINE", "IM-Online offline hold"],
];

// ingram-micro-invoice-api-v5.txt, "Credit Memo Reason Codes".
const INGRAM_CREDIT_MEMO_REASON: readonly Row[] = [
  ["BB", "BOX_CLOSED", "Box closed (selected customers)"],
  ["BO", "BOX_OPEN", "Box open (selected customers)"],
  ["BS", "BACKORDER_SHIPPED_IN_ERROR", "Backorder shipped in error"],
  ["BU", "BOX_INCOMPLETE", "Box incomplete (selected customers)"],
  ["BW", "UNOPENED_TRANSIT_WEAR", "Unopened but transit wear (selected customers)"],
  ["DF", "DEFECTIVE", "Defective"],
  ["DI", "DIRECT_VENDOR_CREDIT", "Direct/Vendor credit"],
  ["DM", "DAMAGED_IN_TRANSIT", "Damaged in transit - POD endorsed"],
  ["DO", "DEMO", "Demo (sale or return)"],
  ["DS", "DUPLICATE_SHIPMENT", "Duplicate shipment"],
  ["IN", "INCOMPLETE_PRODUCT", "Incomplete product"],
  ["LQ", "BROKEN_OR_DEFECTIVE", "Broken or Defective (selected customers)"],
  ["LS", "LOST_SHIPMENT", "Lost shipment (carrier claim)"],
  ["NR", "NON_RESALABLE", "Non-Resalable"],
  ["OS", "OVER_SHIPMENT", "Over Shipment (shipped but not charged for)"],
  ["RB", "REBILL", "Rebill (Credit & Rebill)"],
  ["RF", "REFUSAL_RETURN", "Refusal return"],
  ["RP", "REPAIR", "Repair"],
  ["RT", "RETURNS_WRITE_OFF", "Returns write off"],
  ["SB", "STOCK_BALANCE", "Stock balance (no restocking fee)"],
  ["SC", "CUSTOMER_ERROR", "Customer error (with restocking fee)"],
  ["SI", "MISCELLANEOUS_RETURN", "Misc. return (where no other code applies)"],
  ["SL", "SHORT_SHIPMENT_CONSIGNMENT", "Short shipment (warehouse claim - consignment vendors)"],
  ["SS", "SHORT_SHIPMENT", "Short shipment (warehouse claim)"],
  ["VE", "VENDOR_ERROR", "Vendor Error"],
  ["WP", "WRONG_PURCHASING", "Wrong purchasing (impulse spec error)"],
  ["WS", "WRONG_SALES", "Wrong sales (error by sales dept)"],
  ["WT", "WRONG_TECHNICAL", "Wrong technical (website spec error)"],
  ["WW", "WRONG_PICK", "Wrong pick by warehouse"],
];

// td-synnex-xml-invoice-api.txt, "Supported order types".
const TD_SYNNEX_ORDER_TYPE: readonly Row[] = [
  ["1", "SALES_ORDER", "Sales Order"],
  ["10", "RMA_RTC", "RMA RTC"],
  ["11", "RMA_ADVANCED_SWAP", "RMA Advanced Swap"],
  ["14", "CREDIT_MEMO", "Credit Memo"],
  ["16", "RMA_CC", "RMA CC"],
];

// fabric-dropship-get-invoice.txt, `terms_type` "Available options" (one option per line).
const FABRIC_TERMS_TYPE: readonly Row[] = [
  ["End of Month (EOM)", "END_OF_MONTH", "End of Month (EOM)"],
  ["No Charge", "NO_CHARGE", "No Charge"],
  ["Consignment", "CONSIGNMENT", "Consignment"],
  ["10 Days After End of Month (10 EOM)", "TEN_DAYS_AFTER_END_OF_MONTH", "10 Days After End of Month (10 EOM)"],
  ["Cash Discount Terms Apply", "CASH_DISCOUNT", "Cash Discount Terms Apply"],
  ["Basic", "BASIC", "Basic"],
  ["Fixed Date, Late Payment Penalty Applies", "FIXED_DATE_LATE_PAYMENT_PENALTY", "Fixed Date, Late Payment Penalty Applies"],
  ["Extended", "EXTENDED", "Extended"],
  ["Discount Not Applicable", "DISCOUNT_NOT_APPLICABLE", "Discount Not Applicable"],
  ["Fixed Date", "FIXED_DATE", "Fixed Date"],
  ["Previously agreed upon", "PREVIOUSLY_AGREED", "Previously agreed upon"],
];

// fabric-dropship-get-invoice.txt, invoice `status` "Available options".
const FABRIC_INVOICE_STATUS: readonly Row[] = [
  ["open", "OPEN", "Open"],
  ["closed", "CLOSED", "Closed"],
];

// provider-wire-notes.md §1.4/§1.5: the v6 search sample's "OPEN", the v6.1 sample's "Open";
// Closed and Paid are the settled counterparts (Ingram publishes no table).
const INGRAM_INVOICE_STATUS: readonly Row[] = [
  ["Open", "OPEN", "Open"],
  ["Closed", "CLOSED", "Closed"],
  ["Paid", "CLOSED", "Paid"],
];

// fabric documents invoice acceptance (accept, or reject with a reason) but not its status
// values: the three states' own words.
const FABRIC_ACCEPTANCE_STATUS: readonly Row[] = [
  ["pending", "PENDING", "Pending"],
  ["accepted", "ACCEPTED", "Accepted"],
  ["rejected", "REJECTED", "Rejected"],
];

interface TableCase {
  readonly name: string;
  readonly table: CodeTable<string>;
  readonly expected: readonly Row[];
  readonly unknownDescription: string;
  readonly enumName: string;
  /** SDL values that are neither UNKNOWN nor a row of this table. */
  readonly otherValues: readonly string[];
  /** Checks that an enum value's SDL description names exactly these codes. */
  readonly namesCodes: (description: string, codes: readonly string[]) => void;
}

function expectIngramCodesNamed(description: string, codes: readonly string[]): void {
  // "Code C3: …", "Codes EX, R1 and RP: …", "Code I or B: …", "Code blank: …"
  const match = /^Codes? (.+?): /.exec(description);
  expect(match, description).not.toBeNull();
  const named = (match?.[1] ?? "").split(/, | and | or /).map((code) => (code === "blank" ? "" : code));
  expect(new Set(named)).toEqual(new Set(codes));
}

const TABLES: readonly TableCase[] = [
  {
    name: "ingram.orderStatus",
    table: ingramOrderStatusTable,
    expected: INGRAM_ORDER_STATUS,
    unknownDescription: "Unknown order status code",
    enumName: "OrderStatus",
    otherValues: [],
    namesCodes: expectIngramCodesNamed,
  },
  {
    name: "ingram.holdReason",
    table: ingramHoldReasonTable,
    expected: INGRAM_HOLD_REASON,
    unknownDescription: "Unknown hold reason code",
    enumName: "HoldReason",
    otherValues: [],
    namesCodes: expectIngramCodesNamed,
  },
  {
    name: "ingram.creditMemoReason",
    table: ingramCreditMemoReasonTable,
    expected: INGRAM_CREDIT_MEMO_REASON,
    unknownDescription: "Unknown credit memo reason code",
    enumName: "CreditMemoReason",
    otherValues: [],
    namesCodes: expectIngramCodesNamed,
  },
  {
    name: "tdSynnex.orderType",
    table: tdSynnexOrderTypeTable,
    expected: TD_SYNNEX_ORDER_TYPE,
    unknownDescription: "Unknown order type",
    enumName: "DocumentType",
    // INVOICE is the document type of other providers' invoices, not a TD SYNNEX order type.
    otherValues: ["INVOICE"],
    namesCodes: (description, codes) => {
      const named = [...description.matchAll(/TD SYNNEX order type (\d+): /g)].map((m) => m[1]);
      expect(named).toEqual(codes);
    },
  },
  {
    name: "fabric.termsType",
    table: fabricTermsTypeTable,
    expected: FABRIC_TERMS_TYPE,
    unknownDescription: "Unknown terms type",
    enumName: "PaymentTermsType",
    otherValues: [],
    namesCodes: (description, codes) => {
      expect(codes).toHaveLength(1);
      expect(description).toBe(`fabric option: ${codes[0]}.`);
    },
  },
  {
    name: "ingram.invoiceStatus",
    table: ingramInvoiceStatusTable,
    expected: INGRAM_INVOICE_STATUS,
    unknownDescription: "Unknown invoice status",
    enumName: "InvoiceStatus",
    otherValues: [],
    namesCodes: (description, codes) => {
      expect(description).toContain(`Ingram Micro invoiceStatus ${codes.join(" or ")}`);
    },
  },
  {
    name: "fabric.invoiceStatus",
    table: fabricInvoiceStatusTable,
    expected: FABRIC_INVOICE_STATUS,
    unknownDescription: "Unknown invoice status",
    enumName: "InvoiceStatus",
    otherValues: [],
    namesCodes: (description, codes) => {
      expect(codes).toHaveLength(1);
      expect(description).toContain(`(fabric status ${codes[0]})`);
    },
  },
  {
    name: "fabric.acceptanceStatus",
    table: fabricAcceptanceStatusTable,
    expected: FABRIC_ACCEPTANCE_STATUS,
    unknownDescription: "Unknown acceptance status",
    enumName: "InvoiceAcceptanceState",
    otherValues: [],
    namesCodes: (description, codes) => {
      expect(codes).toHaveLength(1);
      expect(description).toContain(`(fabric acceptance status ${codes[0]}`);
    },
  },
];

function tableNamed(name: string): CodeTable<string> {
  const found = TABLES.find((t) => t.name === name);
  if (found === undefined) throw new Error(`no table ${name}`);
  return found.table;
}

const DOCUMENTED_CODES = TABLES.flatMap((t) =>
  t.expected.map(([code, value, description]) => ({ table: t.name, translate: t.table, code, value, description })),
);

async function unknownCount(table: string): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric("invoices_unknown_codes_total")?.get();
  return metric?.values.find((v) => v.labels["table"] === table)?.value ?? 0;
}

beforeEach(() => {
  resetUnknownCodeLog();
  vi.spyOn(rootLogger, "warn").mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("vendor code tables", () => {
  it.each(DOCUMENTED_CODES)(
    "$table translates the documented code '$code' to $value with the vendor's description",
    ({ translate, code, value, description }) => {
      expect(translate.translate(code)).toEqual({ value, code, description });
      expect(translate.has(code)).toBe(true);
    },
  );

  it.each(TABLES)("$name lists exactly the documented rows, in the vendor's order", ({ table, expected }) => {
    expect(table.rows.map((row) => [row.code, row.value, row.description])).toEqual(expected);
  });

  it.each([
    ["ingram.holdReason", ["C3", "C4", "C5", "C8"], "CREDIT_HOLD"],
    ["ingram.holdReason", ["BL", "SB"], "SPECIAL_BID"],
    ["ingram.holdReason", ["CH", "CL", "PC", "PD"], "CREDIT_CHECK"],
    ["ingram.holdReason", ["EA", "EH"], "ACOP"],
    ["ingram.holdReason", ["EX", "R1", "RP"], "EXPORT"],
    ["ingram.holdReason", ["GM", "LM", "LT"], "MARGIN"],
    ["ingram.orderStatus", ["I", "B"], "BILLED"],
  ] as const)("%s codes %j share one documented meaning and so the value %s", (name, codes, value) => {
    const values = new Set(codes.map((code) => tableNamed(name).translate(code)?.value));
    expect(values).toEqual(new Set([value]));
  });

  it.each(TABLES)("$name translates a missing code (null or undefined) to null", ({ table }) => {
    expect(table.translate(null)).toBeNull();
    expect(table.translate(undefined)).toBeNull();
  });

  it.each(TABLES)(
    "$name translates an unlisted code to UNKNOWN, keeping the raw code exactly as received",
    async ({ name, table, unknownDescription }) => {
      const before = await unknownCount(name);
      expect(table.translate("ZZ")).toEqual({ value: "UNKNOWN", code: "ZZ", description: unknownDescription });
      expect(table.translate(" zz ")).toEqual({ value: "UNKNOWN", code: " zz ", description: unknownDescription });
      expect(table.has("ZZ")).toBe(false);
      expect(await unknownCount(name)).toBe(before + 2);
      expect(rootLogger.warn).toHaveBeenCalledWith({ table: name, code: " zz " }, "unknown vendor code");
    },
  );

  it.each([
    ["ingram.holdReason", "c3", "CREDIT_HOLD", "Credit hold"],
    ["ingram.holdReason", " C3 ", "CREDIT_HOLD", "Credit hold"],
    ["ingram.holdReason", "r1", "EXPORT", "Export hold"],
    ["ingram.orderStatus", "b", "BILLED", "Billed"],
    ["ingram.creditMemoReason", "df", "DEFECTIVE", "Defective"],
    ["fabric.termsType", "end of month (eom)", "END_OF_MONTH", "End of Month (EOM)"],
    ["fabric.termsType", " FIXED DATE ", "FIXED_DATE", "Fixed Date"],
    ["tdSynnex.orderType", " 14 ", "CREDIT_MEMO", "Credit Memo"],
  ] as const)("%s matches %j ignoring case and surrounding blanks, keeping the raw code", (name, raw, value, description) => {
    expect(tableNamed(name).translate(raw)).toEqual({ value, code: raw, description });
  });

  it("fabric invoice status is case-sensitive, as fabric documents exact lower-case values", () => {
    expect(fabricInvoiceStatusTable.translate("OPEN")?.value).toBe("UNKNOWN");
  });

  it.each(["", "  ", "\t"])("Ingram's blank code %j is the documented blank row, not unknown", (raw) => {
    expect(ingramOrderStatusTable.translate(raw)).toEqual({ value: "IN_PROGRESS", code: raw, description: "In progress/Open order" });
    expect(ingramHoldReasonTable.translate(raw)).toEqual({ value: "NO_HOLD", code: raw, description: "No hold" });
  });

  it("a table refuses two rows whose codes collide", () => {
    const rows = [
      { code: "Fixed Date", value: "FIXED_DATE", description: "Fixed Date" },
      { code: "fixed date", value: "FIXED_DATE", description: "Fixed Date" },
    ] as const;
    expect(() => new CodeTable({ name: "t", rows, unknownDescription: "?", caseInsensitive: true })).toThrow(/duplicate/);
  });
});

describe("reason-code helpers", () => {
  it.each([null, undefined, "", "   "])("holdReasonCode(%j) is null: the order is not on hold", (raw) => {
    expect(holdReasonCode(raw)).toBeNull();
  });

  it.each([null, undefined, "", "   "])("creditMemoReasonCode(%j) is null: no reason given", (raw) => {
    expect(creditMemoReasonCode(raw)).toBeNull();
  });

  it("holdReasonCode classifies a documented code and keeps the raw code", () => {
    expect(holdReasonCode("c4")).toEqual({ kind: "HOLD", code: "c4", description: "Credit hold", reason: "CREDIT_HOLD" });
  });

  it("holdReasonCode gives UNKNOWN with the documented unknown text for an unlisted code", () => {
    expect(holdReasonCode("Q9")).toEqual({ kind: "HOLD", code: "Q9", description: "Unknown hold reason code", reason: "UNKNOWN" });
  });

  it("creditMemoReasonCode classifies a documented code (BO means box open here, not bill only)", () => {
    expect(creditMemoReasonCode("BO")).toEqual({
      kind: "CREDIT_MEMO",
      code: "BO",
      description: "Box open (selected customers)",
      reason: "BOX_OPEN",
    });
  });

  it("creditMemoReasonCode gives UNKNOWN with the documented unknown text for an unlisted code", () => {
    expect(creditMemoReasonCode("Q9")).toEqual({
      kind: "CREDIT_MEMO",
      code: "Q9",
      description: "Unknown credit memo reason code",
      reason: "UNKNOWN",
    });
  });

  const holdList = INGRAM_HOLD_REASON.filter(([code]) => code !== "").map(([code, reason, description]) => ({
    kind: "HOLD",
    code,
    description,
    reason,
  }));
  const creditMemoList = INGRAM_CREDIT_MEMO_REASON.map(([code, reason, description]) => ({
    kind: "CREDIT_MEMO",
    code,
    description,
    reason,
  }));

  it("listReasonCodes('HOLD') lists every documented hold code except the blank 'No hold' row", () => {
    expect(listReasonCodes("HOLD")).toEqual(holdList);
    expect(holdList).toHaveLength(INGRAM_HOLD_REASON.length - 1);
  });

  it("listReasonCodes('CREDIT_MEMO') lists every documented credit memo code", () => {
    expect(listReasonCodes("CREDIT_MEMO")).toEqual(creditMemoList);
  });

  it("listReasonCodes() lists hold codes first, then credit memo codes", () => {
    expect(listReasonCodes()).toEqual([...holdList, ...creditMemoList]);
  });
});

// The SDL is parsed, not built: it uses federation directives a plain schema would reject.
const SCHEMA_DIR = new URL("../../schema/", import.meta.url);
const ENUMS = new Map<string, EnumTypeDefinitionNode>();
for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".graphql"))) {
  for (const definition of parse(readFileSync(new URL(file, SCHEMA_DIR), "utf8")).definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION) ENUMS.set(definition.name.value, definition);
  }
}

function sdlEnum(name: string): Map<string, string> {
  const node = ENUMS.get(name);
  if (node === undefined) throw new Error(`enum ${name} is not in schema/*.graphql`);
  return new Map((node.values ?? []).map((v) => [v.name.value, v.description?.value ?? ""]));
}

describe("SDL enums agree with the code tables", () => {
  it.each(TABLES)("$enumName has exactly the values of $name, plus UNKNOWN", ({ table, enumName, otherValues }) => {
    const sdlValues = new Set(sdlEnum(enumName).keys());
    const tableValues = new Set<string>([...table.rows.map((row) => row.value), "UNKNOWN", ...otherValues]);
    expect(sdlValues).toEqual(tableValues);
  });

  it.each(TABLES)(
    "each $enumName description names the codes of $name mapping to it and their vendor description",
    ({ table, enumName, otherValues, namesCodes }) => {
      for (const [value, description] of sdlEnum(enumName)) {
        if (value === "UNKNOWN" || otherValues.includes(value)) continue;
        const rows = table.rows.filter((row) => row.value === value);
        expect(rows.length, `${enumName}.${value} has no table row`).toBeGreaterThan(0);
        for (const row of rows) expect(description).toContain(row.description);
        namesCodes(
          description,
          rows.map((row) => row.code),
        );
      }
    },
  );
});
