import { DomainError } from '@kivuko/platform';
import { versionFromIfMatch } from './intake.controller';

describe('versionFromIfMatch', () => {
  it('reads no header as no version', () => {
    expect(versionFromIfMatch(undefined)).toBeUndefined();
  });

  it('reads the case version bare, quoted as the ETag gives it, or weak', () => {
    expect(versionFromIfMatch('3')).toBe(3);
    expect(versionFromIfMatch('"12"')).toBe(12);
    expect(versionFromIfMatch('W/"7"')).toBe(7);
    expect(versionFromIfMatch('  "4"  ')).toBe(4);
  });

  it.each(['*', '"abc"', '-1', '1.5', '"1234567890"', ''])('refuses %j with a 400 naming If-Match', (header) => {
    let thrown: unknown;
    try {
      versionFromIfMatch(header);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'REQUEST.VALIDATION_FAILED', kind: 'BAD_INPUT', fields: [{ path: 'If-Match' }] });
  });
});
