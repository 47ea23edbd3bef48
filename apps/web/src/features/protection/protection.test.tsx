import { render, screen } from '@testing-library/react';
import { createIntl, IntlProvider } from 'react-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/api-error';
import ar from '../../../lang/ar.json';
import en from '../../../lang/en.json';
import { nextAsylumStep } from './components/asylum-card';
import { overridable } from './components/detention-card';
import { ReflectionCountdown } from './components/reflection-countdown';
import { RefusalAlert } from './components/refusal-alert';
import { daysBetween, htcdsCsv, lastDayOf, mandatesOf, NEXT_STATUS } from './protection-api';
import { explainRefusal } from './safeguard-refusal';

const intl = createIntl({ locale: 'en-GB', messages: en });

const refusal = (code: string, details: Record<string, unknown>) => new ApiError(409, code, 'corr-1', undefined, [], details);

const reflectionRefusal = refusal('SAFEGUARD.NON_REFOULEMENT', {
  reasons: [{ code: 'REFLECTION_PERIOD_RUNNING', text: 'a trafficking reflection and recovery period is running', until: '2027-03-12' }],
  lead: { name: 'Anti-Trafficking Secretariat', kind: 'ANTI_TRAFFICKING' },
  override: 'NO_OVERRIDE_EXISTS',
});

