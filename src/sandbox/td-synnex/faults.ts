// Hostile and broken bodies the simulator can serve instead of an answer, so tests (and a
// curious operator) can watch the client refuse them. Each is what a compromised or
// misbehaving upstream or proxy could really send.

/** Ten levels of ten: 10^9 "lol"s if a parser expanded it. */
export function billionLaughs(): string {
  const levels = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>\n<!DOCTYPE SynnexB2B [\n${levels.join("\n")}\n]>\n<SynnexB2B><InvoiceResponse><CustomerPONumber>&lol9;</CustomerPONumber></InvoiceResponse></SynnexB2B>\n`;
}

/** One 9 KB entity referenced 2,000 times (the CVE-2026-26278 shape): 18 MB if expanded. */
export function bigEntity(): string {
  return `<?xml version="1.0"?>\n<!DOCTYPE SynnexB2B [<!ENTITY big "${"x".repeat(9_000)}">]>\n<SynnexB2B><InvoiceResponse><CustomerPONumber>${"&big;".repeat(2_000)}</CustomerPONumber></InvoiceResponse></SynnexB2B>\n`;
}

/** An external entity: a local file, or the cloud metadata endpoint (SSRF). */
export function externalEntity(target: "file" | "metadata"): string {
  const uri = target === "file" ? "file:///etc/passwd" : "http://169.254.169.254/latest/meta-data/iam/security-credentials/";
  return `<?xml version="1.0"?>\n<!DOCTYPE SynnexB2B [<!ENTITY xxe SYSTEM "${uri}">]>\n<SynnexB2B><InvoiceResponse><CustomerPONumber>&xxe;</CustomerPONumber></InvoiceResponse></SynnexB2B>\n`;
}

/** A load balancer's error page. */
export function htmlErrorPage(status: number): string {
  const title = status === 502 ? "502 Bad Gateway" : `${status} Error`;
  return `<!DOCTYPE html>\n<html>\n<head><title>${title}</title></head>\n<body>\n<center><h1>${title}</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n`;
}

/** The first 60% of a document: a connection cut short, delivered with a matching length. */
export function truncated(document: string): string {
  return document.slice(0, Math.floor(document.length * 0.6));
}

/** The opening and closing of an oversized but otherwise valid answer; the middle is streamed. */
export const OVERSIZED_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<SynnexB2B><InvoiceResponse><CustomerPONumber>';
export const OVERSIZED_TAIL = "</CustomerPONumber></InvoiceResponse></SynnexB2B>\n";
