import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import en from '../../../../lang/en.json';
import ar from '../../../../lang/ar.json';
import type { ApiClient } from '../../../api/client';
import { renderInApp } from '../../../test-router';
import { CaseTimeline, describeEntry } from './case-timeline';

/**
 * Every kind of event the api's timeline emits (libs/casework casework.queries.ts: its own rows, and the
 * audited actions it takes from the audit trail with the dot made an underscore).
 */
const KINDS = [
  'CASE_REGISTERED', 'PROFILED', 'PROFILE_CONFIRM', 'PROFILE_ADD', 'PROFILE_REMOVE',
  ...['AWAITING_CONSENT', 'PENDING', 'ACKNOWLEDGED', 'ACCEPTED', 'DECLINED', 'IN_PROGRESS', 'SUSPENDED', 'COMPLETED', 'WITHDRAWN'].map((s) => `REFERRAL_${s}`),
  'NOTE_ADDED', 'TASK_CREATED', 'TASK_DONE', 'TASK_CANCELLED',
  'CONSENT_GIVEN', 'CONSENT_REFUSED', 'CONSENT_WITHDRAWN', 'CONSENT_LEGAL_BASIS', 'ENCOUNTER_LINKED', 'ENCOUNTER_DISMISSED',
  'ASYLUM_CLAIM_REGISTERED', 'ASYLUM_WISH_WITHDRAWN', 'ASYLUM_INTERVIEW', 'ASYLUM_DECISION', 'ASYLUM_APPEAL', 'ASYLUM_APPEAL_OUTCOME', 'ASYLUM_WITHDRAWAL',
  'TRAFFICKING_IDENTIFICATION', 'TRAFFICKING_REFLECTION_STARTED', 'TRAFFICKING_PERMIT_GRANTED', 'TRAFFICKING_ASSISTANCE_GIVEN',
  'CHILD_GUARDIAN_APPOINTED', 'CHILD_BIA_OPENED', 'CHILD_BID_OPENED', 'CHILD_BIA_COMPLETED', 'CHILD_BID_COMPLETED',
  'CHILD_AGE_ASSESSMENT_REQUESTED', 'CHILD_AGE_ASSESSMENT_COMPLETED', 'CHILD_TRACING_OPENED', 'CHILD_TRACING_STOPPED', 'CHILD_TRACING_LOCATED', 'CHILD_TRACING_NOT_FOUND',
  'CHILD_REUNIFICATION_PROPOSED', 'CHILD_REUNIFICATION_REUNIFIED', 'CHILD_REUNIFICATION_NOT_IN_BEST_INTERESTS', 'CHILD_REUNIFICATION_WITHDRAWN', 'CHILD_PLACED', 'CHILD_PLACEMENT_ENDED',
  'DETENTION_OPENED', 'DETENTION_REVIEWED', 'DETENTION_ACCESS_RECORDED', 'DETENTION_ENDED', 'DETENTION_REVIEW_OVERDUE',
  'REMOVAL_ORDERED', 'REMOVAL_EXECUTED', 'REMOVAL_CANCELLED',
  'RETURN_REQUESTED', 'RETURN_COUNSELLED', 'RETURN_VULNERABILITY_ASSESSED', 'RETURN_VOLUNTARINESS_CONFIRMED', 'RETURN_DEPARTED', 'RETURN_WITHDRAWN',
  'FLAG_REFOULEMENT_RISK_OPENED', 'FLAG_REFOULEMENT_RISK_CLOSED', 'FLAG_PROSECUTION_OPENED', 'FLAG_PROSECUTION_CLOSED',
  'SAFEGUARD_BLOCKED', 'SAFEGUARD_OVERRIDDEN',
  'TRANSFER_PROPOSED', 'TRANSFER_ACCEPTED', 'TRANSFER_DECLINED', 'TRANSFER_CANCELLED', 'SERVICE_DELIVERED', 'CASE_ASSIGNED', 'CASE_CLOSED', 'CASE_REOPENED',
];

const entry = (kind: string) => ({ at: '2026-12-07T17:22:00Z', kind, actorUserId: null, actorAgencyId: null, details: {} });
const plain = (node: ReactNode): string => renderToStaticMarkup(<>{node}</>).replace(/<[^>]+>/g, '');

describe('describeEntry', () => {
  it.each([
    ['en', en],
    ['ar', ar],
  ])('puts every kind of event the api emits in words (%s), never a code', (locale, messages) => {
    const intl = createIntl({ locale, messages });
    for (const kind of KINDS) {
      const text = plain(describeEntry(intl, entry(kind), [], false));
      expect(text, kind).not.toBe('');
      expect(text, kind).not.toContain(kind);
      expect(text, kind).not.toMatch(/[A-Z]{3,}_[A-Z]/);
    }
  });
});

describe('CaseTimeline', () => {
  const people = { meId: 'u-me', users: new Map([['u-2', 'Amina Juma']]), agencies: new Map([['a-1', 'Tumaini Shelter']]) };
  const entries = Array.from({ length: 12 }, (_, i) => ({
    at: `2026-12-07T${String(20 - i).padStart(2, '0')}:00:00Z`,
    kind: i === 0 ? 'TASK_CREATED' : 'NOTE_ADDED',
    actorUserId: i === 0 ? 'u-me' : i === 1 ? 'u-2' : null,
    actorAgencyId: i === 1 || i === 2 ? 'a-1' : null,
    details: i === 0 ? { task: 'RISK_ASSESSMENT' } : {},
  }));

  it('asks for the newest first, shows the latest ten with who did what, and all on request', async () => {
    const asked: unknown[] = [];
    const api = {
      GET: (_path: string, options: { params: { query: unknown } }) => {
        asked.push(options.params.query);
        return Promise.resolve({ data: { items: entries }, response: new Response(null, { status: 200 }) });
      },
    } as unknown as ApiClient;
    renderInApp(<CaseTimeline api={api} caseId="c1" referrals={[]} showDetails={false} people={people} />);
    const list = await screen.findByRole('list');
    expect(asked[0]).toMatchObject({ order: 'desc' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(10);
    expect(items[0]).toHaveTextContent('Task created: Assess the risks');
    expect(items[0]).toHaveTextContent('By you');
    expect(items[1]).toHaveTextContent('By Amina Juma (Tumaini Shelter)');
    expect(items[2]).toHaveTextContent('By Tumaini Shelter');
    expect(items[3]).not.toHaveTextContent('By');
    await userEvent.click(screen.getByRole('button', { name: 'Show all events' }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(12);
  });
});
