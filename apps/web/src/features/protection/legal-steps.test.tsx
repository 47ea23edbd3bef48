import { render, screen } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import ar from '../../../lang/ar.json';
import { fieldErrors, RecordDialog } from './components/record-dialog';
import { AsylumClaim, asylumWithdrawals, findingMayAnswer, flagRights, ProtectionFlag, returnSteps, VoluntaryReturn } from './protection-api';

const requested: VoluntaryReturn = {
  id: 'r1',
  requestedOn: '2026-12-01',
  destinationCountry: 'SOM',
  status: 'REQUESTED',
  counsellingSessions: [],
  voluntarinessConfirmedOn: null,
  vulnerabilityAssessment: null,
  departedAt: null,
  withdrawnOn: null,
  version: 1,
};
const counselled: VoluntaryReturn = { ...requested, counsellingSessions: [{ heldOn: '2026-12-02' }] };
const confirmed: VoluntaryReturn = { ...counselled, status: 'CONFIRMED', voluntarinessConfirmedOn: '2026-12-03' };
const assessed = (outcome: 'NO_CONCERN' | 'REFER_FOR_PROTECTION'): VoluntaryReturn => ({ ...confirmed, vulnerabilityAssessment: { assessedOn: '2026-12-03', outcome } });
const summary = (v: VoluntaryReturn, lockClear = true) => returnSteps(v, lockClear).map((s) => [s.step, s.state, s.why ?? null, s.action]);

describe('the steps of an assisted voluntary return, as the api enforces them', () => {
  it('starts with counselling; voluntariness waits for it; departure waits for voluntariness', () => {
    expect(summary(requested)).toEqual([
      ['counselling', 'next', null, true],
      ['vulnerability', 'open', null, true],
      ['voluntariness', 'blocked', 'NOT_COUNSELLED', false],
      ['departure', 'blocked', 'NOT_CONFIRMED', false],
    ]);
  });

  it('once counselled, more sessions stay possible and the assessment comes next', () => {
    expect(summary(counselled)).toEqual([
      ['counselling', 'done', null, true],
      ['vulnerability', 'next', null, true],
      ['voluntariness', 'open', null, true],
      ['departure', 'blocked', 'NOT_CONFIRMED', false],
    ]);
  });

  it('a confirmed return departs only after the assessment, never on a protection concern, nor while a safeguard stops returns', () => {
    expect(summary(confirmed).at(-1)).toEqual(['departure', 'blocked', 'NOT_ASSESSED', false]);
    expect(summary(assessed('REFER_FOR_PROTECTION')).at(-1)).toEqual(['departure', 'blocked', 'PROTECTION_CONCERN', false]);
    expect(summary(assessed('NO_CONCERN'), false).at(-1)).toEqual(['departure', 'blocked', 'SAFEGUARD', false]);
    expect(summary(assessed('NO_CONCERN')).at(-1)).toEqual(['departure', 'next', null, true]);
    // Voluntariness once confirmed is not asked again.
    expect(summary(assessed('NO_CONCERN'))[2]).toEqual(['voluntariness', 'done', null, false]);
  });

  it('offers nothing more once the person has departed or withdrawn', () => {
    const departed = returnSteps({ ...assessed('NO_CONCERN'), status: 'DEPARTED', departedAt: '2026-12-05T07:30:00Z' }, true);
    expect(departed.every((s) => s.state === 'done' && !s.action)).toBe(true);
    const withdrawn = returnSteps({ ...counselled, status: 'WITHDRAWN', withdrawnOn: '2026-12-04' }, true);
    expect(withdrawn.map((s) => [s.state, s.why ?? null, s.action])).toEqual([
      ['done', null, false],
      ['blocked', 'CLOSED', false],
      ['blocked', 'CLOSED', false],
      ['blocked', 'CLOSED', false],
    ]);
  });
});

const flag = (over: Partial<ProtectionFlag>): ProtectionFlag => ({
  id: 'f1',
  kind: 'REFOULEMENT_RISK',
  offence: null,
  reason: 'Reports of persecution of returnees',
  open: true,
  openedAt: '2026-12-01T10:00:00Z',
  closedAt: null,
  closeReason: null,
  unrelatedOffenceFinding: null,
  agencyId: 'legal-aid',
  ...over,
});

