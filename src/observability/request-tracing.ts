// The span of one GraphQL request: a SERVER span that continues the router's trace (W3C
// `traceparent`/`tracestate`), named after the operation once Apollo has resolved it
// ("query InvoicesOfOrders"). Everything the request does upstream runs inside it. Never
// recorded: the query text, variables, the URL's query string (a GET carries the query there)
// and any header.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type TextMapGetter } from "@opentelemetry/api";
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE } from "@opentelemetry/semantic-conventions";
import { activeTracing } from "./tracing.js";

// Incubating semantic conventions are copied, not imported (OpenTelemetry's advice: they may change).
export const ATTR_GRAPHQL_OPERATION_NAME = "graphql.operation.name";
export const ATTR_GRAPHQL_OPERATION_TYPE = "graphql.operation.type";
export const ATTR_REQUEST_ID = "invoices.request.id";
export const ATTR_GRAPHQL_ERRORS = "invoices.graphql.errors";

const headerGetter: TextMapGetter<IncomingHttpHeaders> = {
  keys: (headers) => Object.keys(headers),
  get: (headers, key) => headers[key],
};

/**
 * Runs `handle` (one /graphql request, up to its response's end) inside a SERVER span whose
 * parent is the incoming `traceparent`. Call only when tracing is on (tracingEnabled()), so
 * that off no closure is made for it.
 */
export function traceGraphQLRequest<T>(request: IncomingMessage, response: ServerResponse, handle: () => Promise<T>): Promise<T> {
  const tracing = activeTracing();
  if (tracing === null) return handle();
  const parent = tracing.propagator.extract(ROOT_CONTEXT, request.headers, headerGetter);
  const span = tracing.tracer.startSpan(
    "graphql",
    { kind: SpanKind.SERVER, attributes: { [ATTR_HTTP_REQUEST_METHOD]: (request.method ?? "GET").toUpperCase(), [ATTR_HTTP_ROUTE]: "/graphql" } },
    parent,
  );
  const end = () => {
    span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.statusCode);
    if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  return context.with(trace.setSpan(parent, span), handle).then(
    (value) => {
      end();
      return value;
    },
    (error: unknown) => {
      span.setStatus({ code: SpanStatusCode.ERROR });
      end();
      throw error;
    },
  );
}

const NOTHING = Promise.resolve(undefined);

const listener: GraphQLRequestListener<{ readonly requestId: string }> = {
  async didResolveOperation({ operation, operationName }) {
    const span = trace.getActiveSpan();
    if (span === undefined || operation === undefined) return;
    span.updateName(operationName ? `${operation.operation} ${operationName}` : operation.operation);
    span.setAttribute(ATTR_GRAPHQL_OPERATION_TYPE, operation.operation);
    if (operationName) span.setAttribute(ATTR_GRAPHQL_OPERATION_NAME, operationName);
  },
  async willSendResponse({ response }) {
    // Runs after the server's own plugin, which appends provider failures reported beside data.
    if (response.body.kind === "single") trace.getActiveSpan()?.setAttribute(ATTR_GRAPHQL_ERRORS, response.body.singleResult.errors?.length ?? 0);
  },
};

/**
 * Names the request's span after its operation and notes the request id and the error count.
 * Off, it answers one shared resolved promise: no listener, nothing allocated. Install it
 * after the plugin that appends provider failures to the response.
 */
export const requestTracingPlugin: ApolloServerPlugin<{ readonly requestId: string }> = {
  requestDidStart({ contextValue }) {
    const span = activeTracing() === null ? undefined : trace.getActiveSpan();
    if (span === undefined) return NOTHING;
    span.setAttribute(ATTR_REQUEST_ID, contextValue.requestId);
    return Promise.resolve(listener);
  },
};
