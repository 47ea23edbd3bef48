// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../../..');
const CLI = join(ROOT, 'node_modules/.bin/openapi-typescript');
const GENERATED = 'apps/web/src/api/schema.d.ts';

// apps/api/src/openapi.spec.ts holds docs/openapi.json to the running api; this holds the web's types to that file.
describe('the api types of the web app', () => {
  it('are generated from the committed docs/openapi.json (`npm run api-types` regenerates them)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kivuko-web-types-'));
    try {
      const fresh = join(dir, 'schema.d.ts');
      execFileSync(CLI, ['docs/openapi.json', '-o', fresh], { cwd: ROOT, stdio: 'pipe' });
      expect(readFileSync(join(ROOT, GENERATED), 'utf8')).toBe(readFileSync(fresh, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("pass the generator's own staleness check", () => {
    expect(() => execFileSync(CLI, ['docs/openapi.json', '-o', GENERATED, '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });

  it('name the routes the web app calls', () => {
    const types = readFileSync(join(ROOT, GENERATED), 'utf8');
    for (const path of ['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout', '/api/v1/me', '/api/v1/cases']) expect(types).toContain(`"${path}": {`);
  });
});