describe('who may raise, close and override flags', () => {
  it('lets anyone writing records raise a refoulement risk, and only the border or immigration authority a prosecution', () => {
    expect(flagRights('NGO', true, false).raise).toEqual(['REFOULEMENT_RISK']);
    expect(flagRights('IMMIGRATION', true, false).raise).toEqual(['REFOULEMENT_RISK', 'PROSECUTION']);
    expect(flagRights('BORDER_AUTHORITY', false, true).raise).toEqual([]);
  });

  it('gives the non-criminalisation override to a supervisor of a prosecuting agency only', () => {
    expect(flagRights('BORDER_AUTHORITY', true, true).override).toBe(true);
    expect(flagRights('BORDER_AUTHORITY', true, false).override).toBe(false);
    expect(flagRights('NGO', true, true).override).toBe(false);
  });

  it('closes a flag by the agency that raised it, a refoulement risk also by the asylum authority, a prosecution by a prosecuting agency', () => {
    expect(flagRights('NGO', true, false).close(flag({}), 'legal-aid')).toBe(true);
    expect(flagRights('NGO', true, false).close(flag({}), 'shelter')).toBe(false);
    expect(flagRights('ASYLUM_AUTHORITY', true, false).close(flag({}), 'rsa')).toBe(true);
    expect(flagRights('IMMIGRATION', true, false).close(flag({ kind: 'PROSECUTION', offence: 'OTHER', agencyId: 'border' }), 'immigration')).toBe(true);
    expect(flagRights('ASYLUM_AUTHORITY', true, false).close(flag({ kind: 'PROSECUTION', offence: 'OTHER', agencyId: 'border' }), 'rsa')).toBe(false);
    expect(flagRights('NGO', true, false).close(flag({ open: false }), 'legal-aid')).toBe(false);
  });

  it('knows a status offence is final and another offence awaits a finding', () => {
    expect(findingMayAnswer({ offence: 'IRREGULAR_ENTRY', reasons: ['TRAFFICKING_VICTIM'] })).toBe(false);
    expect(findingMayAnswer({ offence: 'OTHER', finding: 'FINDING_REQUIRED', missing: ['unrelatedOffenceFinding'] })).toBe(true);
  });
});

describe('withdrawals of asylum', () => {
  const claim = (over: Partial<AsylumClaim>): AsylumClaim => ({
    id: 'c1',
    reference: 'RSA/2026/1',
    procedure: 'REGULAR',
    registeredOn: '2026-12-01',
    interviewDates: [],
    decision: null,
    decidedOn: null,
    appealLodgedOn: null,
    appealOutcome: null,
    withdrawnOn: null,
    version: 1,
    ...over,
  });
  it('withdraws the claim in force; a wish only while it counts, no claim answers for it, and it is not withdrawn already', () => {
    expect(asylumWithdrawals([claim({})], true, false)).toEqual({ claim: claim({}), wish: false });
    expect(asylumWithdrawals([claim({ withdrawnOn: '2026-12-02' })], true, false)).toEqual({ claim: null, wish: true });
    expect(asylumWithdrawals([], true, true)).toEqual({ claim: null, wish: false });
    expect(asylumWithdrawals([], false, false)).toEqual({ claim: null, wish: false });
  });
});

describe('a follow-up dialog', () => {
  it('puts a 400 on its field in the UI language, and a safeguard refusal in words, never a code', () => {
    const bad = new ApiError(400, 'REQUEST.VALIDATION_FAILED', 'c', undefined, [{ path: 'reason', problem: 'reason must be longer than or equal to 5 characters' }]);
    expect(fieldErrors(bad, 'X', ['on', 'reason'])).toEqual({ reason: 'X' });
    const refused = new ApiError(409, 'SAFEGUARD.NON_REFOULEMENT', 'c', undefined, [], { reasons: [{ code: 'ASYLUM_CLAIM_PENDING' }], lead: null });
    render(
      <IntlProvider locale="ar-EG" messages={ar}>
        <RecordDialog isOpen onClose={() => undefined} onSubmit={() => undefined} title="t" body="b" confirmLabel="c" pending={false} error={refused} fields={['executedAt']}>
          <span />
        </RecordDialog>
      </IntlProvider>,
    );
    const alert = screen.getByTestId('safeguard-refusal');
    expect(alert).toHaveTextContent(ar['refusal.ASYLUM_CLAIM_PENDING']);
    expect(alert).not.toHaveTextContent('SAFEGUARD');
    // The same answers would be refused again: confirming waits for a change.
    expect(screen.getByRole('button', { name: 'c' })).toBeDisabled();
  });
});
