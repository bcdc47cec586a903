// OAuth2 client-credentials tokens (Ingram Micro, fabric): cached, refreshed before they
// expire, and fetched by one request in flight that every caller shares, so 50 cold
// requests cost one token call. The fetch runs on its own deadline rather than the first
// caller's, so one impatient caller cannot fail everybody waiting on the same refresh.
// With shared state (Redis) the token is kept there too and one replica fetches it for all
// (a claim, as for lookups): one token request per account across replicas.
import { z } from "zod";
import type { Provider } from "../__generated__/resolvers-types.js";
import { ProviderError, providerLabel } from "../domain/errors.js";
import { accountIdentity } from "../providers/account.js";
import type { CallContext } from "../providers/types.js";
import type { Coordination } from "../state/coordination.js";
import type { EntryStore } from "../state/entry-store.js";
import type { Transport } from "./transport.js";

export interface TokenSource {
  /** A valid access token, fetched or refreshed when needed. */
  token(call: CallContext): Promise<string>;
  /** Forgets `token` after the API rejected it (401), so the next call fetches a new one. */
  invalidate(token: string): void;
}

export interface ClientCredentialsOptions {
  readonly provider: Provider;
  readonly transport: Transport;
  readonly tokenUrl: URL;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Refresh this long before expiry (capped at half the lifetime); default 5 minutes. */
  readonly refreshMarginMs?: number;
  /** Longest a token is trusted whatever expires_in says; default 24 hours. */
  readonly maxLifetimeMs?: number;
  /** Deadline of the token request itself; default 10 s. */
  readonly fetchTimeoutMs?: number;
  readonly now?: () => number;
  /** Where replicas share the token; absent: this process only. */
  readonly shared?: { readonly store: EntryStore; readonly coordination: Coordination };
}

// expires_in arrives as a number (fabric, Ingram docs) or a string (Ingram's Apigee: "86399").
const TokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/)]).transform(Number).pipe(z.number().positive().finite()),
});

interface CachedToken {
  readonly value: string;
  readonly refreshAt: number;
}

function asToken(value: unknown): CachedToken | null {
  if (value === null || typeof value !== "object") return null;
  const token = value as Partial<CachedToken>;
  return typeof token.value === "string" && token.value !== "" && typeof token.refreshAt === "number" ? { value: token.value, refreshAt: token.refreshAt } : null;
}

