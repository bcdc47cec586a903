import { describe, expect, it } from "vitest";
import { buildInvoiceRequest, escapeXml } from "../../../src/providers/td-synnex/index.js";
import { createXmlDecoder } from "../../../src/xml/index.js";

const credentials = { userId: "api@example.com", password: `p<a>s&s"w'd`, customerNumber: "0123696" };
const decoder = createXmlDecoder({ rootElement: "SynnexB2B", maxBytes: 64 * 1024 });

describe("TD SYNNEX invoice request", () => {
  it("asks for a purchase order with CustomerNumber and PONumber only", () => {
    const sent = decoder.decode(buildInvoiceRequest(credentials, { kind: "po", value: "00123" }));
    expect(sent).toEqual({
      "@version": "1.0",
      Credential: { UserID: "api@example.com", Password: `p<a>s&s"w'd` },
      InvoiceRequest: { CustomerNumber: "0123696", PONumber: "00123" },
    });
  });

  it("asks for an invoice number as OrderNumber (TD: the invoice number equals the sales order number)", () => {
    const sent = decoder.decode(buildInvoiceRequest(credentials, { kind: "order", value: "66999999" })) as { InvoiceRequest: unknown };
    expect(sent.InvoiceRequest).toEqual({ CustomerNumber: "0123696", OrderNumber: "66999999" });
  });

  it.each([
    ["markup", "</PONumber><OrderNumber>1</OrderNumber>"],
    ["an entity reference", "&xxe;"],
    ["quotes and apostrophes", `PO "A" 'B'`],
    ["a CDATA terminator", "]]>"],
  ])("escapes %s so the value arrives unchanged", (_name, value) => {
    const body = buildInvoiceRequest(credentials, { kind: "po", value });
    expect((decoder.decode(body) as { InvoiceRequest: { PONumber: string } }).InvoiceRequest.PONumber).toBe(value);
    expect(body).not.toContain(value);
  });

  it("escapes the five XML specials", () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;");
  });

  it.each([["a NUL", "PO\u0000"], ["a control character", "PO\u0007"], ["a lone surrogate", "PO\uD800"]])(
    "refuses %s, which no XML 1.0 document can carry",
    (_name, value) => {
      expect(() => escapeXml(value)).toThrow(RangeError);
    },
  );
});
