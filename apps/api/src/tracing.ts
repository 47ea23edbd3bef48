// Only the tracing module: the platform's entry point would load node:http, pg and ioredis first.
import { otlpEndpointOf, startTracing } from '@kivuko/platform/tracing';

/**
 * Imported first by `main`, before the application's own modules load node:http, pg and ioredis, so that
 * OpenTelemetry's instrumentations see them. Off (and nothing of OpenTelemetry loaded) without an endpoint.
 */
startTracing({ endpoint: otlpEndpointOf(process.env), serviceName: 'kivuko-api' });
