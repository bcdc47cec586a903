// The one error vocabulary of the subgraph. Providers and the transport throw ProviderError;
// this module alone turns it into the ProviderFailure data type and into GraphQL error
// extensions, so a message is curated once and never carries an upstream body or a secret.
import { GraphQLError } from "graphql";
import type { Provider, ProviderFailureCode } from "../__generated__/resolvers-types.js";
import type { ProviderFailureModel } from "./models.js";

export type { ProviderFailureCode };

export class ProviderError extends Error {
  override readonly name = "ProviderError";
  readonly provider: Provider;
  readonly code: ProviderFailureCode;
  /** Seconds to wait before asking again (RATE_LIMITED, sometimes UNAVAILABLE). */
  readonly retryAfterSeconds: number | null;
  /** Upstream HTTP status when there was one; for logs and metrics, never for clients. */
  readonly upstreamStatus: number | null;

  constructor(
    provider: Provider,
    code: ProviderFailureCode,
    message: string,
    options: { retryAfterSeconds?: number | null; upstreamStatus?: number | null; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.provider = provider;
    this.code = code;
    this.retryAfterSeconds =
      options.retryAfterSeconds === undefined || options.retryAfterSeconds === null
        ? null
        : Math.max(0, Math.ceil(options.retryAfterSeconds));
    this.upstreamStatus = options.upstreamStatus ?? null;
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}

/** Anything a provider threw that is not a ProviderError is a bug or a bad payload: BAD_RESPONSE. */
export function asProviderError(provider: Provider, error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  return new ProviderError(provider, "BAD_RESPONSE", `${providerLabel(provider)} returned a response this subgraph could not read`, {
    cause: error,
  });
}

export function notConfigured(provider: Provider): ProviderError {
  return new ProviderError(provider, "NOT_CONFIGURED", `${providerLabel(provider)} is not configured on this subgraph`);
}

export function toProviderFailure(error: ProviderError, purchaseOrderNumbers: readonly string[]): ProviderFailureModel {
  return {
    provider: error.provider,
    code: error.code,
    message: error.message,
    purchaseOrderNumbers,
    retryAfterSeconds: error.retryAfterSeconds,
  };
}

type FailureFacts = Pick<ProviderFailureModel, "provider" | "code" | "message" | "retryAfterSeconds">;

/** The GraphQL error for a failed provider: `extensions.code` = `PROVIDER_<CODE>`. */
export function toGraphQLError(error: FailureFacts, path?: ReadonlyArray<string | number>): GraphQLError {
  const extensions: Record<string, unknown> = {
    code: `PROVIDER_${error.code}`,
    provider: error.provider,
  };
  if (error.retryAfterSeconds !== null) extensions["retryAfterSeconds"] = error.retryAfterSeconds;
  return new GraphQLError(error.message, { path, extensions });
}

const LABELS: Record<Provider, string> = {
  INGRAM_MICRO: "Ingram Micro",
  TD_SYNNEX: "TD SYNNEX",
  FABRIC: "fabric",
  STULLER: "Stuller",
};

export function providerLabel(provider: Provider): string {
  return LABELS[provider];
}
