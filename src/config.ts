// The environment, parsed once at start. A bad value stops the process with a message that
// names the variable and never echoes a value (any variable may hold a secret, and a URL may
// carry credentials in its userinfo).
import { z } from "zod";
import type { Provider } from "./__generated__/resolvers-types.js";

export interface IngramConfig {
  readonly baseUrl: URL;
  readonly tokenUrl: URL;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly customerNumber: string;
  readonly countryCode: string;
}

export interface TdSynnexConfig {
  readonly url: URL;
  readonly userId: string;
  readonly password: string;
  readonly customerNumber: string;
}

export interface FabricConfig {
  readonly baseUrl: URL;
  readonly tokenUrl: URL;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly retailerId: string;
}

export interface StullerConfig {
  readonly baseUrl: URL;
  readonly username: string;
  readonly password: string;
}

export interface ProvidersConfig {
  readonly INGRAM_MICRO?: IngramConfig;
  readonly TD_SYNNEX?: TdSynnexConfig;
  readonly FABRIC?: FabricConfig;
  readonly STULLER?: StullerConfig;
}

export interface Config {
  readonly port: number;
  /** True when the embedded simulators serve every provider. */
  readonly sandbox: boolean;
  /** One deadline per GraphQL request, shared by all its upstream calls. */
  readonly requestDeadlineMs: number;
  /** After SIGTERM: how long the subgraph keeps serving (readiness 503) before it stops accepting connections. */
  readonly shutdownDelayMs: number;
  /** After SIGTERM: the hard bound on the whole shutdown; upstream calls still running then are cut. */
  readonly shutdownGraceMs: number;
  /** Accepted `Router-Authorization` values (several during a rotation); empty: no check. */
  readonly routerSecrets: readonly string[];
  /** How long an invoice that can no longer change is reused (lookup cache and Cache-Control); 0: like any other answer. */
  readonly invoiceCacheTtlSeconds: number;
  /** How long a provider's answer for a purchase order or an invoice is reused; 0: never. */
  readonly lookupCacheTtlSeconds: number;
  /** How long a last answer may be served, marked STALE, while its provider fails; 0: never. */
  readonly staleIfErrorSeconds: number;
  /** Redis shared by every replica (cache, budgets, tokens, coalescing); null: all of it in process. */
  readonly redisUrl: string | null;
  /** The Ingram account's call budget, for all replicas together. */
  readonly ingramRateLimit: { readonly limit: number; readonly windowMs: number };
  readonly providers: ProvidersConfig;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** https everywhere; http only on loopback hosts (simulators and tests). */
function providerUrl(name: string, text: string, problems: string[]): URL | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    problems.push(`${name} is not a valid URL`);
    return null;
  }
  if (url.protocol === "http:" && !LOOPBACK_HOSTS.has(url.hostname)) {
    problems.push(`${name} must use https (http is allowed only for 127.0.0.1, localhost and ::1)`);
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    problems.push(`${name} must be an https URL`);
    return null;
  }
  if (url.username !== "" || url.password !== "") {
    problems.push(`${name} must not contain credentials; use the credential variables`);
    return null;
  }
  if (url.search !== "" || url.hash !== "") {
    problems.push(`${name} must not contain a query string or fragment`);
    return null;
  }
  return url;
}

const nonEmpty = z.string().trim().min(1);
const Env = z.object({
  PORT: z.string().optional(),
  SANDBOX: z.string().optional(),
  REQUEST_DEADLINE_MS: z.string().optional(),
  SHUTDOWN_DELAY_MS: z.string().optional(),
  SHUTDOWN_GRACE_MS: z.string().optional(),
  ROUTER_SECRET: z.string().optional(),
  INVOICE_CACHE_TTL_SECONDS: z.string().optional(),
  LOOKUP_CACHE_TTL_SECONDS: z.string().optional(),
  STALE_IF_ERROR_SECONDS: z.string().optional(),
  REDIS_URL: z.string().optional(),
  INGRAM_RATE_LIMIT: z.string().optional(),
  INGRAM_RATE_LIMIT_WINDOW_MS: z.string().optional(),
});

/** redis:// or rediss://, with a host; never echoed (its userinfo may hold a password). */
function redisUrl(text: string | undefined, problems: string[]): string | null {
  const trimmed = text?.trim() ?? "";
  if (trimmed === "") return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    problems.push("REDIS_URL is not a valid URL (redis://host:6379 or rediss://host:6380)");
    return null;
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") {
    problems.push("REDIS_URL must start with redis:// or rediss://");
    return null;
  }
  if (url.hostname === "") {
    problems.push("REDIS_URL must name a host");
    return null;
  }
  return trimmed;
}

