// The OTEL_* variables, validated at start like the rest of the configuration: a bad value
// names its variable and never echoes a value.
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config.js";
import { loadTracingConfig } from "../../src/observability/tracing-config.js";

const CANARY = "CANARY-otel-4b1d";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadTracingConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("tracing configuration", () => {
  it("sends to the endpoint's /v1/traces, as the invoices-subgraph service, following the router's sampling decision", () => {
    expect(loadTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: " http://otel-collector:4318/ " })).toEqual({
      enabled: true,
      url: "http://otel-collector:4318/v1/traces",
      headers: {},
      serviceName: "invoices-subgraph",
      sampler: "parentbased_always_on",
      ratio: 1,
    });
  });

  it("uses the traces endpoint as it is, and reads the service name, the sampler and its ratio", () => {
    expect(
      loadTracingConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://ignored:4318",
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://collector.example.com/otlp/traces",
        OTEL_SERVICE_NAME: "invoices-eu",
        OTEL_TRACES_SAMPLER: "ParentBased_TraceIdRatio",
        OTEL_TRACES_SAMPLER_ARG: "0.25",
      }),
    ).toMatchObject({ url: "https://collector.example.com/otlp/traces", serviceName: "invoices-eu", sampler: "parentbased_traceidratio", ratio: 0.25 });
  });

  it("reads percent-encoded export headers, the traces ones over the general ones", () => {
    const config = loadTracingConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318",
      OTEL_EXPORTER_OTLP_HEADERS: `X-Api-Key=${encodeURIComponent(CANARY)},x-tenant=a%20b`,
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: "x-tenant=traces",
    });
    expect(config).toMatchObject({ headers: { "x-api-key": CANARY, "x-tenant": "traces" } });
  });

  it.each([
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: `http://user:${CANARY}@collector:4318` }, "OTEL_EXPORTER_OTLP_ENDPOINT must not contain credentials"],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `collector:4318/${CANARY}` }, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an http or https URL"],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: `not a url ${CANARY}` }, "OTEL_EXPORTER_OTLP_ENDPOINT is not a valid URL"],
    [{ OTEL_EXPORTER_OTLP_HEADERS: `${CANARY}` }, "OTEL_EXPORTER_OTLP_HEADERS must be comma-separated key=value pairs"],
    [{ OTEL_EXPORTER_OTLP_TRACES_HEADERS: `x-api-key=%E0%A4${CANARY}` }, "OTEL_EXPORTER_OTLP_TRACES_HEADERS has a value that is not valid percent-encoding"],
    [{ OTEL_TRACES_SAMPLER: `sometimes-${CANARY}` }, "OTEL_TRACES_SAMPLER must be one of always_on"],
    [{ OTEL_TRACES_SAMPLER: "traceidratio", OTEL_TRACES_SAMPLER_ARG: "1.5" }, "OTEL_TRACES_SAMPLER_ARG must be a number between 0 and 1"],
    [{ OTEL_SDK_DISABLED: "yes" }, "OTEL_SDK_DISABLED must be true or false"],
    [{ OTEL_TRACES_EXPORTER: "jaeger" }, "OTEL_TRACES_EXPORTER must be otlp or none"],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" }, "OTEL_EXPORTER_OTLP_PROTOCOL must be http/json or http/protobuf"],
  ])("refuses %j, naming the variable and never the value", (env, message) => {
    const problems = problemsOf(env);
    expect(problems.join("\n")).toContain(message);
    expect(problems.join("\n")).not.toContain("CANARY");
  });

  it("reports every bad variable at once", () => {
    expect(problemsOf({ OTEL_TRACES_SAMPLER: "x", OTEL_SDK_DISABLED: "x", OTEL_EXPORTER_OTLP_ENDPOINT: "x" })).toHaveLength(3);
  });

  it("accepts http/protobuf: every OTLP/HTTP receiver takes the JSON this subgraph sends", () => {
    expect(loadTracingConfig({ OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf", OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })).toMatchObject({ enabled: true });
  });
});
