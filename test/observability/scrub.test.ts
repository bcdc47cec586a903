import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/observability/logger.js";
import { clearSecrets, registerSecrets, scrub } from "../../src/observability/scrub.js";

const CANARY = "CANARY-s3cr3t/+&=é";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  return { logger: createLogger({ level: "debug", destination }), lines };
}

afterEach(() => clearSecrets());

describe("log scrubbing", () => {
  it.each([
    ["raw in a message", (v: string) => `upstream said ${v}`],
    ["URL-encoded in a URL", (v: string) => `GET https://api.example.com/x?key=${encodeURIComponent(v)}`],
    ["form-encoded in a body", (v: string) => new URLSearchParams({ client_secret: v }).toString()],
    ["JSON-escaped", (v: string) => JSON.stringify({ nested: { deep: { value: v } } })],
    ["inside a Basic header", () => `Authorization: Basic ${Buffer.from(`user:${CANARY}`).toString("base64")}`],
  ])("removes a registered secret %s", (_label, render) => {
    registerSecrets([CANARY], [`user:${CANARY}`]);
    const { logger, lines } = capture();
    logger.info({ detail: render(CANARY) }, render(CANARY));
    logger.error({ err: new Error(`failed with ${render(CANARY)}`) }, "oops");
    const output = lines.join("");
    expect(output).not.toContain(CANARY);
    expect(output).not.toContain(encodeURIComponent(CANARY));
    expect(output).not.toContain(Buffer.from(`user:${CANARY}`).toString("base64"));
    expect(output).toContain("[redacted]");
  });

  it.each([
    ["client_secret=abc123xyz&grant_type=x", "client_secret=[redacted]&grant_type=x"],
    ["<Credential><UserID>me@x.com</UserID><Password>hunter22</Password></Credential>", "<Credential><UserID>[redacted]</UserID><Password>[redacted]</Password></Credential>"],
    ["authorization: Bearer eyJhbGciOi.abc.def", "authorization: Bearer [redacted]"],
    ['{"password":"pw-value-1"}', '{"password":"[redacted]"}'],
  ])("removes credential-shaped text whatever its value: %s", (input, expected) => {
    expect(scrub(input)).toBe(expected);
  });

  it("redacts credential fields in any header case", () => {
    const { logger, lines } = capture();
    logger.info({ headers: { Authorization: "Basic zzz", authorization: "Bearer yyy" }, password: "p" }, "call");
    expect(lines.join("")).not.toMatch(/zzz|yyy|"p"/);
  });
});
