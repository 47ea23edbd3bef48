import fastifyStatic from '@fastify/static';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Vite names every file under `assets/` by its content hash: a new build gets new names. */
const HASHED_ASSET = /\/assets\//;
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;
export const IMMUTABLE_CACHE = `public, max-age=${ONE_YEAR_SECONDS}, immutable`;
/** index.html, the service worker and the manifest must be revalidated so a new release reaches the browser. */
export const REVALIDATE_CACHE = 'no-cache';

export interface WebAppOptions {
  /** The built web app (Vite's outDir). */
  dir: string;
  /** Path prefixes that belong to the server (api, docs, health): never answered with the app's page. */
  serverPrefixes: string[];
}

/** Whether a built web app is in `dir` (the api also runs without one, e.g. in the api-only image). */
export function hasWebApp(dir: string): boolean {
  return existsSync(join(resolve(dir), 'index.html'));
}

/**
 * Serves the built single-page app at `/`: its files with long-lived caching for hashed assets and
 * revalidation for the rest, and its index.html for any other GET that no route answers (the app's
 * client-side routes such as `/sign-in`), except under the server's own prefixes, which keep their
 * JSON 404. Pre-compressed `.br`/`.gz` siblings written by the build are sent to browsers that accept them.
 */
export async function registerWebApp(fastify: FastifyInstance, options: WebAppOptions): Promise<void> {
  const root = resolve(options.dir);
  const indexHtml = readFileSync(join(root, 'index.html'));
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    // One route per file found now: unknown paths fall through to the not-found handling below.
    wildcard: false,
    decorateReply: false,
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders: (reply: FastifyReply, path: string) => {
      void reply.header('cache-control', HASHED_ASSET.test(path.split('\\').join('/')) ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
    },
  });

  const isServerPath = (path: string): boolean => options.serverPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  // Runs for requests no route matched (`is404`), before the api's not-found handler answers.
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.is404 || (request.method !== 'GET' && request.method !== 'HEAD')) return;
    const path = request.url.split('?')[0];
    if (isServerPath(path) || /\.[a-z0-9]+$/i.test(path)) return;
    return reply.status(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', REVALIDATE_CACHE).send(indexHtml);
  });
}
