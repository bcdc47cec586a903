// Curated ProviderErrors for the transport. A message names the provider and what happened,
// never the URL, a header or an upstream body. undici errors can carry the URL in their
// message, so they are never attached as `cause`: only `{ code }` is.
import type { Provider } from "../__generated__/resolvers-types.js";
import { ProviderError, providerLabel } from "../domain/errors.js";
import { isTimeoutErrorCode, type AttemptOutcome, type StopReason } from "./retry-policy.js";

/** The machine code of a thrown undici/system error ("ECONNRESET", "UND_ERR_SOCKET", ...). */
export function errorCode(error: unknown): string {
  const own = codeOf(error);
  if (own !== undefined) return own;
  // Happy-eyeballs connects fail with an AggregateError; undici may wrap a socket error as cause.
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const code = codeOf(inner);
      if (code !== undefined) return code;
    }
  }
  if (error instanceof Error) return codeOf(error.cause) ?? "UNKNOWN";
  return "UNKNOWN";
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = (error as { code: unknown }).code;
  // Codes are fixed identifiers; anything else is not trusted into a message.
  return typeof code === "string" && /^[A-Z0-9_]{1,64}$/.test(code) ? code : undefined;
}

const ERROR_PHRASES: Readonly<Record<string, string>> = {
  ECONNREFUSED: "refused the connection",
  ECONNRESET: "reset the connection",
  EPIPE: "closed the connection while the request was sent",
  ENOTFOUND: "could not be resolved (DNS)",
  UND_ERR_SOCKET: "closed the connection",
  UND_ERR_CLOSED: "closed the connection",
  UND_ERR_CONNECT_TIMEOUT: "did not accept a connection in time",
  UND_ERR_HEADERS_TIMEOUT: "did not send response headers in time",
  UND_ERR_BODY_TIMEOUT: "stalled while sending the response body",
};

/** "answered HTTP 503", "refused the connection", ... */
export function describeOutcome(outcome: AttemptOutcome): string {
  if (outcome.kind === "status") return `answered HTTP ${outcome.status}`;
  if (outcome.code.startsWith("HPE_")) return "sent a response that is not valid HTTP";
  return ERROR_PHRASES[outcome.code] ?? `failed (${outcome.code})`;
}

function times(n: number): string {
  if (n === 1) return "once";
  if (n === 2) return "twice";
  if (n === 3) return "three times";
  return `${n} times`;
}

/** The error after the retry loop stopped on `last` (the final entry of `outcomes`). */
export function finalError(provider: Provider, outcomes: readonly AttemptOutcome[], reason: StopReason): ProviderError {
  const label = providerLabel(provider);
  const last = outcomes[outcomes.length - 1];
  if (last === undefined) throw new Error("finalError needs at least one attempt outcome");
  const phrases = outcomes.map(describeOutcome);
  const lastPhrase = describeOutcome(last);
  let message =
    outcomes.length === 1
      ? `${label} ${lastPhrase}`
      : phrases.every((p) => p === lastPhrase)
        ? `${label} ${lastPhrase} ${times(outcomes.length)}`
        : `${label} ${lastPhrase} (attempts: ${phrases.join(", ")})`;
  const retryAfterSeconds = last.kind === "status" ? last.retryAfterSeconds : null;
  if (reason === "retry-after-past-deadline") message += `; it asked to retry after ${retryAfterSeconds} s, past the request deadline`;
  if (reason === "no-time-for-backoff") message += "; no time was left before the request deadline to retry";

  if (last.kind === "status") {
    const options = { upstreamStatus: last.status, retryAfterSeconds };
    if (last.status === 429) return new ProviderError(provider, "RATE_LIMITED", message, options);
    if (last.status >= 500) return new ProviderError(provider, "UNAVAILABLE", message, options);
    // Only 429 and 5xx reach the retry loop; anything else is returned to the caller.
    return new ProviderError(provider, "BAD_RESPONSE", message, options);
  }
  const cause = { code: last.code };
  if (isTimeoutErrorCode(last.code)) return new ProviderError(provider, "TIMEOUT", message, { cause });
  if (last.code.startsWith("HPE_")) return new ProviderError(provider, "BAD_RESPONSE", message, { cause });
  return new ProviderError(provider, "UNAVAILABLE", message, { cause });
}

/** The request deadline passed (during an attempt or before the next one). */
export function deadlineError(provider: Provider, attempts: number): ProviderError {
  const after = attempts > 1 ? ` (${attempts} attempts)` : "";
  return new ProviderError(provider, "TIMEOUT", `${providerLabel(provider)} did not answer before the request deadline${after}`);
}

/** The reason a request's signal carries when the process cuts its upstream calls at shutdown. */
export class ShutdownAbort extends Error {
  override readonly name = "ShutdownAbort";
  constructor() {
    super("the subgraph is shutting down");
  }
}

/** Why a call's signal aborted: its deadline passed, the process is shutting down, or the caller left. */
export function abortedCallError(provider: Provider, call: { readonly signal: AbortSignal; readonly deadline: number }, attempts: number, now: number): ProviderError {
  if (call.signal.reason instanceof ShutdownAbort) {
    return new ProviderError(provider, "TIMEOUT", `The call to ${providerLabel(provider)} was cut because this subgraph replica is shutting down; ask again`);
  }
  return now >= call.deadline ? deadlineError(provider, attempts) : cancelledError(provider);
}

/** The caller went away (client abort): reported as TIMEOUT, never retried. */
export function cancelledError(provider: Provider): ProviderError {
  return new ProviderError(provider, "TIMEOUT", `The call to ${providerLabel(provider)} was cancelled before it finished`);
}

export function tooLargeError(provider: Provider, maxBytes: number, status: number): ProviderError {
  return new ProviderError(provider, "BAD_RESPONSE", `${providerLabel(provider)} sent a response larger than ${maxBytes} bytes`, {
    upstreamStatus: status,
  });
}
