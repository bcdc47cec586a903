// Small, readable invoices for resolver tests (provider-specific fixtures live under
// test/fixtures/<provider>/).
import type { Provider } from "../../src/__generated__/resolvers-types.js";
import { parseDecimal } from "../../src/domain/decimal.js";
import { invoiceModel, lineModel } from "../../src/domain/factories.js";
import type { InvoiceModel } from "../../src/domain/models.js";

export function sampleInvoice(provider: Provider, number: string, purchaseOrderNumber: string | null, total = "100.00"): InvoiceModel {
  return invoiceModel(provider, { ref: number, number }, {
    purchaseOrderNumber,
    currency: "USD",
    total: { amount: parseDecimal(total), currency: "USD" },
    trackingNumbers: ["1Z-INVOICE"],
    lines: [
      lineModel({ number: "1", partNumber: `${number}-P1`, quantityShipped: parseDecimal("2"), serialNumbers: [{ value: "000123" }], trackingNumbers: ["1Z-LINE", "1Z-INVOICE"] }),
    ],
  });
}
