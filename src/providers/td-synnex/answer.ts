// What one TD SYNNEX answer means: invoices, business notices, or a failure. TD reports every
// application error as HTTP 200 with error XML, in two placements:
//   form 1: `SynnexB2B/ErrorDetail` (and `ErrorResponse`, `ErrorMessage`), the envelope of
//           all SynnexB2B services, for credential and request-format errors;
//   form 2: `SynnexB2B/InvoiceResponse/ErrorCode`+`ErrorReason` (or `ErrorMessage`), for the
//           invoice service's own answers ("POnumber not found", "Order not invoiced yet",
//           "Invoice has been archived because its older than xxx days").
// The wording is matched loosely because the exact strings are not published.
import type { LookupNoticeCode } from "../../__generated__/resolvers-types.js";
import { ProviderError } from "../../domain/errors.js";
import type { InvoiceModel } from "../../domain/models.js";
import { InvoiceFieldError, present } from "./fields.js";
import { normalizeInvoice } from "./normalize.js";
import { InvoiceSchema, ResponseSchema } from "./schemas.js";

export interface TdNotice {
  readonly code: LookupNoticeCode;
  /** TD's own words, whitespace collapsed and capped. */
  readonly message: string;
}

export type TdAnswer =
  | { readonly kind: "answered"; readonly invoices: readonly InvoiceModel[]; readonly notices: readonly TdNotice[] }
  /** `problems` are field paths and zod issue paths for the log, never values. */
  | { readonly kind: "failed"; readonly error: ProviderError; readonly problems: readonly string[] };

type Meaning = "auth" | "not-found" | "not-invoiced" | "archived" | "other";

const NOT_FOUND = /not\s*found/i;
const NOT_INVOICED = /not\s+(?:yet\s+)?invoiced/i;
const ARCHIVED = /archived/i;
const CREDENTIALS =
  /user\s*(?:id|name)?\b|password|passwd|log\s*-?in|sign\s*-?in|credential|authenticat|authori[sz]|access\s+denied|permission|forbidden|customer\s*(?:number|no\b|#)|account/i;
const MAX_NOTICE_LENGTH = 200;

/** Form 1 is the credential envelope: a credential word wins over everything else there. */
function meaningOf(form: 1 | 2, message: string): Meaning {
  if (form === 1 && CREDENTIALS.test(message)) return "auth";
  if (NOT_INVOICED.test(message)) return "not-invoiced";
  if (ARCHIVED.test(message)) return "archived";
  if (NOT_FOUND.test(message)) return "not-found";
  if (CREDENTIALS.test(message)) return "auth";
  return "other";
}

/** The text of an error element, whether plain text or nested elements; bounded. */
function textOf(node: unknown, depth = 0): string {
  if (typeof node === "string") return node;
  if (depth > 8 || typeof node !== "object" || node === null) return "";
  return Object.values(node).map((child) => textOf(child, depth + 1)).filter((t) => t.trim() !== "").join(" ");
}

function messages(nodes: readonly unknown[] | undefined): string[] {
  return (nodes ?? []).map((node) => textOf(node).replace(/\s+/g, " ").trim()).filter((text) => text !== "");
}

const fail = (error: ProviderError, problems: readonly string[] = []): TdAnswer => ({ kind: "failed", error, problems });
const badResponse = (message: string, problems: readonly string[] = []): TdAnswer =>
  fail(new ProviderError("TD_SYNNEX", "BAD_RESPONSE", message), problems);

export interface InterpretOptions {
  readonly currency: string;
  /** The PO asked for, when the lookup was by PO. */
  readonly requestedPurchaseOrder: string | null;
}

/** The decoded content of `<SynnexB2B>` → invoices and notices, or the failure of this lookup. */
export function interpretAnswer(root: unknown, options: InterpretOptions): TdAnswer {
  const envelope = ResponseSchema.safeParse(root);
  if (!envelope.success) return badResponse("TD SYNNEX answered with XML of an unexpected shape", envelope.error.issues.map((i) => i.path.join(".")));
  const { InvoiceResponse: response } = envelope.data;
  const form1 = [...messages(envelope.data.ErrorDetail), ...messages(envelope.data.ErrorResponse), ...messages(envelope.data.ErrorMessage)];
  const meanings = form1.map((message) => [meaningOf(1, message), message] as const);
  if (response !== undefined) {
    // ErrorCode may be a bare code: it is classified together with the reason, but the
    // notice keeps TD's reason as its message.
    const codes = messages(response.ErrorCode).join(" ");
    const reason = [...messages(response.ErrorReason), ...messages(response.ErrorMessage)].join(" ");
    const classified = `${codes} ${reason}`.trim();
    if (classified !== "") meanings.push([meaningOf(2, classified), reason === "" ? codes : reason] as const);
  }

  // Upstream text never goes into a ProviderError message: it may echo the request.
  if (meanings.some(([meaning]) => meaning === "auth")) {
    return fail(new ProviderError("TD_SYNNEX", "AUTH_FAILED", "TD SYNNEX rejected this subgraph's credentials or customer number"));
  }
  // Form 1 without a credential word is a request-format error; an unknown form 2 error may
  // mean anything, and invoices next to it could be incomplete: both fail the lookup.
  if (form1.some((message) => meaningOf(1, message) === "other")) return badResponse("TD SYNNEX refused the invoice request (request format error)");
  if (meanings.some(([meaning]) => meaning === "other")) return badResponse("TD SYNNEX answered with an error this subgraph does not know");
  if (response === undefined && meanings.length === 0) return badResponse("TD SYNNEX answered without an invoice response");

  const notices: TdNotice[] = meanings.flatMap(([meaning, message]): TdNotice[] => {
    const text = message.length > MAX_NOTICE_LENGTH ? `${message.slice(0, MAX_NOTICE_LENGTH - 1)}…` : message;
    if (meaning === "not-invoiced") return [{ code: "NOT_INVOICED_YET", message: text }];
    if (meaning === "archived") return [{ code: "ARCHIVED", message: text }];
    // "not found" is an answer (no invoices), not a failure and not a notice.
    return [];
  });

  const parentPurchaseOrder = present(response?.CustomerPONumber) ?? options.requestedPurchaseOrder;
  const rawInvoices = response?.Invoice ?? [];
  const invoices: InvoiceModel[] = [];
  // One unreadable invoice fails the whole lookup: returning the others as if they were all
  // of the PO's invoices would lose that one silently.
  for (const [index, raw] of rawInvoices.entries()) {
    const where = `invoice ${index + 1} of ${rawInvoices.length}`;
    const parsed = InvoiceSchema.safeParse(raw);
    if (!parsed.success) {
      return badResponse(`TD SYNNEX sent an invoice this subgraph could not read (${where})`, parsed.error.issues.map((i) => `Invoice[${index}].${i.path.join(".")}`));
    }
    try {
      invoices.push(normalizeInvoice(parsed.data, { currency: options.currency, parentPurchaseOrder }));
    } catch (error) {
      if (!(error instanceof InvoiceFieldError)) throw error;
      return badResponse(`TD SYNNEX sent an invoice this subgraph could not read (${where})`, [`Invoice[${index}].${error.field}`]);
    }
  }
  return { kind: "answered", invoices, notices };
}
