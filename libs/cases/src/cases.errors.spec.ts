import { DomainError, errorCodeList } from '@kivuko/platform';
import { requireOwnBorderPoint } from './border-point-guard';
import { CaseErrors } from './cases.errors';
import { caseNotFound } from './consent/consent.service';
import { AgeRuleRefusal, AsylumWishRefusal } from './profiling/case-profiling.service';

const statusOf = (code: string): number | undefined => errorCodeList([CaseErrors]).find((e) => e.code === code)?.status;

describe('CaseErrors', () => {
  it('answers an unseen case, consent, encounter or profile with 404, never 403', () => {
    for (const code of ['CASE.NOT_FOUND', 'CONSENT.NOT_FOUND', 'ENCOUNTER.NOT_FOUND', 'COMPANION.NOT_FOUND', 'PROFILE.NOT_PRESENT', 'PROFILE.NOT_SUGGESTED', 'LEAFLET.NOT_FOUND']) {
      expect([code, statusOf(code)]).toEqual([code, 404]);
    }
  });

  it('answers a stale version, a closed case, a reused intake id and a safeguard refusal with 409', () => {
    for (const code of ['CASE.VERSION_CONFLICT', 'CASE.CLOSED', 'INTAKE.ID_CONFLICT', 'SAFEGUARD.AGE_ASSESSMENT_REQUIRED', 'SAFEGUARD.ASYLUM_WISH_RECORDED', 'CONSENT.ALREADY_WITHDRAWN']) {
      expect([code, statusOf(code)]).toEqual([code, 409]);
    }
  });

  it('answers what the caller may not do with 403, and bad input with 400', () => {
    expect(statusOf('INTAKE.BORDER_POINT_NOT_ASSIGNED')).toBe(403);
    expect(statusOf('CONSENT.LEGAL_BASIS_NOT_PERMITTED')).toBe(403);
    expect(statusOf('CONSENT.NOT_YOURS_TO_WITHDRAW')).toBe(403);
    expect(statusOf('INTAKE.INVALID')).toBe(400);
    expect(statusOf('CONSENT.INVALID')).toBe(400);
    expect(statusOf('PROFILE.INVALID')).toBe(400);
  });

  it('raises a case not found with its declared message', () => {
    expect(caseNotFound()).toMatchObject({ code: 'CASE.NOT_FOUND', kind: 'NOT_FOUND', message: 'No case with this id is visible to you' });
  });

  it('keeps the profile a safeguard refused to remove, and says which safeguard', () => {
    const age = new AgeRuleRefusal('UNACCOMPANIED_CHILD');
    expect(age).toBeInstanceOf(DomainError);
    expect(age).toMatchObject({ code: 'SAFEGUARD.AGE_ASSESSMENT_REQUIRED', kind: 'CONFLICT', safeguard: 'AGE', details: { profile: 'UNACCOMPANIED_CHILD' } });
    expect(new AsylumWishRefusal('ASYLUM_SEEKER')).toMatchObject({ code: 'SAFEGUARD.ASYLUM_WISH_RECORDED', kind: 'CONFLICT', safeguard: 'NON_REFOULEMENT' });
  });
});

describe('requireOwnBorderPoint', () => {
  const actor = { userId: 'u', username: 'official', agencyId: 'a', roles: [], borderPointIds: ['bp-1', 'bp-2'] };

  it('lets officials of the border point of arrival through', () => {
    expect(() => requireOwnBorderPoint(actor, 'bp-2')).not.toThrow();
  });

  it('refuses anyone else with 403', () => {
    expect(() => requireOwnBorderPoint(actor, 'bp-3')).toThrow(expect.objectContaining({ code: 'INTAKE.BORDER_POINT_NOT_ASSIGNED', kind: 'FORBIDDEN' }));
  });
});