describe('a safeguard refusal in plain words', () => {
  it('says the reflection period runs until its last day, what can be done instead, who leads, and that no one can override', () => {
    const explained = explainRefusal(intl, reflectionRefusal);
    expect(explained).toEqual({
      title: 'No removal or return can be recorded',
      reasons: ['This person is in a reflection period until 12 March 2027: no removal can be recorded.'],
      instead: [expect.stringMatching(/^Meanwhile the person is entitled to shelter and assistance/)],
      lead: { name: 'Anti-Trafficking Secretariat', kind: 'ANTI_TRAFFICKING' },
      noOverride: true,
    });
  });

  it('names every reason once per advice, a reason withheld from the agency generally, and a case without a lead', () => {
    const explained = explainRefusal(
      intl,
      refusal('SAFEGUARD.NON_REFOULEMENT', { reasons: [{ code: 'ASYLUM_CLAIM_PENDING' }, { code: 'ASYLUM_APPEAL_PENDING' }, { code: 'PROTECTION_NEED_OPEN' }, { code: 'SOMETHING_NEW' }], lead: null }),
    );
    expect(explained?.reasons).toEqual([
      'An asylum claim is registered and not yet decided.',
      'An appeal against the asylum decision is pending.',
      'A protection need is recorded in a part of the case your agency does not receive.',
      'Another protection applies to this person.',
    ]);
    expect(explained?.instead).toEqual(['Wait for the asylum authority’s decision. The person may be referred to legal aid.']);
    expect(explained?.lead).toBeNull();
  });

  it('names the agency that opened a refoulement-risk flag, and when, as the one to ask', () => {
    const explained = explainRefusal(
      intl,
      refusal('SAFEGUARD.NON_REFOULEMENT', {
        reasons: [{ code: 'REFOULEMENT_RISK_FLAG_OPEN', flags: [{ id: 'f1', openedAt: '2026-12-06T09:00:00.000Z', agency: { name: 'Refugee Status Authority', kind: 'ASYLUM_AUTHORITY' } }] }],
        lead: null,
      }),
    );
    expect(explained?.instead).toEqual(['\u2068Refugee Status Authority\u2069 opened the flag on 6 December 2026 and must review and close it first (see “Flags” on this page).']);
    // An answer without the flags still says whom to turn to in general.
    const general = explainRefusal(intl, refusal('SAFEGUARD.NON_REFOULEMENT', { reasons: [{ code: 'REFOULEMENT_RISK_FLAG_OPEN' }], lead: null }));
    expect(general?.instead).toEqual(['The agency that opened the flag must review and close it first.']);
  });

  it('explains a detention refusal by its grounds, and points to care for a child where no override exists', () => {
    const child = explainRefusal(intl, refusal('SAFEGUARD.DETENTION_GUARD', { grounds: ['UNACCOMPANIED_OR_SEPARATED_CHILD', 'TRAFFICKING_VICTIM'], override: 'NO_OVERRIDE_EXISTS' }));
    expect(child?.reasons[0]).toBe('The person is a child with no parent or caregiver on record and a presumed or identified victim of trafficking.');
    expect(child?.instead).toEqual(['Ask child protection for an interim care placement or a place in a child shelter.']);
    expect(child?.noOverride).toBe(true);
    const adult = explainRefusal(intl, refusal('SAFEGUARD.DETENTION_GUARD', { grounds: ['PREGNANT'], override: 'NO_OVERRIDE' }));
    expect(adult?.instead[0]).toMatch(/Only a supervisor may override, with a written justification/);
    expect(adult?.noOverride).toBe(false);
  });

  it('leaves any other error to the shared sentences', () => {
    expect(explainRefusal(intl, new ApiError(409, 'SAFEGUARD.AGE_ASSESSMENT_REQUIRED'))).toBeNull();
    expect(explainRefusal(intl, new Error('boom'))).toBeNull();
  });

  it('shows the refusal in Arabic with the agency name isolated, never the code', () => {
    render(
      <IntlProvider locale="ar-EG" messages={ar}>
        <RefusalAlert error={reflectionRefusal} />
      </IntlProvider>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('مهلة للتفكير والتعافي');
    expect(alert.querySelector('bdi')).toHaveTextContent('Anti-Trafficking Secretariat');
    expect(alert).not.toHaveTextContent('SAFEGUARD');
    expect(alert).not.toHaveTextContent('REFLECTION_PERIOD_RUNNING');
  });

  it('falls back on the shared error sentence for anything else', () => {
    render(
      <IntlProvider locale="en-GB" messages={en}>
        <RefusalAlert error={new ApiError(403, 'RECORD.NOT_YOUR_MANDATE')} />
      </IntlProvider>,
    );
    expect(screen.getByRole('alert')).not.toHaveTextContent('What you can do instead');
  });
});

describe('the reflection period countdown', () => {
  afterEach(() => vi.useRealTimers());

  const show = (today: string, period: { startsOn: string; endsOn: string; endedOn: string | null }) => {
    vi.useFakeTimers({ now: new Date(`${today}T10:00:00Z`), toFake: ['Date'] });
    render(
      <IntlProvider locale="en-GB" messages={en}>
        <ReflectionCountdown period={{ ...period, running: true }} />
      </IntlProvider>,
    );
  };

  it('counts the days left, today included, up to the last day', () => {
    show('2027-02-10', { startsOn: '2027-02-11', endsOn: '2027-03-13', endedOn: null });
    expect(screen.getByText('Starts on 11 February 2027, until 12 March 2027')).toBeInTheDocument();
  });

  it('says how many days are left while it runs', () => {
    show('2027-03-01', { startsOn: '2027-02-11', endsOn: '2027-03-13', endedOn: null });
    expect(screen.getByTestId('reflection-countdown')).toHaveTextContent('12 days left: until 12 March 2027');
  });

  it('says the last day is today', () => {
    show('2027-03-12', { startsOn: '2027-02-11', endsOn: '2027-03-13', endedOn: null });
    expect(screen.getByTestId('reflection-countdown')).toHaveTextContent('Last day today: until 12 March 2027');
  });

  it('says when a period ran out or was ended', () => {
    show('2027-03-13', { startsOn: '2027-02-11', endsOn: '2027-03-13', endedOn: null });
    expect(screen.getByText('Ran from 11 February 2027 until 12 March 2027')).toBeInTheDocument();
  });
});

describe('the page’s helpers', () => {
  it('offers each form only to the agency kind holding its mandate, and none without the write permission', () => {
    expect([...mandatesOf('IMMIGRATION', true)]).toEqual(['detention', 'removal']);
    expect([...mandatesOf('BORDER_AUTHORITY', true)]).toEqual(['detention']);
    expect([...mandatesOf('CHILD_PROTECTION', true)]).toEqual(['children']);
    expect([...mandatesOf('ANTI_TRAFFICKING', false)]).toEqual([]);
    expect([...mandatesOf('NGO', true)]).toEqual([]);
    expect([...mandatesOf('INTERNATIONAL_ORGANIZATION', true)]).toEqual(['voluntaryReturn']);
  });

  it('follows the identification rule: identified is final, not identified may be reopened', () => {
    expect(NEXT_STATUS.IDENTIFIED).toEqual([]);
    expect(NEXT_STATUS.NOT_IDENTIFIED).toEqual(['PRESUMED']);
  });

  it('counts calendar days and the last day of a period', () => {
    expect(daysBetween('2027-02-27', '2027-03-01')).toBe(2);
    expect(lastDayOf('2027-03-01')).toBe('2027-02-28');
  });

  it('writes the HTCDS row as a CSV with quoted cells where needed', () => {
    expect(htcdsCsv(['recordId', 'gender', 'note'], { recordId: 'ab12', gender: 'Female', note: 'a, "b"' })).toBe('recordId,gender,note\r\nab12,Female,"a, ""b"""\r\n');
  });
});

describe('the asylum authority’s next step', () => {
  const claim = (extra: Partial<Parameters<typeof nextAsylumStep>[0] & object>) => ({
    id: 'c',
    reference: 'RSA/1',
    procedure: 'REGULAR',
    registeredOn: '2026-12-01',
    interviewDates: [],
    decision: null,
    decidedOn: null,
    appealLodgedOn: null,
    appealOutcome: null,
    withdrawnOn: null,
    version: 1,
    ...extra,
  });

  it('registers a claim when none stands, decides a pending one, takes an appeal against a rejection, then its outcome, and then nothing', () => {
    expect(nextAsylumStep(undefined)).toBe('register');
    expect(nextAsylumStep(claim({ withdrawnOn: '2026-12-02' }))).toBe('register');
    expect(nextAsylumStep(claim({}))).toBe('decide');
    expect(nextAsylumStep(claim({ decision: 'REJECTED' }))).toBe('appeal');
    expect(nextAsylumStep(claim({ decision: 'REJECTED', appealLodgedOn: '2026-12-10' }))).toBe('appealOutcome');
    expect(nextAsylumStep(claim({ decision: 'REJECTED', appealLodgedOn: '2026-12-10', appealOutcome: 'DISMISSED' }))).toBeNull();
    expect(nextAsylumStep(claim({ decision: 'RECOGNISED' }))).toBeNull();
  });
});

describe('the detention override', () => {
  it('is offered only where the api says an override may lift the refusal, never for a child with no caregiver', () => {
    expect(overridable(refusal('SAFEGUARD.DETENTION_GUARD', { grounds: ['TRAFFICKING_VICTIM'], override: 'NO_OVERRIDE' }))).toBe(true);
    expect(overridable(refusal('SAFEGUARD.DETENTION_GUARD', { grounds: ['UNACCOMPANIED_OR_SEPARATED_CHILD'], override: 'NO_OVERRIDE_EXISTS' }))).toBe(false);
    expect(overridable(reflectionRefusal)).toBe(false);
  });
});
