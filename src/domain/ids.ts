// Opaque, stable invoice ids. An id encodes the provider and the provider-native key the
// provider can look the invoice up by again (the invoice number, or fabric's numeric id),
// so `_entities` and `acknowledgeInvoices` need no server-side state to resolve it.
import type { Provider } from "../__generated__/resolvers-types.js";

const PREFIX = "Invoice:v1:";
const PROVIDERS: ReadonlySet<string> = new Set<Provider>(["INGRAM_MICRO", "TD_SYNNEX", "FABRIC", "STULLER"]);

export interface InvoiceRef {
  readonly provider: Provider;
  readonly ref: string;
}

export function encodeInvoiceId(provider: Provider, ref: string): string {
  return Buffer.from(`${PREFIX}${provider}:${ref}`, "utf8").toString("base64url");
}

/** Returns null for anything that is not an id this subgraph issued. */
export function decodeInvoiceId(id: string): InvoiceRef | null {
  if (id.length === 0 || id.length > 512 || !/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const text = Buffer.from(id, "base64url").toString("utf8");
  if (!text.startsWith(PREFIX)) return null;
  const rest = text.slice(PREFIX.length);
  const colon = rest.indexOf(":");
  if (colon <= 0) return null;
  const provider = rest.slice(0, colon);
  const ref = rest.slice(colon + 1);
  if (!PROVIDERS.has(provider) || ref.length === 0) return null;
  // Only canonical encodings are ours: re-encoding must give the same id back.
  if (encodeInvoiceId(provider as Provider, ref) !== id) return null;
  return { provider: provider as Provider, ref };
}
