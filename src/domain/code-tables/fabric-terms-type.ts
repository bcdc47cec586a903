// fabric Dropship `terms_type` options. The option text is both the code and the
// description. "Fixed Date, Late Payment Penalty Applies" is one option (its comma is part
// of the text) and is distinct from "Fixed Date".
import type { PaymentTermsType } from "../../__generated__/resolvers-types.js";
import { CodeTable, type CodeRow, type KnownValue } from "./code-table.js";

export const FABRIC_TERMS_TYPE_ROWS = [
  { code: "End of Month (EOM)", value: "END_OF_MONTH", description: "End of Month (EOM)" },
  { code: "No Charge", value: "NO_CHARGE", description: "No Charge" },
  { code: "Consignment", value: "CONSIGNMENT", description: "Consignment" },
  {
    code: "10 Days After End of Month (10 EOM)",
    value: "TEN_DAYS_AFTER_END_OF_MONTH",
    description: "10 Days After End of Month (10 EOM)",
  },
  { code: "Cash Discount Terms Apply", value: "CASH_DISCOUNT", description: "Cash Discount Terms Apply" },
  { code: "Basic", value: "BASIC", description: "Basic" },
  {
    code: "Fixed Date, Late Payment Penalty Applies",
    value: "FIXED_DATE_LATE_PAYMENT_PENALTY",
    description: "Fixed Date, Late Payment Penalty Applies",
  },
  { code: "Extended", value: "EXTENDED", description: "Extended" },
  { code: "Discount Not Applicable", value: "DISCOUNT_NOT_APPLICABLE", description: "Discount Not Applicable" },
  { code: "Fixed Date", value: "FIXED_DATE", description: "Fixed Date" },
  { code: "Previously agreed upon", value: "PREVIOUSLY_AGREED", description: "Previously agreed upon" },
] as const satisfies readonly CodeRow<KnownValue<PaymentTermsType>>[];

export const fabricTermsTypeTable = new CodeTable<PaymentTermsType>({
  name: "fabric.termsType",
  rows: FABRIC_TERMS_TYPE_ROWS,
  unknownDescription: "Unknown terms type",
  caseInsensitive: true,
});
