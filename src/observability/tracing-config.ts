// The standard OpenTelemetry variables, read and validated at start like the rest of the
// configuration (config.ts): a bad value stops the process with a message that names the
// variable and never echoes a value (the endpoint's userinfo or OTEL_EXPORTER_OTLP_HEADERS may
// hold an API key). Tracing is on only when an OTLP endpoint is configured.
import { ConfigError } from "../config.js";

export type SamplerName = "always_on" | "always_off" | "traceidratio" | "parentbased_always_on" | "parentbased_always_off" | "parentbased_traceidratio";

export type TracingConfig =
  | { readonly enabled: false; readonly reason: "no endpoint" | "OTEL_SDK_DISABLED" | "OTEL_TRACES_EXPORTER=none" }
  | {
      readonly enabled: true;
      /** Where spans are POSTed (OTLP/HTTP, JSON): the traces endpoint, or the endpoint + /v1/traces. */
      readonly url: string;
      /** Sent with every export; may hold an API key, so never logged. */
      readonly headers: Readonly<Record<string, string>>;
      readonly serviceName: string;
      readonly sampler: SamplerName;
      /** The ratio of the *traceidratio samplers, in [0, 1]. */
      readonly ratio: number;
    };

export const DEFAULT_SERVICE_NAME = "invoices-subgraph";

const SAMPLERS: ReadonlySet<string> = new Set<SamplerName>([
  "always_on",
  "always_off",
  "traceidratio",
  "parentbased_always_on",
  "parentbased_always_off",
  "parentbased_traceidratio",
]);

type Env = Readonly<Record<string, string | undefined>>;

function text(env: Env, name: string): string {
  return env[name]?.trim() ?? "";
}

/** An http(s) URL without userinfo, or null with the problem noted. */
function endpoint(name: string, value: string, problems: string[]): URL | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${name} is not a valid URL (e.g. http://otel-collector:4318)`);
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    problems.push(`${name} must be an http or https URL (this subgraph exports OTLP over HTTP)`);
    return null;
  }
  if (url.username !== "" || url.password !== "") {
    problems.push(`${name} must not contain credentials; put them in OTEL_EXPORTER_OTLP_HEADERS`);
    return null;
  }
  return url;
}

/** W3C-baggage-style `key=value,key2=value2`, values percent-encoded (the OTLP exporter spec). */
function headers(name: string, value: string, into: Record<string, string>, problems: string[]): void {
  if (value === "") return;
  for (const pair of value.split(",")) {
    const at = pair.indexOf("=");
    const key = at < 0 ? "" : pair.slice(0, at).trim();
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(key)) {
      problems.push(`${name} must be comma-separated key=value pairs with header names as keys`);
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      problems.push(`${name} has a value that is not valid percent-encoding`);
      return;
    }
    into[key.toLowerCase()] = decoded;
  }
}

/**
 * OTEL_SDK_DISABLED, OTEL_TRACES_EXPORTER, OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT,
 * OTEL_EXPORTER_OTLP_(TRACES_)HEADERS, OTEL_EXPORTER_OTLP_(TRACES_)PROTOCOL, OTEL_SERVICE_NAME,
 * OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG. The rest (OTEL_BSP_*, OTEL_EXPORTER_OTLP_TIMEOUT,
 * OTEL_EXPORTER_OTLP_COMPRESSION, OTEL_RESOURCE_ATTRIBUTES) the SDK reads itself.
 */
export function loadTracingConfig(env: Env): TracingConfig {
  const problems: string[] = [];
  const disabled = text(env, "OTEL_SDK_DISABLED").toLowerCase();
  if (!["", "true", "false"].includes(disabled)) problems.push("OTEL_SDK_DISABLED must be true or false");
  const exporter = text(env, "OTEL_TRACES_EXPORTER").toLowerCase();
  if (!["", "otlp", "none"].includes(exporter)) problems.push("OTEL_TRACES_EXPORTER must be otlp or none (this subgraph exports OTLP over HTTP only)");
  for (const name of ["OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"]) {
    // Every OTLP/HTTP receiver accepts JSON as well as protobuf; gRPC is another port and wire.
    if (!["", "http/json", "http/protobuf"].includes(text(env, name).toLowerCase())) problems.push(`${name} must be http/json or http/protobuf (this subgraph sends OTLP/HTTP with JSON; gRPC is not supported)`);
  }

  const tracesEndpoint = text(env, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  const baseEndpoint = text(env, "OTEL_EXPORTER_OTLP_ENDPOINT");
  let url: string | null = null;
  if (tracesEndpoint !== "") url = endpoint("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", tracesEndpoint, problems)?.href ?? null;
  else if (baseEndpoint !== "") {
    const base = endpoint("OTEL_EXPORTER_OTLP_ENDPOINT", baseEndpoint, problems);
    // The spec: the base endpoint gets the signal's path appended, the traces endpoint is used as is.
    if (base) url = `${base.href.replace(/\/+$/, "")}/v1/traces`;
  }
  const exportHeaders: Record<string, string> = {};
  headers("OTEL_EXPORTER_OTLP_HEADERS", text(env, "OTEL_EXPORTER_OTLP_HEADERS"), exportHeaders, problems);
  headers("OTEL_EXPORTER_OTLP_TRACES_HEADERS", text(env, "OTEL_EXPORTER_OTLP_TRACES_HEADERS"), exportHeaders, problems);

  const samplerText = text(env, "OTEL_TRACES_SAMPLER").toLowerCase();
  const sampler = (samplerText === "" ? "parentbased_always_on" : samplerText) as SamplerName;
  if (!SAMPLERS.has(sampler)) problems.push(`OTEL_TRACES_SAMPLER must be one of ${[...SAMPLERS].join(", ")}`);
  const ratioText = text(env, "OTEL_TRACES_SAMPLER_ARG");
  let ratio = 1;
  if (sampler.endsWith("traceidratio") && ratioText !== "") {
    ratio = /^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(ratioText) ? Number(ratioText) : Number.NaN;
    if (Number.isNaN(ratio)) problems.push("OTEL_TRACES_SAMPLER_ARG must be a number between 0 and 1 (the share of traces sampled)");
  }
  const serviceName = text(env, "OTEL_SERVICE_NAME") || DEFAULT_SERVICE_NAME;

  if (problems.length > 0) throw new ConfigError(problems);
  if (disabled === "true") return { enabled: false, reason: "OTEL_SDK_DISABLED" };
  if (exporter === "none") return { enabled: false, reason: "OTEL_TRACES_EXPORTER=none" };
  if (url === null) return { enabled: false, reason: "no endpoint" };
  return { enabled: true, url, headers: exportHeaders, serviceName, sampler, ratio };
}
