// The search filter: validated before any upstream call, and applied by the subgraph to every
// invoice a provider returns, whatever the provider applied itself. A vendor that applies
// less than asked (fabric has no status filter, Stuller may ignore its date window) or
// nothing at all therefore still gives exactly the matching invoices.
import { GraphQLError } from "graphql";
import type { DocumentType, InvoiceFilter, InvoiceStatus, Provider } from "../__generated__/resolvers-types.js";
import type { DateString, InvoiceModel } from "../domain/models.js";
import { ALL_PROVIDERS } from "../providers/registry.js";

/**
 * The widest date range a search may span, both ends counted: a quarter plus two days, so
 * "the last three months" always fits, while a search stays within a few vendor pages
 * (Ingram Micro and fabric list at most 100 invoices a page; Stuller does not page at all).
 */
export const MAX_SEARCH_DAYS = 93;

export interface SearchFilter {
  readonly invoiceDateFrom: DateString | null;
  readonly invoiceDateTo: DateString | null;
  readonly dueDateFrom: DateString | null;
  readonly dueDateTo: DateString | null;
  readonly status: InvoiceStatus | null;
  readonly documentType: DocumentType | null;
}

export interface NormalizedSearch {
  readonly filter: SearchFilter;
  /** The providers named (deduplicated, enum order), or null: every one that can search. */
  readonly providers: readonly Provider[] | null;
}

function badFilter(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", argumentName: "filter" } });
}

/** Days from `from` to `to`, both counted ("2026-01-01".."2026-01-01" is 1). */
export function daysSpanned(from: DateString, to: DateString): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Checks one pair; true when it is given in full. */
function checkRange(name: "invoiceDate" | "dueDate", from: DateString | null, to: DateString | null): boolean {
  if (from === null || to === null) return false;
  if (from > to) throw badFilter(`filter.${name}From (${from}) is after filter.${name}To (${to})`);
  const days = daysSpanned(from, to);
  if (days > MAX_SEARCH_DAYS) {
    throw badFilter(`filter.${name}From to filter.${name}To spans ${days} days; a search spans at most ${MAX_SEARCH_DAYS} days (both ends counted): split it into several searches`);
  }
  return true;
}

/** The filter as the search uses it, or a BAD_USER_INPUT error stating the rule that failed. */
export function normalizeFilter(input: InvoiceFilter): NormalizedSearch {
  const filter: SearchFilter = {
    invoiceDateFrom: input.invoiceDateFrom ?? null,
    invoiceDateTo: input.invoiceDateTo ?? null,
    dueDateFrom: input.dueDateFrom ?? null,
    dueDateTo: input.dueDateTo ?? null,
    status: input.status ?? null,
    documentType: input.documentType ?? null,
  };
  const invoiceBounded = checkRange("invoiceDate", filter.invoiceDateFrom, filter.invoiceDateTo);
  const dueBounded = checkRange("dueDate", filter.dueDateFrom, filter.dueDateTo);
  if (!invoiceBounded && !dueBounded) {
    throw badFilter(
      `filter must bound the invoice date or the due date: give invoiceDateFrom and invoiceDateTo, or dueDateFrom and dueDateTo, at most ${MAX_SEARCH_DAYS} days apart (both ends counted)`,
    );
  }
  const named = input.providers;
  const providers = named === null || named === undefined ? null : ALL_PROVIDERS.filter((p) => named.includes(p));
  return { filter, providers };
}

/** Whether the search's filter needs due dates from a provider. */
export function needsDueDates(filter: SearchFilter): boolean {
  return filter.dueDateFrom !== null || filter.dueDateTo !== null;
}

const within = (day: DateString | null, from: DateString | null, to: DateString | null): boolean =>
  (from === null && to === null) || (day !== null && (from === null || day >= from) && (to === null || day <= to));

/**
 * Whether an invoice matches, on the fields exactly as the subgraph serves them: an invoice
 * without a document type counts as INVOICE (what `Invoice.documentType` says), one without a
 * due date never matches a due-date bound, one without a status never matches a status.
 */
export function matchesFilter(invoice: InvoiceModel, filter: SearchFilter): boolean {
  return (
    within(invoice.invoiceDate, filter.invoiceDateFrom, filter.invoiceDateTo) &&
    within(invoice.dueDate, filter.dueDateFrom, filter.dueDateTo) &&
    (filter.status === null || invoice.status?.value === filter.status) &&
    (filter.documentType === null || (invoice.documentType?.value ?? "INVOICE") === filter.documentType)
  );
}

/** Canonical text of a search (filter and providers searched): what a cursor is bound to. */
export function searchIdentity(filter: SearchFilter, providers: readonly Provider[]): string {
  return JSON.stringify([
    filter.invoiceDateFrom,
    filter.invoiceDateTo,
    filter.dueDateFrom,
    filter.dueDateTo,
    filter.status,
    filter.documentType,
    [...providers],
  ]);
}
