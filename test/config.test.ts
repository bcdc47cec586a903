import { describe, expect, it } from "vitest";
import { ConfigError, joinUrl, loadConfig } from "../src/config.js";

const CANARY = "CANARY-7f3a9c";

const ingram = {
  INGRAM_CLIENT_ID: "client",
  INGRAM_CLIENT_SECRET: CANARY,
  INGRAM_CUSTOMER_NUMBER: "20-123456",
  INGRAM_COUNTRY_CODE: "uk",
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("starts in sandbox mode on port 4001 with nothing configured", () => {
    expect(loadConfig({})).toEqual({
      port: 4001,
      sandbox: true,
      requestDeadlineMs: 20_000,
      shutdownDelayMs: 5_000,
      shutdownGraceMs: 25_000,
      routerSecrets: [],
      invoiceCacheTtlSeconds: 300,
      lookupCacheTtlSeconds: 60,
      staleIfErrorSeconds: 3_600,
      redisUrl: null,
      ingramRateLimit: { limit: 60, windowMs: 60_000 },
      providers: {},
    });
  });

  it("reads the shared-state, freshness, budget and shutdown variables", () => {
    const config = loadConfig({
      REDIS_URL: ` rediss://:${CANARY}@redis.internal:6380/2 `,
      LOOKUP_CACHE_TTL_SECONDS: "30",
      STALE_IF_ERROR_SECONDS: "0",
      INGRAM_RATE_LIMIT: "120",
      INGRAM_RATE_LIMIT_WINDOW_MS: "30000",
      SHUTDOWN_DELAY_MS: "2000",
      SHUTDOWN_GRACE_MS: "10000",
    });
    expect(config).toMatchObject({
      redisUrl: `rediss://:${CANARY}@redis.internal:6380/2`,
      lookupCacheTtlSeconds: 30,
      staleIfErrorSeconds: 0,
      ingramRateLimit: { limit: 120, windowMs: 30_000 },
      shutdownDelayMs: 2_000,
      shutdownGraceMs: 10_000,
    });
  });

  it("enables a provider when its credentials are set, with the contract's default URLs", () => {
    const config = loadConfig(ingram);
    expect(config.sandbox).toBe(false);
    expect(config.providers.INGRAM_MICRO?.baseUrl.href).toBe("https://api.ingrammicro.com/");
    expect(config.providers.INGRAM_MICRO?.tokenUrl.href).toBe("https://api.ingrammicro.com/oauth/oauth30/token");
    expect(config.providers.INGRAM_MICRO?.countryCode).toBe("UK");
    expect(config.providers.TD_SYNNEX).toBeUndefined();
  });

  it("derives fabric's token URL from its base URL", () => {
    const config = loadConfig({ FABRIC_CLIENT_ID: "a", FABRIC_CLIENT_SECRET: "b", FABRIC_RETAILER_ID: "12", FABRIC_BASE_URL: "http://127.0.0.1:9000/base" });
    expect(config.providers.FABRIC?.tokenUrl.href).toBe("http://127.0.0.1:9000/base/auth/token/");
  });

  it("forces the simulators with SANDBOX=1 even when credentials are set", () => {
    expect(loadConfig({ ...ingram, SANDBOX: "1" })).toMatchObject({ sandbox: true, providers: {} });
  });

  it("refuses to start with SANDBOX=0 and nothing configured", () => {
    expect(problemsOf({ SANDBOX: "0" })[0]).toContain("SANDBOX=0");
  });

  it.each([
    [{ ...ingram, INGRAM_BASE_URL: "http://api.example.com" }, "INGRAM_BASE_URL must use https (http is allowed only for 127.0.0.1, localhost and ::1)"],
    [{ ...ingram, INGRAM_TOKEN_URL: "not a url" }, "INGRAM_TOKEN_URL is not a valid URL"],
    [{ ...ingram, INGRAM_BASE_URL: `https://user:${CANARY}@example.com` }, "INGRAM_BASE_URL must not contain credentials; use the credential variables"],
    [{ ...ingram, INGRAM_COUNTRY_CODE: "GBR" }, "INGRAM_COUNTRY_CODE must be a two-letter ISO country code"],
    [{ INGRAM_CLIENT_ID: "x", INGRAM_CLIENT_SECRET: CANARY }, "INGRAM_CUSTOMER_NUMBER, INGRAM_COUNTRY_CODE must be set when INGRAM_CLIENT_ID, INGRAM_CLIENT_SECRET are set"],
    [{ STULLER_PASSWORD: CANARY }, "STULLER_USERNAME must be set when STULLER_PASSWORD is set"],
    [{ FABRIC_CLIENT_ID: "a", FABRIC_CLIENT_SECRET: CANARY, FABRIC_RETAILER_ID: "abc" }, "FABRIC_RETAILER_ID must be a number (the retailer id fabric shows with the API client)"],
    [{ PORT: "70000" }, "PORT must be a whole number between 0 and 65535"],
    [{ SANDBOX: "yes" }, "SANDBOX must be 1 (force the simulators), 0 (never) or unset (auto)"],
    [{ ROUTER_SECRET: `${CANARY}-long-enough,short` }, "ROUTER_SECRET must be one or more comma-separated secrets of at least 16 characters each"],
    [{ INVOICE_CACHE_TTL_SECONDS: "-1" }, "INVOICE_CACHE_TTL_SECONDS must be a whole number between 0 and 86400"],
    [{ INVOICE_CACHE_TTL_SECONDS: "5m" }, "INVOICE_CACHE_TTL_SECONDS must be a whole number between 0 and 86400"],
    [{ INVOICE_CACHE_TTL_SECONDS: "86401" }, "INVOICE_CACHE_TTL_SECONDS must be a whole number between 0 and 86400"],
    [{ LOOKUP_CACHE_TTL_SECONDS: "1.5" }, "LOOKUP_CACHE_TTL_SECONDS must be a whole number between 0 and 86400"],
    [{ STALE_IF_ERROR_SECONDS: "forever" }, "STALE_IF_ERROR_SECONDS must be a whole number between 0 and 604800"],
    [{ REDIS_URL: `http://:${CANARY}@redis:6379` }, "REDIS_URL must start with redis:// or rediss://"],
    [{ REDIS_URL: `${CANARY} not a url` }, "REDIS_URL is not a valid URL (redis://host:6379 or rediss://host:6380)"],
    [{ INGRAM_RATE_LIMIT: "0" }, "INGRAM_RATE_LIMIT must be a whole number between 1 and 100000"],
    [{ INGRAM_RATE_LIMIT_WINDOW_MS: "500" }, "INGRAM_RATE_LIMIT_WINDOW_MS must be a whole number between 1000 and 3600000"],
    [{ SHUTDOWN_DELAY_MS: "30000", SHUTDOWN_GRACE_MS: "25000" }, "SHUTDOWN_DELAY_MS must not be larger than SHUTDOWN_GRACE_MS (the grace period bounds the whole shutdown)"],
  ])("rejects a bad value with a message naming the variable: %#", (env, message) => {
    const problems = problemsOf(env);
    expect(problems).toContain(message);
    expect(problems.join("\n")).not.toContain(CANARY);
  });

  it.each([
    ["", 300],
    ["0", 0],
    [" 60 ", 60],
    ["86400", 86_400],
  ])("reads INVOICE_CACHE_TTL_SECONDS %j as %i seconds (0 turns the invoice cache off)", (text, seconds) => {
    expect(loadConfig({ INVOICE_CACHE_TTL_SECONDS: text }).invoiceCacheTtlSeconds).toBe(seconds);
  });

  it("accepts several comma-separated router secrets for a rotation", () => {
    expect(loadConfig({ ROUTER_SECRET: " first-secret-0123456 , second-secret-654321 " }).routerSecrets).toEqual(["first-secret-0123456", "second-secret-654321"]);
  });

  it("allows http on every loopback host", () => {
    for (const host of ["127.0.0.1", "localhost", "[::1]"]) {
      expect(loadConfig({ STULLER_USERNAME: "u", STULLER_PASSWORD: "p", STULLER_BASE_URL: `http://${host}:8080` }).providers.STULLER?.baseUrl.protocol).toBe("http:");
    }
  });

  it.each([
    ["https://api.ingrammicro.com:443/sandbox", "/resellers/v5/invoices/1", "https://api.ingrammicro.com/sandbox/resellers/v5/invoices/1"],
    ["https://api.ingrammicro.com:443/sandbox/", "resellers/v6/invoices", "https://api.ingrammicro.com/sandbox/resellers/v6/invoices"],
    ["https://api.stuller.com", "/v2/invoice", "https://api.stuller.com/v2/invoice"],
  ])("appends request paths to a base URL that has a path: %s + %s", (base, path, expected) => {
    expect(joinUrl(new URL(base), path).href).toBe(expected);
  });
});