const MIN_ROUTER_SECRET_LENGTH = 16;

function routerSecrets(text: string | undefined, problems: string[]): string[] {
  if (text === undefined || text.trim() === "") return [];
  const secrets = text.split(",").map((secret) => secret.trim());
  if (secrets.some((secret) => secret.length < MIN_ROUTER_SECRET_LENGTH)) {
    problems.push(`ROUTER_SECRET must be one or more comma-separated secrets of at least ${MIN_ROUTER_SECRET_LENGTH} characters each`);
    return [];
  }
  return secrets;
}

function readInt(name: string, text: string | undefined, fallback: number, min: number, max: number, problems: string[]): number {
  if (text === undefined || text.trim() === "") return fallback;
  if (!/^\d+$/.test(text.trim())) {
    problems.push(`${name} must be a whole number between ${min} and ${max}`);
    return fallback;
  }
  const value = Number(text.trim());
  if (value < min || value > max) problems.push(`${name} must be a whole number between ${min} and ${max}`);
  return value;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads one provider's variables: all of `required` set enables the provider, none set
 * leaves it off, a partial set is an error naming what is missing.
 */
function credentials<K extends string>(env: Env, required: readonly K[], problems: string[]): Record<K, string> | null {
  const present = required.filter((name) => nonEmpty.safeParse(env[name]).success);
  if (present.length === 0) return null;
  if (present.length < required.length) {
    const missing = required.filter((name) => !present.includes(name));
    problems.push(`${missing.join(", ")} must be set when ${present.join(", ")} ${present.length === 1 ? "is" : "are"} set`);
    return null;
  }
  const out = {} as Record<K, string>;
  for (const name of required) out[name] = (env[name] ?? "").trim();
  return out;
}

function urlOf(env: Env, name: string, fallback: string, problems: string[]): URL | null {
  const text = env[name]?.trim();
  return providerUrl(name, text === undefined || text === "" ? fallback : text, problems);
}

export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const base = Env.parse(env);
  const port = readInt("PORT", base.PORT, 4001, 0, 65535, problems);
  const requestDeadlineMs = readInt("REQUEST_DEADLINE_MS", base.REQUEST_DEADLINE_MS, 20_000, 100, 120_000, problems);
  const shutdownDelayMs = readInt("SHUTDOWN_DELAY_MS", base.SHUTDOWN_DELAY_MS, 5_000, 0, 600_000, problems);
  const shutdownGraceMs = readInt("SHUTDOWN_GRACE_MS", base.SHUTDOWN_GRACE_MS, 25_000, 0, 600_000, problems);
  if (shutdownDelayMs > shutdownGraceMs) problems.push("SHUTDOWN_DELAY_MS must not be larger than SHUTDOWN_GRACE_MS (the grace period bounds the whole shutdown)");
  const invoiceCacheTtlSeconds = readInt("INVOICE_CACHE_TTL_SECONDS", base.INVOICE_CACHE_TTL_SECONDS, 300, 0, 86_400, problems);
  const lookupCacheTtlSeconds = readInt("LOOKUP_CACHE_TTL_SECONDS", base.LOOKUP_CACHE_TTL_SECONDS, 60, 0, 86_400, problems);
  const staleIfErrorSeconds = readInt("STALE_IF_ERROR_SECONDS", base.STALE_IF_ERROR_SECONDS, 3_600, 0, 7 * 86_400, problems);
  const ingramRateLimit = {
    limit: readInt("INGRAM_RATE_LIMIT", base.INGRAM_RATE_LIMIT, 60, 1, 100_000, problems),
    windowMs: readInt("INGRAM_RATE_LIMIT_WINDOW_MS", base.INGRAM_RATE_LIMIT_WINDOW_MS, 60_000, 1_000, 3_600_000, problems),
  };
  const redis = redisUrl(base.REDIS_URL, problems);
  const secrets = routerSecrets(base.ROUTER_SECRET, problems);

  const sandboxText = base.SANDBOX?.trim() ?? "";
  if (!["", "0", "1"].includes(sandboxText)) problems.push("SANDBOX must be 1 (force the simulators), 0 (never) or unset (auto)");

  const providers: { -readonly [P in Provider]?: ProvidersConfig[P] } = {};

  const ingram = credentials(env, ["INGRAM_CLIENT_ID", "INGRAM_CLIENT_SECRET", "INGRAM_CUSTOMER_NUMBER", "INGRAM_COUNTRY_CODE"], problems);
  if (ingram) {
    const baseUrl = urlOf(env, "INGRAM_BASE_URL", "https://api.ingrammicro.com:443", problems);
    const tokenUrl = urlOf(env, "INGRAM_TOKEN_URL", "https://api.ingrammicro.com:443/oauth/oauth30/token", problems);
    if (!/^[A-Za-z]{2}$/.test(ingram.INGRAM_COUNTRY_CODE)) problems.push("INGRAM_COUNTRY_CODE must be a two-letter ISO country code");
    if (baseUrl && tokenUrl) {
      providers.INGRAM_MICRO = {
        baseUrl,
        tokenUrl,
        clientId: ingram.INGRAM_CLIENT_ID,
        clientSecret: ingram.INGRAM_CLIENT_SECRET,
        customerNumber: ingram.INGRAM_CUSTOMER_NUMBER,
        countryCode: ingram.INGRAM_COUNTRY_CODE.toUpperCase(),
      };
    }
  }

  const td = credentials(env, ["TDSYNNEX_USER_ID", "TDSYNNEX_PASSWORD", "TDSYNNEX_CUSTOMER_NUMBER"], problems);
  if (td) {
    const url = urlOf(env, "TDSYNNEX_URL", "https://ws.us.tdsynnex.com/webservice/invoice/query", problems);
    if (url) providers.TD_SYNNEX = { url, userId: td.TDSYNNEX_USER_ID, password: td.TDSYNNEX_PASSWORD, customerNumber: td.TDSYNNEX_CUSTOMER_NUMBER };
  }

  const fabric = credentials(env, ["FABRIC_CLIENT_ID", "FABRIC_CLIENT_SECRET", "FABRIC_RETAILER_ID"], problems);
  if (fabric) {
    const baseUrl = urlOf(env, "FABRIC_BASE_URL", "https://marketplace-api.fabric.inc", problems);
    const tokenUrl = baseUrl ? urlOf(env, "FABRIC_TOKEN_URL", new URL("auth/token/", withSlash(baseUrl)).href, problems) : null;
    if (!/^\d+$/.test(fabric.FABRIC_RETAILER_ID)) problems.push("FABRIC_RETAILER_ID must be a number (the retailer id fabric shows with the API client)");
    if (baseUrl && tokenUrl) {
      providers.FABRIC = { baseUrl, tokenUrl, clientId: fabric.FABRIC_CLIENT_ID, clientSecret: fabric.FABRIC_CLIENT_SECRET, retailerId: fabric.FABRIC_RETAILER_ID };
    }
  }

  const stuller = credentials(env, ["STULLER_USERNAME", "STULLER_PASSWORD"], problems);
  if (stuller) {
    const baseUrl = urlOf(env, "STULLER_BASE_URL", "https://api.stuller.com", problems);
    if (baseUrl) providers.STULLER = { baseUrl, username: stuller.STULLER_USERNAME, password: stuller.STULLER_PASSWORD };
  }

  if (problems.length > 0) throw new ConfigError(problems);

  const anyConfigured = Object.keys(providers).length > 0;
  const sandbox = sandboxText === "1" || (sandboxText === "" && !anyConfigured);
  if (sandboxText === "0" && !anyConfigured) {
    throw new ConfigError(["no provider is configured and SANDBOX=0 forbids the simulators: set the credentials of at least one provider"]);
  }
  return {
    port,
    sandbox,
    requestDeadlineMs,
    shutdownDelayMs,
    shutdownGraceMs,
    routerSecrets: secrets,
    invoiceCacheTtlSeconds,
    lookupCacheTtlSeconds,
    staleIfErrorSeconds,
    redisUrl: redis,
    ingramRateLimit,
    providers: sandbox ? {} : providers,
  };
}

/** Joins a request path onto a base URL that may carry a path of its own (`/sandbox`). */
export function joinUrl(base: URL, path: string): URL {
  return new URL(path.replace(/^\/+/, ""), withSlash(base));
}

function withSlash(base: URL): URL {
  const copy = new URL(base.href);
  if (!copy.pathname.endsWith("/")) copy.pathname += "/";
  return copy;
}
