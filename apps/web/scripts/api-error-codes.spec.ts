import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The web's list of api error codes (each must have a message) is what the api source throws today. */
describe('apps/web/src/i18n/api-error-codes.ts', () => {
  it('equals the codes `npm run api-error-codes` extracts from the api source now', () => {
    const script = resolve(__dirname, 'api-error-codes.mjs');
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
