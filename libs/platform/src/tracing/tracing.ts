import type { SpanExporter } from '@opentelemetry/sdk-trace';

/**
 * Opt-in tracing with OpenTelemetry. Off unless an OTLP endpoint is configured, and then nothing of
 * OpenTelemetry is even loaded: the modules below are required inside `startTracing` only.
 *
 * It must start before the modules it instruments are loaded (node:http, pg, ioredis), so each app's
 * `main` starts it from its first import (`apps/<app>/src/tracing.ts`), before the rest of the application.
 */
export interface TracingOptions {
  /** OTLP over HTTP, e.g. http://collector:4318 (spans go to `<endpoint>/v1/traces`). */
  endpoint?: string;
  serviceName: string;
  /** Instead of the OTLP exporter (tests). */
  exporter?: SpanExporter;
}

export interface Tracing {
  /** Sends what is still buffered, and stops. */
  shutdown(): Promise<void>;
}

let active: Tracing | null = null;

/** Whether this process traces (started with an endpoint). */
export function tracingEnabled(): boolean {
  return active !== null;
}

/** The endpoint from the environment: the standard variable wins over Kivuko's own name. Empty means unset. */
export function otlpEndpointOf(env: Record<string, string | undefined>): string | undefined {
  const value = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.KIVUKO_OTLP_ENDPOINT?.trim();
  return value ? value : undefined;
}

export function startTracing(options: TracingOptions): Tracing | null {
  if (active) return active;
  if (!options.endpoint && !options.exporter) return null;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is on */
  const api = require('@opentelemetry/api') as typeof import('@opentelemetry/api');
  const { W3CTraceContextPropagator } = require('@opentelemetry/core') as typeof import('@opentelemetry/core');
  const { AsyncLocalStorageContextManager } = require('@opentelemetry/context-async-hooks') as typeof import('@opentelemetry/context-async-hooks');
  const { BatchSpanProcessor, TracerProvider } = require('@opentelemetry/sdk-trace') as typeof import('@opentelemetry/sdk-trace');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const { IORedisInstrumentation } = require('@opentelemetry/instrumentation-ioredis') as typeof import('@opentelemetry/instrumentation-ioredis');
  const exporter =
    options.exporter ??
    new (require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter({
      url: `${options.endpoint!.replace(/\/+$/, '')}/v1/traces`,
    });
  /* eslint-enable @typescript-eslint/no-require-imports */

  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [new BatchSpanProcessor({ exporter, scheduledDelayMillis: 1_000 })],
  });
  api.context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  api.propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  api.trace.setGlobalTracerProvider(provider);
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      // Probes and scrapes are not traced: they would drown the traces that matter.
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(health\/|metrics(\?|$))/.test(req.url ?? '') }),
      // Statements only, never their values (which may hold personal data).
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
      new IORedisInstrumentation(),
    ],
  });
  active = {
    async shutdown() {
      unregister();
      await provider.shutdown();
      active = null;
    },
  };
  return active;
}

/** Stops tracing if it runs (flushes what is buffered). */
export async function stopTracing(): Promise<void> {
  await active?.shutdown();
}

/** The trace and span ids of the active span, for the log lines (nothing when tracing is off or no span is active). */
export function activeTraceIds(): { trace_id: string; span_id: string } | Record<string, never> {
  if (!active) return {};
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by startTracing already
  const api = require('@opentelemetry/api') as typeof import('@opentelemetry/api');
  const span = api.trace.getActiveSpan()?.spanContext();
  return span && api.isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : {};
}

/** Names the server span of a request after its route pattern (`GET /api/v1/cases/:id`), never its raw path. */
export function nameServerSpan(method: string, route: string): void {
  if (!active) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by startTracing already
  const api = require('@opentelemetry/api') as typeof import('@opentelemetry/api');
  const span = api.trace.getActiveSpan();
  if (!span) return;
  span.updateName(`${method} ${route}`);
  span.setAttribute('http.route', route);
}

/** BullMQ's telemetry (spans for adding and processing jobs, linked across processes), when tracing is on. */
export function bullmqTelemetry(): import('bullmq').Telemetry | undefined {
  if (!active) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when tracing is on
  const { BullMQOtel } = require('bullmq-otel') as typeof import('bullmq-otel');
  return new BullMQOtel({ tracerName: 'kivuko' }) as unknown as import('bullmq').Telemetry;
}
