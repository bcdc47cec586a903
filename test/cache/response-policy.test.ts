import { describe, expect, it } from "vitest";
import { ResponseCachePolicy, type CacheScope } from "../../src/cache/response-policy.js";
import { cacheControlHeader } from "../../src/graphql/cache-control.js";

function policyOf(hints: ReadonlyArray<readonly [number, CacheScope] | "uncacheable">): ResponseCachePolicy {
  const policy = new ResponseCachePolicy();
  for (const hint of hints) {
    if (hint === "uncacheable") policy.uncacheable();
    else policy.cacheable(hint[0], hint[1]);
  }
  return policy;
}

describe("the Cache-Control record of one response", () => {
  it.each([
    ["nothing recorded", [], "no-store"],
    ["one private invoice", [[300, "private"]], "private, max-age=300"],
    ["the smallest time to live of everything recorded", [[300, "private"], [240.9, "private"], [86_400, "public"]], "private, max-age=240"],
    ["public data only", [[86_400, "public"]], "public, max-age=86400"],
    ["public and private data together", [[86_400, "public"], [300, "private"]], "private, max-age=300"],
    ["less than a second left", [[0.5, "private"]], "no-store"],
    ["anything uncacheable, before or after cacheable data", [[300, "private"], "uncacheable", [300, "private"]], "no-store"],
  ] as const)("%s gives %s", (_case, hints, expected) => {
    expect(policyOf(hints).header()).toBe(expected);
  });
});

describe("the Cache-Control header", () => {
  const cacheable = () => policyOf([[300, "private"]]);
  it.each([
    ["a query without errors", "query", 0, "private, max-age=300"],
    ["a query with an error (its own or a provider failure appended next to data)", "query", 1, "no-store"],
    ["a mutation", "mutation", 0, "no-store"],
    ["a subscription", "subscription", 0, "no-store"],
    ["a request that never reached an operation (parse or validation error)", undefined, 0, "no-store"],
  ])("for %s: %s", (_case, operation, errors, expected) => {
    expect(cacheControlHeader(operation, errors, cacheable())).toBe(expected);
  });
});
