import { IMMUTABLE_CACHE, REVALIDATE_CACHE } from '@kivuko/platform';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { startTestApi, TestApi } from './test-api';

/** A built web app as Vite writes it: index.html, hashed assets (one pre-compressed) and a service worker. */
function builtWebApp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kivuko-web-app-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="en"><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script></html>');
  writeFileSync(join(dir, 'assets/index-abc123.js'), 'console.log("kivuko");'.repeat(50));
  writeFileSync(join(dir, 'assets/index-abc123.js.gz'), gzipSync('console.log("kivuko");'.repeat(50)));
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  return dir;
}

describe('the api serves the built web app', () => {
  let api: TestApi;
  let dir: string;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    dir = builtWebApp();
    api = await startTestApi({ env: { KIVUKO_WEB_DIR: dir } });
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers / with index.html, revalidated on every load, under the strict Content-Security-Policy', async () => {
    const res = await http().get('/').expect(200);
    expect(res.text).toContain('<div id="root">');
    expect(res.headers['cache-control']).toBe(REVALIDATE_CACHE);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("style-src 'self';");
  });

  it("answers the app's own paths (deep links) with index.html", async () => {
    for (const path of ['/sign-in', '/cases/42', '/intake?lang=ar']) {
      const res = await http().get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe(REVALIDATE_CACHE);
    }
  });

  it('sends hashed assets with a year of immutable caching, pre-compressed when the browser accepts gzip', async () => {
    const plain = await http().get('/assets/index-abc123.js').set('accept-encoding', 'identity').expect(200);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE_CACHE);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await http().get('/assets/index-abc123.js').set('accept-encoding', 'gzip').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
  });

  it('sends the service worker without long caching, so a new release is found', async () => {
    const res = await http().get('/sw.js').expect(200);
    expect(res.headers['cache-control']).toBe(REVALIDATE_CACHE);
    expect(res.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    // The page may register it: workers come from this origin only.
    const page = await http().get('/').expect(200);
    expect(page.headers['content-security-policy']).toContain("worker-src 'self'");
  });

  it('keeps the JSON 404 for unknown api, docs and health paths and for missing files', async () => {
    for (const path of ['/api/v1/nothing-here', '/api/nothing', '/health/nothing', '/docs/nothing', '/assets/gone-999.js']) {
      const res = await http().get(path).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({ code: expect.any(String) as string, correlationId: expect.any(String) as string });
    }
  });

  it('still answers the api, the health check and the OpenAPI document', async () => {
    await http().get('/health/live').expect(200);
    await http().get('/docs-json').expect(200);
    const me = await http().get('/api/v1/me').expect(401);
    expect(me.headers['cache-control']).toBe('no-store');
  });

  it('leaves writes to unknown paths to the api: a POST to an app path is a JSON 404', async () => {
    const res = await http().post('/sign-in').send({}).expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe('without a built web app', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { KIVUKO_WEB_DIR: join(tmpdir(), 'kivuko-no-web-app-here') } });
  });
  afterAll(() => api.close());

  it('starts and answers / with the JSON 404', async () => {
    const res = await request(api.app.getHttpServer()).get('/').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });
});
