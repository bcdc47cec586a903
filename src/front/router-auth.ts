// Router-only access: with ROUTER_SECRET set, a request without a matching
// `Router-Authorization` header is refused before any body is read or GraphQL parsed.
// Several comma-separated secrets are accepted at once so a secret can be rotated.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

export type RouterAuthorizer = (headers: IncomingHttpHeaders) => boolean;

/** Hashing both sides gives equal-length buffers, so the comparison leaks neither length nor content. */
function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

export function routerAuthorizer(secrets: readonly string[]): RouterAuthorizer | null {
  if (secrets.length === 0) return null;
  const expected = secrets.map(digest);
  return (headers) => {
    const raw = headers["router-authorization"];
    const presented = Array.isArray(raw) ? raw[0] : raw;
    if (presented === undefined || presented === "") return false;
    const actual = digest(presented);
    // Compare against every secret without stopping early, so timing says nothing about which matched.
    let match = false;
    for (const candidate of expected) match = timingSafeEqual(candidate, actual) || match;
    return match;
  };
}
