/// <reference types="vitest/config" />
import optimizeLocales from '@react-aria/optimize-locales-plugin';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
    precompress(),
  ],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    // No inline data: URLs for assets: everything is a file from 'self' (the CSP's img-src allows data:, scripts do not).
    assetsInlineLimit: 0,
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
