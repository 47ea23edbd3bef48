import helmet from '@fastify/helmet';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';

/**
 * The Content-Security-Policy of every answer: the web app is a single-page app served from this
 * origin (its scripts, styles and calls all come from 'self'), and nothing may frame it.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  // The web app's service worker (/sw.js): only a script from this origin may run as a worker.
  'worker-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/**
 * Swagger UI's page carries inline `<style>` blocks and its React components set `style` attributes,
 * so under `/docs` (and only there) styles may be inline. Its scripts are files from 'self'.
 */
export function docsContentSecurityPolicy(): string {
  const directives = { ...CONTENT_SECURITY_POLICY, 'style-src': ["'self'", "'unsafe-inline'"] };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Security headers on every answer (helmet), plus `Cache-Control: no-store` on every `/api/` answer:
 * they carry case data, which must not stay in a shared device's or a proxy's cache. A route that may be
 * cached sets its own Cache-Control, which is kept. HSTS only in production, where TLS is in front;
 * in development it would pin `localhost` to https in the browser.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication, config: AppConfig, docsPath: string, apiPrefix: string): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    hsts: config.env === 'production' ? { maxAge: ONE_YEAR_SECONDS, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  const docsCsp = docsContentSecurityPolicy();
  const docs = `/${docsPath}`;
  const api = `/${apiPrefix}/`;
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const path = request.url.split('?')[0];
    if (path === docs || path.startsWith(`${docs}/`)) void reply.header('content-security-policy', docsCsp);
    if (path.startsWith(api) && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    return payload;
  });
}
