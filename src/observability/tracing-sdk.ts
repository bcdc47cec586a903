// The OpenTelemetry SDK, built from a validated TracingConfig. Imported only by startTracing
// (tracing.ts) when tracing is on, so a process without an endpoint never loads it.
import { context, diag, DiagLogLevel, trace, type DiagLogFunction, type TextMapPropagator, type Tracer } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from "@opentelemetry/resources";
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type Sampler,
} from "@opentelemetry/sdk-trace-base";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import type { Logger } from "./logger.js";
import type { TracingConfig } from "./tracing-config.js";
import type { TracingOptions } from "./tracing.js";

export const TRACER_NAME = "invoices-subgraph";

export interface Sdk {
  readonly tracer: Tracer;
  readonly propagator: TextMapPropagator;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
  /** Gives the API back its no-op globals. */
  unregister(): void;
}

/** OTEL_TRACES_SAMPLER; parent-based by default, so the router's sampling decision is followed. */
export function samplerOf(config: Extract<TracingConfig, { enabled: true }>): Sampler {
  const ratio = () => new TraceIdRatioBasedSampler(config.ratio);
  switch (config.sampler) {
    case "always_on":
      return new AlwaysOnSampler();
    case "always_off":
      return new AlwaysOffSampler();
    case "traceidratio":
      return ratio();
    case "parentbased_always_off":
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case "parentbased_traceidratio":
      return new ParentBasedSampler({ root: ratio() });
    case "parentbased_always_on":
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

/** The SDK's own warnings (a collector that cannot be reached) as log lines, message only. */
function diagTo(logger: Logger): void {
  const write: (level: "warn" | "error") => DiagLogFunction = (level) => (message) => logger[level]({ component: "opentelemetry" }, message);
  const quiet: DiagLogFunction = () => {};
  diag.setLogger({ error: write("error"), warn: write("warn"), info: quiet, debug: quiet, verbose: quiet }, { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
}

export function createSdk(config: Extract<TracingConfig, { enabled: true }>, options: TracingOptions): Sdk {
  if (options.logger) diagTo(options.logger);
  const exporter = new OTLPTraceExporter({ url: config.url, headers: { ...config.headers } });
  // OTEL_RESOURCE_ATTRIBUTES and OTEL_SERVICE_NAME (the env detector) win over our default name.
  const resource = defaultResource()
    .merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName }))
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new BasicTracerProvider({
    resource,
    sampler: samplerOf(config),
    spanProcessors: [new BatchSpanProcessor(exporter, options.scheduledDelayMs === undefined ? {} : { scheduledDelayMillis: options.scheduledDelayMs })],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  if (!context.setGlobalContextManager(contextManager)) {
    options.logger?.warn({ component: "opentelemetry" }, "another context manager is registered: spans may not find their parents");
  }
  trace.setGlobalTracerProvider(provider);
  return {
    tracer: provider.getTracer(TRACER_NAME),
    propagator: new W3CTraceContextPropagator(),
    forceFlush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
    unregister() {
      trace.disable();
      context.disable();
      diag.disable();
    },
  };
}