export function clientCredentialsTokenSource(options: ClientCredentialsOptions): TokenSource {
  const now = options.now ?? Date.now;
  const label = providerLabel(options.provider);
  let cached: CachedToken | null = null;
  let inflight: Promise<CachedToken> | null = null;

  async function fetchToken(logger: CallContext["logger"], requestId: string): Promise<CachedToken> {
    const controller = new AbortController();
    const timeoutMs = options.fetchTimeoutMs ?? 10_000;
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const body = new URLSearchParams({ grant_type: "client_credentials", client_id: options.clientId, client_secret: options.clientSecret });
      const issuedAt = now();
      const response = await options.transport.request(
        {
          method: "POST",
          url: options.tokenUrl,
          // The configured token path (no query string: config.ts refuses one).
          route: options.tokenUrl.pathname,
          headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
          body: body.toString(),
          // Asking for a token has no side effect a retry could repeat.
          retry: "read-only-post",
          maxResponseBytes: 64 * 1024,
        },
        // The deadline is wall-clock time for the transport; `now` only drives token lifetimes.
        { signal: controller.signal, deadline: Date.now() + timeoutMs, requestId, logger },
      );
      if (response.status === 400 || response.status === 401 || response.status === 403) {
        throw new ProviderError(options.provider, "AUTH_FAILED", `${label} rejected this subgraph's client credentials`, { upstreamStatus: response.status });
      }
      if (response.status !== 200) {
        throw new ProviderError(options.provider, "UNAVAILABLE", `${label} token endpoint answered HTTP ${response.status}`, { upstreamStatus: response.status });
      }
      let json: unknown;
      try {
        json = JSON.parse(response.text);
      } catch {
        throw new ProviderError(options.provider, "BAD_RESPONSE", `${label} token endpoint sent a body that is not JSON`);
      }
      const parsed = TokenResponse.safeParse(json);
      if (!parsed.success) throw new ProviderError(options.provider, "BAD_RESPONSE", `${label} token endpoint sent no usable access_token and expires_in`);
      const lifetimeMs = Math.min(parsed.data.expires_in * 1000, options.maxLifetimeMs ?? 24 * 3600_000);
      const margin = Math.min(options.refreshMarginMs ?? 5 * 60_000, lifetimeMs / 2);
      return { value: parsed.data.access_token, refreshAt: issuedAt + lifetimeMs - margin };
    } finally {
      clearTimeout(timer);
    }
  }

  function waitWithin<T>(promise: Promise<T>, call: CallContext): Promise<T> {
    if (call.signal.aborted) return Promise.reject(new ProviderError(options.provider, "TIMEOUT", `${label} did not answer within the request's deadline`));
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(new ProviderError(options.provider, "TIMEOUT", `${label} did not answer within the request's deadline`));
      call.signal.addEventListener("abort", onAbort, { once: true });
      promise.then(
        (value) => {
          call.signal.removeEventListener("abort", onAbort);
          resolve(value);
        },
        (error: unknown) => {
          call.signal.removeEventListener("abort", onAbort);
          reject(error);
        },
      );
    });
  }

  const shared = options.shared;
  // The token endpoint and client id say whose token it is; hashed, never the secret.
  const sharedKey = `token:${options.provider}:${accountIdentity(options.tokenUrl.href, options.clientId)}`;

  /** A token another replica stored that is still good, or null. */
  async function storedToken(): Promise<CachedToken | null> {
    if (!shared) return null;
    const [value] = await shared.store.get([sharedKey]);
    const token = asToken(value);
    return token !== null && now() < token.refreshAt ? token : null;
  }

  async function fetchAndShare(logger: CallContext["logger"], requestId: string, claimed: boolean): Promise<CachedToken> {
    try {
      const token = await fetchToken(logger, requestId);
      if (shared) await shared.store.set([{ key: sharedKey, value: token, ttlMs: token.refreshAt - now() }]);
      if (claimed) await shared?.coordination.finish(sharedKey, null);
      return token;
    } catch (error) {
      if (claimed) {
        const failure = error instanceof ProviderError ? { code: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds } : null;
        await shared?.coordination.finish(sharedKey, failure);
      }
      throw error;
    }
  }

  /** The shared token, else one fetched by whichever replica claims the fetch first. */
  async function obtain(logger: CallContext["logger"], requestId: string): Promise<CachedToken> {
    const stored = await storedToken();
    if (stored !== null) return stored;
    if (!shared?.coordination.shared) return fetchAndShare(logger, requestId, false);
    const timeoutMs = options.fetchTimeoutMs ?? 10_000;
    const won = await shared.coordination.claim([sharedKey], timeoutMs);
    if (won.has(sharedKey)) return fetchAndShare(logger, requestId, true);
    const end = await shared.coordination.awaitFinish(sharedKey, AbortSignal.timeout(timeoutMs));
    const fetched = await storedToken();
    if (fetched !== null) return fetched;
    if (end.kind === "failed") {
      const code = end.failure.code === "AUTH_FAILED" ? "AUTH_FAILED" : "UNAVAILABLE";
      throw new ProviderError(options.provider, code, end.failure.message, { retryAfterSeconds: end.failure.retryAfterSeconds });
    }
    // The other replica vanished or stored nothing: fetch here.
    return fetchAndShare(logger, requestId, false);
  }

  return {
    async token(call) {
      if (cached && now() < cached.refreshAt) return cached.value;
      if (!inflight) {
        inflight = obtain(call.logger, call.requestId).then(
          (token) => {
            cached = token;
            inflight = null;
            return token;
          },
          (error: unknown) => {
            inflight = null;
            throw error;
          },
        );
      }
      return (await waitWithin(inflight, call)).value;
    },
    invalidate(token) {
      if (cached?.value !== token) return;
      // Only the rejected token: one another replica stored meanwhile stays.
      if (shared) void shared.store.delete(sharedKey, cached).catch(() => {});
      cached = null;
    },
  };
}
