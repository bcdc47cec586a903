import { describe, expect, it } from "vitest";
import { createXmlDecoder, prescanXml, XmlDecodeError, type XmlDecodeReason } from "../../src/xml/index.js";
import { cpuTimeOf } from "../helpers/cpu-time.js";

const decoder = createXmlDecoder({
  rootElement: "Root",
  arrayPaths: ["Root.List.Entry", "Root.List.Entry.Tag"],
  maxBytes: 64 * 1024,
});

function reasonOf(text: string, using = decoder): XmlDecodeReason | "accepted" {
  try {
    using.decode(text);
    return "accepted";
  } catch (error) {
    if (error instanceof XmlDecodeError) return error.reason;
    throw error;
  }
}

describe("createXmlDecoder: data fidelity", () => {
  it("keeps every value as the text that was sent (no number, boolean or exponent parsing)", () => {
    const root = decoder.decode(
      `<Root><Po>00123</Po><Zip>02134</Zip><Price>10.10</Price><Exp>1e3</Exp><Hex>0x1F</Hex><Flag>true</Flag><Big>12345678901234567890</Big></Root>`,
    );
    expect(root).toEqual({ Po: "00123", Zip: "02134", Price: "10.10", Exp: "1e3", Hex: "0x1F", Flag: "true", Big: "12345678901234567890" });
  });

  it("keeps attributes, as text, under an @ prefix, with the element text under #text", () => {
    expect(decoder.decode(`<Root><Item LineNumber="007" Kind="A">x</Item><Empty a="1"/></Root>`)).toEqual({
      Item: { "@LineNumber": "007", "@Kind": "A", "#text": "x" },
      Empty: { "@a": "1" },
    });
  });

  it.each([
    ["one entry", `<Root><List><Entry><Tag>a</Tag></Entry></List></Root>`, [{ Tag: ["a"] }]],
    ["two entries", `<Root><List><Entry><Tag>a</Tag></Entry><Entry><Tag>b</Tag><Tag>c</Tag></Entry></List></Root>`, [{ Tag: ["a"] }, { Tag: ["b", "c"] }]],
  ])("returns declared list paths as arrays with %s", (_name, xml, entries) => {
    expect(decoder.decode(xml)).toEqual({ List: { Entry: entries } });
  });

  it("leaves undeclared elements as a single value when they occur once", () => {
    expect(decoder.decode(`<Root><Other><Entry>x</Entry></Other></Root>`)).toEqual({ Other: { Entry: "x" } });
  });

  it.each([
    ["a decimal numeric reference", "Caf&#233;", "Café"],
    ["a hexadecimal numeric reference", "&#x41;&#x2014;", "A—"],
    ["the five predefined entities", "AT&amp;T &lt;b&gt; &quot;q&quot; &apos;s", `AT&T <b> "q" 's`],
    ["CDATA", "<![CDATA[a < b & c]]>", "a < b & c"],
    ["an out-of-range reference, kept literally", "&#9999999;", "&#9999999;"],
  ])("decodes %s", (_name, inner, expected) => {
    expect(decoder.decode(`<Root><T>${inner}</T></Root>`)).toEqual({ T: expected });
  });

  it.each([
    ["no DOCTYPE", `<?xml version="1.0" encoding="UTF-8"?><Root>x</Root>`],
    ["a SYSTEM id with an empty internal subset", `<?xml version="1.0"?>\n<!DOCTYPE Root SYSTEM "Root.dtd" []>\n<Root>x</Root>`],
    ["a SYSTEM id without a subset", `<!DOCTYPE Root SYSTEM 'Root.dtd'><Root>x</Root>`],
    ["a PUBLIC id", `<!DOCTYPE Root PUBLIC "-//X//DTD Root//EN" "http://example.com/root.dtd"><Root>x</Root>`],
    ["only a name and an empty subset", `<!DOCTYPE Root [ ]><Root>x</Root>`],
    ["a byte-order mark and a comment", `\uFEFF<!-- generated --><Root>x</Root>`],
  ])("accepts a document with %s", (_name, xml) => {
    expect(decoder.decode(xml)).toBe("x");
  });
});

