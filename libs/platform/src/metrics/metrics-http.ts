import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { Metrics } from './metrics';
import { nameServerSpan } from '../tracing/tracing';

export const METRICS_PATH = '/metrics';

/** What a request is counted under: the route pattern it matched, never the path it asked for. */
export function routeLabel(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}

/**
 * Counts and times every answered request by route pattern, and serves `/metrics` behind the bearer
 * token (404 while no token is configured; 401 for a missing or wrong one). The route is Fastify's own,
 * outside Nest, so it is neither under /api/v1 nor in the OpenAPI document.
 */
export function registerMetrics(fastify: FastifyInstance, metrics: Metrics): void {
  // With tracing on, the request's server span is named after its route pattern too.
  fastify.addHook('onRequest', async (request: FastifyRequest) => nameServerSpan(request.method, routeLabel(request)));
  fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const labels = { method: request.method, route: routeLabel(request), status: String(reply.statusCode) };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
  });
  fastify.get(METRICS_PATH, async (request: FastifyRequest, reply: FastifyReply) => {
    const answer = await metricsAnswer(metrics, request.headers.authorization, request.id);
    void reply.status(answer.status).header('content-type', answer.contentType).header('cache-control', 'no-store');
    if (answer.status === 401) void reply.header('www-authenticate', 'Bearer realm="metrics"');
    return answer.body;
  });
}

interface MetricsAnswer {
  status: 200 | 401 | 404;
  contentType: string;
  body: string;
}

/** The platform's error shape for the two refusals. */
async function metricsAnswer(metrics: Metrics, authorization: string | undefined, correlationId: string): Promise<MetricsAnswer> {
  const json = 'application/json; charset=utf-8';
  switch (metrics.checkToken(authorization)) {
    case 'off':
      return { status: 404, contentType: json, body: JSON.stringify({ code: 'REQUEST.NOT_FOUND', message: 'Not found', correlationId }) };
    case 'refused':
      return { status: 401, contentType: json, body: JSON.stringify({ code: 'AUTH.UNAUTHENTICATED', message: 'A valid metrics token is required', correlationId }) };
    default: {
      const { contentType, body } = await metrics.exposition();
      return { status: 200, contentType, body };
    }
  }
}

/** The worker's own small HTTP server: `/metrics` and nothing else. */
export async function startMetricsServer(metrics: Metrics, host: string, port: number): Promise<Server> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== METRICS_PATH) {
      res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ code: 'REQUEST.NOT_FOUND', message: 'Not found', correlationId: randomUUID() }));
      return;
    }
    metricsAnswer(metrics, req.headers.authorization, randomUUID()).then(
      (answer) => {
        const headers: Record<string, string> = { 'content-type': answer.contentType, 'cache-control': 'no-store' };
        if (answer.status === 401) headers['www-authenticate'] = 'Bearer realm="metrics"';
        res.writeHead(answer.status, headers).end(answer.body);
      },
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
