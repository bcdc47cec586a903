// One TD SYNNEX invoice query over the shared transport: POST the SynnexB2B document, decode
// the answer with the hardened XML recipe, and interpret it. The POST only reads, so it is
// retried under the shared policy ("read-only-post"); TD's 5xx, 429 and network failures
// leave the transport as ProviderErrors (UNAVAILABLE, RATE_LIMITED, TIMEOUT).
import type { TdSynnexConfig } from "../../config.js";
import { ProviderError } from "../../domain/errors.js";
import type { Transport } from "../../http/transport.js";
import { createXmlDecoder, isXmlDecodeError, type XmlDecoder } from "../../xml/index.js";
import type { CallContext } from "../types.js";
import { interpretAnswer, type TdAnswer } from "./answer.js";
import { buildInvoiceRequest, type InvoiceQuery } from "./request.js";
import { TD_SYNNEX_ARRAY_PATHS } from "./schemas.js";

/** Response cap: a PO's invoices are kilobytes; 10 MiB bounds memory and parse time. */
// A PO's invoices are kilobytes. fast-xml-parser decodes on the event loop (a 6 MB document
// of character references measured 1.5 s and ~190 MB heap), so the cap stays well below the
// transport's generic XML ceiling of 10 MiB.
export const TD_SYNNEX_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

export interface TdSynnexClient {
  query(query: InvoiceQuery, call: CallContext): Promise<TdAnswer>;
}

export function createTdSynnexDecoder(): XmlDecoder {
  return createXmlDecoder({ rootElement: "SynnexB2B", arrayPaths: TD_SYNNEX_ARRAY_PATHS, maxBytes: TD_SYNNEX_MAX_RESPONSE_BYTES });
}

export function createTdSynnexClient(config: TdSynnexConfig, transport: Transport, currency: string): TdSynnexClient {
  const decoder = createTdSynnexDecoder();

  /** Decoded and interpreted, or the BAD_RESPONSE of a body that is not acceptable XML. */
  function read(text: string, query: InvoiceQuery): TdAnswer {
    let root: unknown;
    try {
      root = decoder.decode(text);
    } catch (error) {
      if (!isXmlDecodeError(error)) throw error;
      const failure = new ProviderError("TD_SYNNEX", "BAD_RESPONSE", `TD SYNNEX sent a body that is not an acceptable XML document (${error.reason})`, { cause: error });
      return { kind: "failed", error: failure, problems: [] };
    }
    return interpretAnswer(root, { currency, requestedPurchaseOrder: query.kind === "po" ? query.value : null });
  }

  async function query(query: InvoiceQuery, call: CallContext): Promise<TdAnswer> {
    const response = await transport.request(
      {
        method: "POST",
        url: config.url,
        // The configured path; the account and credentials travel in the body, never recorded.
        route: config.url.pathname,
        headers: { "content-type": "application/xml; charset=utf-8", accept: "application/xml, text/xml;q=0.9, */*;q=0.1" },
        body: buildInvoiceRequest(config, query),
        retry: "read-only-post",
        maxResponseBytes: TD_SYNNEX_MAX_RESPONSE_BYTES,
      },
      call,
    );
    const { status } = response;
    if (status >= 200 && status < 300) return read(response.text, query);
    const upstream = { upstreamStatus: status };
    // Credentials travel in the body, so an HTTP-level refusal is the gateway's: an IP that
    // is not registered with TD, or a blocked account.
    if (status === 401 || status === 403) {
      return { kind: "failed", error: new ProviderError("TD_SYNNEX", "AUTH_FAILED", `TD SYNNEX refused the request (HTTP ${status})`, upstream), problems: [] };
    }
    // Other statuses: TD's own error XML is read if it sent some; anything else is a bad answer.
    const answer = read(response.text, query);
    if (answer.kind === "answered" && answer.invoices.length === 0) return answer;
    if (answer.kind === "failed" && answer.error.code !== "BAD_RESPONSE") return answer;
    return { kind: "failed", error: new ProviderError("TD_SYNNEX", "BAD_RESPONSE", `TD SYNNEX answered HTTP ${status}`, upstream), problems: [] };
  }

  return { query };
}