describe("createXmlDecoder: refusals", () => {
  it.each<[string, string, XmlDecodeReason]>([
    ["an entity declaration (billion laughs)", `<!DOCTYPE Root [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><Root>&b;</Root>`, "entity-declaration"],
    ["an external entity", `<!DOCTYPE Root [<!ENTITY x SYSTEM "file:///etc/passwd">]><Root>&x;</Root>`, "entity-declaration"],
    ["a parameter entity declaration", `<!DOCTYPE Root [<!ENTITY % p SYSTEM "http://169.254.169.254/x.dtd"> %p;]><Root/>`, "parameter-entity"],
    ["a parameter entity reference in the subset", `<!DOCTYPE Root [ %p; ]><Root/>`, "parameter-entity"],
    ["an ATTLIST declaration", `<!DOCTYPE Root [<!ATTLIST Root a CDATA "x">]><Root/>`, "markup-declaration"],
    ["an ELEMENT declaration", `<!DOCTYPE Root [<!ELEMENT Root ANY>]><Root/>`, "markup-declaration"],
    ["a NOTATION declaration", `<!DOCTYPE Root [<!NOTATION n SYSTEM "n">]><Root/>`, "markup-declaration"],
    ["a lower-case entity declaration", `<!DOCTYPE Root [<!entity a "x">]><Root/>`, "entity-declaration"],
    ["two DOCTYPEs", `<!DOCTYPE Root []><!DOCTYPE Root []><Root/>`, "multiple-doctypes"],
    ["a non-empty internal subset", `<!DOCTYPE Root [ <!-- anything --> ]><Root/>`, "doctype-not-allowed"],
    ["an unterminated DOCTYPE", `<!DOCTYPE Root SYSTEM "x.dtd" [`, "doctype-not-allowed"],
    ["a truncated document", `<Root><List><Entry><Tag>a</Tag></Entry><Entry><Ta`, "malformed"],
    ["a document cut after an open tag", `<?xml version="1.0"?><Root><A>1</A><B>`, "malformed"],
    ["mismatched tags", `<Root><A></B></Root>`, "malformed"],
    ["a bare ampersand", `<Root>AT&T</Root>`, "malformed"],
    ["an HTML error page", `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>`, "html"],
    ["an HTML page without a doctype", `\n<html><body><center><h1>502 Bad Gateway</h1></center></body></html>`, "html"],
    ["a well-formed XHTML page", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`, "html"],
    ["a JSON body", `{"Root":{"Po":"00123"}}`, "not-xml"],
    ["plain text", `Service Unavailable`, "not-xml"],
    ["an empty body", ``, "not-xml"],
    ["whitespace only", ` \r\n\t`, "not-xml"],
    ["another root element", `<Other>x</Other>`, "unexpected-root"],
    ["two root elements of the same name (the validator sees them)", `<Root>a</Root><Root>b</Root>`, "malformed"],
    ["a second root of another name", `<Root>a</Root><Other/>`, "unexpected-root"],
    ["a __proto__ element", `<Root><__proto__><polluted>yes</polluted></__proto__></Root>`, "dangerous-name"],
    ["a constructor element", `<Root><constructor><prototype>x</prototype></constructor></Root>`, "dangerous-name"],
    ["a toString element", `<Root><toString>x</toString></Root>`, "dangerous-name"],
    ["nesting deeper than 100 elements", `<Root>${"<a>".repeat(120)}${"</a>".repeat(120)}</Root>`, "parse-failed"],
  ])("refuses %s", (_name, xml, reason) => {
    expect(reasonOf(xml)).toBe(reason);
  });

  it("refuses a document over the byte cap, counting UTF-8 bytes rather than characters", () => {
    const small = createXmlDecoder({ rootElement: "Root", maxBytes: 100 });
    const ascii = `<Root>${"a".repeat(80)}</Root>`;
    const accented = `<Root>${"é".repeat(80)}</Root>`;
    expect(ascii.length).toBeLessThanOrEqual(100);
    expect(accented.length).toBeLessThanOrEqual(100);
    expect(reasonOf(ascii, small)).toBe("accepted");
    expect(reasonOf(accented, small)).toBe("too-large");
  });

  it("never quotes the document in its error (message, reason and position only)", () => {
    const marker = "MARKER-SECRET-4711";
    const attempts = [
      `<Root><Password>${marker}</Password>`,
      `<!DOCTYPE Root [<!ENTITY ${marker} "x">]><Root/>`,
      `<${marker}/>`,
      `<html><body>${marker}</body></html>`,
      `${marker}`,
    ];
    for (const xml of attempts) {
      const error = (() => {
        try {
          decoder.decode(xml);
        } catch (caught) {
          return caught;
        }
        throw new Error("expected a refusal");
      })();
      expect(error).toBeInstanceOf(XmlDecodeError);
      expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain(marker);
    }
  });

  it("leaves Object.prototype untouched after hostile names", () => {
    reasonOf(`<Root><__proto__><isAdmin>true</isAdmin></__proto__></Root>`);
    expect(({} as Record<string, unknown>)["isAdmin"]).toBeUndefined();
  });

  it("stays usable after a refusal: the next document decodes normally", () => {
    expect(reasonOf(`<!DOCTYPE Root [<!ENTITY a "x">]><Root>&a;</Root>`)).toBe("entity-declaration");
    expect(decoder.decode(`<Root>ok</Root>`)).toBe("ok");
  });
});

describe("createXmlDecoder: configuration", () => {
  it("returns a frozen decoder", () => {
    expect(Object.isFrozen(decoder)).toBe(true);
  });

  it.each([
    ["an empty root element name", { rootElement: "", maxBytes: 10 }],
    ["a zero byte cap", { rootElement: "Root", maxBytes: 0 }],
    ["a fractional byte cap", { rootElement: "Root", maxBytes: 1.5 }],
  ])("refuses %s", (_name, options) => {
    expect(() => createXmlDecoder(options)).toThrow(TypeError);
  });

  it("can drop namespace prefixes (DataContract XML), list paths then use the bare names", () => {
    const dataContract = createXmlDecoder({ rootElement: "InvoiceResponse", arrayPaths: ["InvoiceResponse.Invoices.Invoice"], maxBytes: 4096, removeNamespacePrefixes: true });
    const xml = `<InvoiceResponse xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns:d2p1="http://schemas.datacontract.org/2004/07/X"><d2p1:Invoices><d2p1:Invoice><d2p1:Number>0042</d2p1:Number></d2p1:Invoice></d2p1:Invoices></InvoiceResponse>`;
    expect(dataContract.decode(xml)).toEqual({ Invoices: { Invoice: [{ Number: "0042" }] } });
  });
});

describe("prescanXml", () => {
  it("passes an ordinary document on to validation", () => {
    expect(prescanXml(`<?xml version="1.0"?><Root><A>1</A></Root>`)).toBeNull();
  });

  it("scans a large hostile-looking DOCTYPE in linear time", async () => {
    // Linear: milliseconds of CPU. A quadratic scan of 2 MB would take far longer, so a budget
    // of CPU time (not elapsed time, which a busy machine inflates) tells the two apart.
    const { cpuMs } = await cpuTimeOf(() => {
      expect(prescanXml(`<!DOCTYPE Root SYSTEM "${" ".repeat(2_000_000)}`)).toBe("doctype-not-allowed");
      expect(prescanXml(`<!DOCTYPE Root${" ".repeat(1_000)}${"\t".repeat(1_000)}>`)).toBe("doctype-not-allowed");
    });
    expect(cpuMs).toBeLessThan(2_000);
  });
});
