import { INestApplication, Type, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { ErrorCodeEntry } from '../errors/error-catalog';
import { HttpErrorFilter } from '../errors/http-error.filter';
import { ApplicationLogger } from '../logging/application-logger';
import { CORRELATION_HEADER, correlationIdFor } from './correlation';
import { buildOpenApiDocument } from './openapi-document';
import { registerSecurityHeaders } from './security-headers';
import { registerInputGuard } from './input-guard';
import { createValidationPipe } from './validation';
import { hasWebApp, registerWebApp } from './web-app';
import { Metrics } from '../metrics/metrics';
import { METRICS_PATH, registerMetrics } from '../metrics/metrics-http';

export const API_PREFIX = 'api';
export const DOCS_PATH = 'docs';

/**
 * Builds the HTTP application on Fastify: `/api/v1/...` routes, `/health/*`, OpenAPI at `/docs`, one
 * error shape for every failure, validated input, a body size limit and correlation ids.
 */
export interface HttpAppOptions {
  /** The published list of error codes, for the OpenAPI document. */
  errorCodes?: readonly ErrorCodeEntry[];
}

export async function createHttpApp(
  rootModule: Type<unknown> | ReturnType<typeof Object>,
  config: AppConfig,
  options: HttpAppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    genReqId: correlationIdFor,
    logger: false,
    return503OnClosing: true,
    // Behind a load balancer every client would otherwise share its address (and the sign-in throttle
    // with it): KIVUKO_TRUST_PROXY names the proxies whose X-Forwarded-For decides req.ip.
    trustProxy: config.http.trustProxy,
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule as Type<unknown>, adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(new ApplicationLogger(app.get(Logger)));

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    void reply.header(CORRELATION_HEADER, request.id);
  });
  // Requests counted by route pattern, and /metrics behind its token (off without one).
  registerMetrics(fastify, app.get(Metrics));
  // Security headers (CSP, nosniff, referrer, frame denial, HSTS in production) and no-store on /api.
  await registerSecurityHeaders(app, config, DOCS_PATH, API_PREFIX);
  // Text PostgreSQL refuses and bodies nested deep enough to overflow the validator: a 400 before any route.
  registerInputGuard(fastify);
  // The built web app at `/` (when there is one); the api, docs and health keep their own answers.
  if (hasWebApp(config.webDir)) {
    await registerWebApp(fastify, { dir: config.webDir, serverPrefixes: [`/${API_PREFIX}`, `/${DOCS_PATH}`, `/${DOCS_PATH}-json`, '/health', METRICS_PATH] });
  }

  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready'] });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());
  // Nest hands errors raised before a route runs (unparseable JSON, too large) to this filter too.
  app.useGlobalFilters(new HttpErrorFilter());

  const document = buildOpenApiDocument(app as INestApplication, options.errorCodes ?? []);
  SwaggerModule.setup(DOCS_PATH, app as INestApplication, document, { jsonDocumentUrl: `${DOCS_PATH}-json` });

  await app.init();
  await fastify.ready();
  return app;
}
