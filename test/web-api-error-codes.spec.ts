import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const SCRIPT = resolve(__dirname, '../apps/web/scripts/api-error-codes.mjs');
const LIST = resolve(__dirname, '../apps/web/src/i18n/api-error-codes.ts');

/** The web's list of api error codes (each must have a message there) is what the api source throws today. */
describe('apps/web/src/i18n/api-error-codes.ts', () => {
  it('equals the codes `npm run api-error-codes` extracts from the api source now', () => {
    expect(() => execFileSync(process.execPath, [SCRIPT, '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('holds thrown codes, from services, error classes and the http filter, and no audit event', () => {
    const codes = [...readFileSync(LIST, 'utf8').matchAll(/^ {2}'([A-Z_.]+)',$/gm)].map((m) => m[1]);
    expect(codes).toEqual(expect.arrayContaining(['SAFEGUARD.DETENTION_GUARD', 'SAFEGUARD.ASYLUM_WISH_RECORDED', 'INTAKE.BORDER_POINT_NOT_ASSIGNED', 'INTAKE.INVALID', 'REFERENCE.USERNAME_TAKEN', 'SERVICE.DATABASE_UNAVAILABLE', 'REQUEST.TOO_MANY']));
    for (const audited of ['CASE.READ', 'CONSENT.RECORDED', 'AUTH.LOGIN_FAILED', 'ACCESS.DENIED', 'SAFEGUARD.BLOCKED', 'DETENTION.OPENED', 'PROFILING.INVALID_RULE_SET']) expect(codes).not.toContain(audited);
  });
});
