// Only the tracing module: the platform's entry point would load node:http, pg and ioredis first.
import { otlpEndpointOf, startTracing } from '@kivuko/platform/tracing';

/** Imported first by `main`: see apps/api/src/tracing.ts. */
startTracing({ endpoint: otlpEndpointOf(process.env), serviceName: 'kivuko-worker' });
