// A Stuller HTTP answer → the raw invoice objects it carries, or a curated ProviderError.
// 429 and 5xx never get here (the transport turns them into RATE_LIMITED / UNAVAILABLE).
// JSON (what the client asks for) and DataContract XML (what ASP.NET also speaks) end up as
// the same tree. Messages name the status or the kind of problem, never the body: an
// upstream body may echo the request, credentials included.
import { ProviderError } from "../../domain/errors.js";
import { DEFAULT_MAX_RESPONSE_BYTES, header, type TransportResponse } from "../../http/transport.js";
import { isXmlDecodeError } from "../../xml/index.js";
import { parseStullerJson, StullerJsonError } from "./json.js";
import { StullerInvoiceResponseSchema } from "./schemas.js";
import { createStullerXmlDecoder, readStullerXml } from "./xml.js";

export type RawStullerInvoice = Readonly<Record<string, unknown>>;
type Answer = Pick<TransportResponse, "status" | "headers" | "text">;

export interface StullerResponseDecoder {
  /** The invoices of a 2xx JSON or XML answer; throws ProviderError for everything else. */
  decode(response: Answer): readonly RawStullerInvoice[];
}

/** `maxBytes` bounds the XML decoder; keep it at the transport's response cap. */
export function createStullerResponseDecoder(options: { maxBytes?: number } = {}): StullerResponseDecoder {
  const xml = createStullerXmlDecoder(options.maxBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
  return {
    decode(response) {
      const { status } = response;
      const fail = (message: string): ProviderError => new ProviderError("STULLER", "BAD_RESPONSE", message, { upstreamStatus: status });
      if (status === 401 || status === 403) {
        // ASP.NET's `{"Message":"Authorization has been denied for this request."}`.
        throw new ProviderError("STULLER", "AUTH_FAILED", `Stuller rejected the configured credentials (HTTP ${status})`, { upstreamStatus: status });
      }
      // 400 (a request Stuller would not take), 404 (STULLER_BASE_URL points at no invoice
      // endpoint; an unknown PO is a 200 with no invoices): asking again gives the same answer.
      if (status < 200 || status > 299) throw fail(`Stuller answered HTTP ${status} to an invoice lookup`);

      const mediaType = (header(response, "content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      let tree: unknown;
      if (isXml(mediaType)) {
        try {
          tree = readStullerXml(xml, response.text);
        } catch (error) {
          if (!isXmlDecodeError(error)) throw error;
          // XmlDecodeError messages are fixed sentences that never quote the document.
          throw fail(`Stuller sent an invoice response that is not acceptable XML (${error.message})`);
        }
      } else if (mediaType === "" || isJson(mediaType)) {
        try {
          tree = parseStullerJson(response.text);
        } catch (error) {
          if (!(error instanceof StullerJsonError)) throw error;
          throw fail(`Stuller sent an invoice response that is not valid JSON (${error.message})`);
        }
      } else {
        // An HTML proxy page or anything else is not an invoice response at all.
        throw fail(`Stuller answered with a ${mediaType} body instead of JSON or XML`);
      }

      const envelope = StullerInvoiceResponseSchema.safeParse(tree);
      if (!envelope.success) throw fail("Stuller sent a response without the InvoiceResponse shape (a list of Invoices)");
      return envelope.data.Invoices;
    },
  };
}

function isJson(mediaType: string): boolean {
  return mediaType === "application/json" || mediaType === "text/json" || mediaType.endsWith("+json");
}

function isXml(mediaType: string): boolean {
  return mediaType === "application/xml" || mediaType === "text/xml" || mediaType.endsWith("+xml");
}
