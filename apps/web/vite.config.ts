/// <reference types="vitest/config" />
import optimizeLocales from '@react-aria/optimize-locales-plugin';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, Plugin } from 'vite';
import { routes } from './src/routes.ts';

const OUT_DIR = resolve(import.meta.dirname, '../../dist/apps/web');
/** The api in development (`npm run dev:web` proxies /api to it). */
const API_URL = process.env.KIVUKO_API_URL ?? 'http://127.0.0.1:3000';

/**
 * Writes `.br` and `.gz` beside every text file of the build: the api sends them to browsers that accept
 * them (@fastify/static `preCompressed`), so a border post on a slow link downloads the compressed size.
 */
function precompress(): Plugin {
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  return {
    name: 'kivuko-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(OUT_DIR).filter((f) => /\.(js|css|html|json|svg|webmanifest)$/.test(f))) {
        const data = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

/**
 * Writes the service worker `/sw.js` from `src/features/offline/sw/service-worker.js`: its precache list is
 * every file of Vite's manifest (entry, route chunks, catalogs, CSS, assets) plus index.html and the public
 * files, and its version the hash of that list's contents, so each build gets its own cache.
 */
function serviceWorker(): Plugin {
  const PUBLIC_DIR = resolve(import.meta.dirname, 'public');
  return {
    name: 'kivuko-service-worker',
    apply: 'build',
    writeBundle() {
      const manifestFile = join(OUT_DIR, '.vite', 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, { file: string; css?: string[]; assets?: string[] }>;
      const files = new Set<string>(['index.html', ...(existsSync(PUBLIC_DIR) ? readdirSync(PUBLIC_DIR) : [])]);
      for (const chunk of Object.values(manifest)) for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(file);
      const list = [...files].sort();
      const hash = createHash('sha256');
      for (const file of list) hash.update(file).update(readFileSync(join(OUT_DIR, file)));
      const version = hash.digest('hex').slice(0, 16);
      const source = readFileSync(resolve(import.meta.dirname, 'src/features/offline/sw/service-worker.js'), 'utf8')
        .replace("'__KIVUKO_BUILD_VERSION__'", JSON.stringify(version))
        .replace('__KIVUKO_PRECACHE__', JSON.stringify(list.map((file) => `/${file}`)));
      writeFileSync(join(OUT_DIR, 'sw.js'), source);
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    // Before react(): it turns the route files into the typed route tree and splits each route's component out.
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      // The sign-in page is the first page on a cold, slow link: in the entry chunk, one round trip fewer.
      codeSplittingOptions: { splitBehavior: ({ routeId }) => (routeId === '/sign-in' ? [] : undefined) },
      routesDirectory: './src',
      generatedRouteTree: './src/routeTree.gen.ts',
      virtualRouteConfig: routes,
    }),
    react(),
    // React Aria ships its built-in strings (hidden labels) for 34 locales: keep ours. It has none for
    // Swahili, which falls back to English for them: our own controls carry catalog labels instead.
    { ...optimizeLocales.vite({ locales: ['en-US', 'fr-FR', 'pt-PT', 'ar-AE'] }), enforce: 'pre' },
    serviceWorker(),
    precompress(),
  ],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    // No inline data: URLs for assets: everything is a file from 'self' (the CSP's img-src allows data:, scripts do not).
    assetsInlineLimit: 0,
    // The entry holds the sign-in page and the English catalog on purpose (one round trip fewer on a cold, slow
    // link): about 550 KB before compression. The budget that matters is the gzipped first page, which
    // `npm run bench:web-size` checks against 250 KB.
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5190,
    strictPort: true,
    proxy: { '/api': API_URL },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test-setup.ts'],
    css: { modules: { classNameStrategy: 'non-scoped' } },
  },
});
