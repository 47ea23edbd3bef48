import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONSENT_PURPOSES, LEGAL_BASES } from './vocabulary';

describe('the consent vocabulary', () => {
  it('has the consent purposes and legal bases of the intake’s consent records', () => {
    // Read as text: importing @kivuko/cases would tie this library to the lib most likely to import it.
    const source = readFileSync(join(__dirname, '..', '..', 'cases', 'src', 'consent', 'consent.dto.ts'), 'utf8');
    const values = (name: string) => [...(new RegExp(`export enum ${name} \\{([^}]*)\\}`).exec(source)?.[1] ?? '').matchAll(/= '([A-Z_]+)'/g)].map((m) => m[1]);
    expect(values('ConsentPurpose')).toEqual([...CONSENT_PURPOSES]);
    expect(values('LegalBasis')).toEqual([...LEGAL_BASES]);
  });
});
