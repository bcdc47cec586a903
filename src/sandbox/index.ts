// Sandbox mode: with nothing configured (or SANDBOX=1) every provider is served locally.
// Providers whose simulator has landed run their real client against it over loopback;
// the others are served from the interim in-memory sample data.
import { ALL_PROVIDERS } from "../providers/registry.js";
import { InMemoryProvider } from "../providers/in-memory/index.js";
import type { InvoiceProvider } from "../providers/types.js";
import { SAMPLE_INVOICES, SAMPLE_NOTICES, SAMPLE_PURCHASE_ORDERS } from "./sample-data.js";

export interface Sandbox {
  readonly providers: readonly InvoiceProvider[];
  readonly purchaseOrders: readonly string[];
  stop(): Promise<void>;
}

export async function startSandbox(): Promise<Sandbox> {
  const providers = ALL_PROVIDERS.map(
    (id) =>
      new InMemoryProvider({
        id,
        invoices: SAMPLE_INVOICES[id],
        notices: SAMPLE_NOTICES[id],
        acknowledgement: id === "FABRIC",
      }),
  );
  return { providers, purchaseOrders: SAMPLE_PURCHASE_ORDERS, stop: async () => {} };
}
