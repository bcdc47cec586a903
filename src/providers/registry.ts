import type { Provider } from "../__generated__/resolvers-types.js";
import type { InvoiceProvider } from "./types.js";

/** Enum order: lookups list providers, and their invoices, in this order. */
export const ALL_PROVIDERS: readonly Provider[] = ["INGRAM_MICRO", "TD_SYNNEX", "FABRIC", "STULLER"];

/** The providers this process was configured with, built once at start. */
export class ProviderRegistry {
  private readonly byId: ReadonlyMap<Provider, InvoiceProvider>;

  constructor(providers: readonly InvoiceProvider[]) {
    const map = new Map<Provider, InvoiceProvider>();
    for (const provider of providers) {
      if (map.has(provider.id)) throw new Error(`provider ${provider.id} registered twice`);
      map.set(provider.id, provider);
    }
    this.byId = map;
  }

  get(provider: Provider): InvoiceProvider | undefined {
    return this.byId.get(provider);
  }

  /** Configured providers in enum order. */
  configured(): Provider[] {
    return ALL_PROVIDERS.filter((p) => this.byId.has(p));
  }

  all(): InvoiceProvider[] {
    return ALL_PROVIDERS.flatMap((p) => {
      const provider = this.byId.get(p);
      return provider ? [provider] : [];
    });
  }
}
