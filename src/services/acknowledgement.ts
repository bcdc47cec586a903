// fabric's acknowledge workflow, provider-neutral: reading pages of unacknowledged invoices
// never acknowledges anything; acknowledging is an explicit, idempotent mutation with one
// result per id, so a client that crashes before acknowledging simply sees the invoices again.
import type { Provider } from "../__generated__/resolvers-types.js";
import type { Context } from "../context.js";
import { asProviderError, notConfigured, providerLabel, type ProviderError } from "../domain/errors.js";
import { decodeInvoiceId } from "../domain/ids.js";
import type { InvoiceConnectionModel } from "../domain/models.js";
import type { AcknowledgementCapability } from "../providers/types.js";

const CURSOR_PREFIX = "ack:v1:";

export interface AcknowledgeResultModel {
  readonly id: string;
  readonly acknowledged: boolean;
  readonly error: string | null;
}

/** The provider that runs the workflow: the first configured one with the capability. */
function workflowProvider(context: Context): { id: Provider; capability: AcknowledgementCapability } | ProviderError {
  for (const provider of context.registry.all()) {
    if (provider.acknowledgement) return { id: provider.id, capability: provider.acknowledgement };
  }
  return notConfigured("FABRIC");
}

export function encodeCursor(provider: Provider, providerCursor: string): string {
  return Buffer.from(`${CURSOR_PREFIX}${provider}:${providerCursor}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): { provider: string; providerCursor: string } | null {
  if (!/^[A-Za-z0-9_-]{1,1024}$/.test(cursor)) return null;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!text.startsWith(CURSOR_PREFIX)) return null;
  const rest = text.slice(CURSOR_PREFIX.length);
  const colon = rest.indexOf(":");
  if (colon <= 0) return null;
  return { provider: rest.slice(0, colon), providerCursor: rest.slice(colon + 1) };
}

export class InvalidCursorError extends Error {}

export async function unacknowledgedPage(context: Context, first: number, after: string | null): Promise<InvoiceConnectionModel> {
  const workflow = workflowProvider(context);
  if (workflow instanceof Error) throw workflow;
  let providerAfter: string | null = null;
  if (after !== null) {
    const decoded = decodeCursor(after);
    if (!decoded || decoded.provider !== workflow.id) throw new InvalidCursorError();
    providerAfter = decoded.providerCursor;
  }
  let page;
  try {
    page = await workflow.capability.listUnacknowledged(first, providerAfter, context.call);
  } catch (error) {
    throw asProviderError(workflow.id, error);
  }
  // Every edge's cursor is its invoice's ref, so a client may continue after any edge, and
  // the position survives earlier invoices being acknowledged in between.
  const edges = page.invoices.map((invoice) => ({ cursor: encodeCursor(workflow.id, invoice.ref), node: invoice }));
  const last = edges.at(-1);
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: last ? last.cursor : null } };
}

export async function acknowledgeInvoices(context: Context, ids: readonly string[]): Promise<AcknowledgeResultModel[]> {
  const outcomes = new Map<string, { acknowledged: boolean; error: string | null }>();
  const refsByProvider = new Map<Provider, Map<string, string[]>>();
  for (const id of new Set(ids)) {
    const decoded = decodeInvoiceId(id);
    if (!decoded) {
      outcomes.set(id, { acknowledged: false, error: "not an invoice id issued by this subgraph" });
      continue;
    }
    const refs = refsByProvider.get(decoded.provider) ?? new Map<string, string[]>();
    refs.set(decoded.ref, [...(refs.get(decoded.ref) ?? []), id]);
    refsByProvider.set(decoded.provider, refs);
  }

  await Promise.all(
    [...refsByProvider].map(async ([providerId, refs]) => {
      const fail = (error: string) => {
        for (const idsOfRef of refs.values()) for (const id of idsOfRef) outcomes.set(id, { acknowledged: false, error });
      };
      const provider = context.registry.get(providerId);
      if (!provider) return fail(notConfigured(providerId).message);
      if (!provider.acknowledgement) return fail(`${providerLabel(providerId)} invoices have no acknowledge workflow`);
      let results;
      try {
        results = await provider.acknowledgement.acknowledge([...refs.keys()], context.call);
      } catch (error) {
        return fail(asProviderError(providerId, error).message);
      }
      const acknowledged: string[] = [];
      for (const [ref, idsOfRef] of refs) {
        const outcome = results.get(ref) ?? { acknowledged: false, error: `${providerLabel(providerId)} gave no answer for this invoice` };
        if (outcome.acknowledged) acknowledged.push(ref);
        for (const id of idsOfRef) {
          outcomes.set(id, outcome.acknowledged ? { acknowledged: true, error: null } : { acknowledged: false, error: outcome.error });
        }
      }
      // The cached answers of these invoices still say "unacknowledged": a client reading them
      // right after acknowledging must see the change.
      await context.forgetInvoices(provider, acknowledged);
    }),
  );
  return ids.map((id) => ({ id, ...(outcomes.get(id) ?? { acknowledged: false, error: "not processed" }) }));
}
