import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../../../test-router';
import type { Referral } from '../referrals-api';
import { ReferralCard } from './referral-card';

const base: Referral = {
  id: '11111111-1111-4111-8111-111111111111',
  caseId: '22222222-2222-4222-8222-222222222222',
  caseNumber: 'TZA-NMG-2026-000042',
  agency: { id: 'a1', name: 'Tanzania Red Cross Society', kind: 'NGO' },
  borderPoint: { id: 'b', code: 'NMG' },
  role: 'LEAD',
  profiles: ['TRAFFICKING_VICTIM'],
  priority: 1,
  status: 'PENDING',
  dueAt: '2099-03-01T21:05:00Z',
  overdue: false,
  escalationLevel: 0,
  attempt: 1,
  previousReferralId: null,
  version: 1,
  acknowledgedAt: null,
  outcomeCode: null,
  outcomeNote: null,
  reason: null,
  createdAt: '2026-03-01T20:00:00Z',
  updatedAt: '2026-03-01T20:00:00Z',
};

const card = (referral: Referral, all: Referral[] = [referral], onWithdraw?: (r: Referral) => void, locale: 'en' | 'ar' = 'en') =>
  renderInApp(<ReferralCard referral={referral} all={all} showCase onWithdraw={onWithdraw} />, { locale });

describe('ReferralCard', () => {
  it('shows a sent referral with its agency, role, due time (relative and 24-hour) and a withdraw action', async () => {
    const onWithdraw = vi.fn();
    const soon = new Date(Date.now() + 3 * 3_600_000 + 60_000);
    soon.setUTCSeconds(0, 0);
    const referral = { ...base, dueAt: soon.toISOString() };
    card(referral, [referral], onWithdraw);
    const clock = `${String(soon.getUTCHours()).padStart(2, '0')}:${String(soon.getUTCMinutes()).padStart(2, '0')}`;
    const article = await screen.findByRole('article', { name: 'Tanzania Red Cross Society' });
    expect(within(article).getByText('Sent')).toBeInTheDocument();
    expect(within(article).getByText('Lead agency')).toBeInTheDocument();
    expect(within(article).getByRole('link', { name: 'Case TZA-NMG-2026-000042' })).toHaveAttribute('href', `/cases/${base.caseId}`);
    expect(within(article).getByText('Sent; the agency has not answered yet.')).toBeInTheDocument();
    const due = article.querySelector('time')!;
    expect(due).toHaveAttribute('datetime', referral.dueAt);
    expect(due.textContent).toMatch(new RegExp(`^in 3 hours \\(.*${clock}\\)$`));
    expect(within(article).queryByText('Overdue')).toBeNull();
    fireEvent.click(within(article).getByRole('button', { name: 'Withdraw referral to Tanzania Red Cross Society' }));
    expect(onWithdraw).toHaveBeenCalledWith(referral);
  });

  it('marks an overdue, escalated referral', async () => {
    card({ ...base, overdue: true, escalationLevel: 2, dueAt: '2026-01-01T08:00:00Z' });
    const article = await screen.findByRole('article');
    expect(within(article).getByText('Overdue')).toBeInTheDocument();
    expect(within(article).getByText('Escalated (level 2)')).toBeInTheDocument();
    expect(article.querySelector('time')?.textContent).toMatch(/ago \(.*08:00\)$/);
  });

  it('closes the loop: a decline with its reason and where it went next, a completion with its outcome and note', async () => {
    const declined: Referral = { ...base, status: 'DECLINED', reason: 'No capacity this week' };
    const next: Referral = { ...base, id: '33333333-3333-4333-8333-333333333333', agency: { id: 'a2', name: 'Caritas Kigoma', kind: 'NGO' }, previousReferralId: declined.id, attempt: 2 };
    card(declined, [declined, next]);
    const article = await screen.findByRole('article');
    expect(within(article).getByText('Declined', { selector: 'span' })).toBeInTheDocument();
    expect(within(article).getByText(/^Declined\. Reason:/).textContent).toBe('Declined. Reason: No capacity this week');
    expect(within(article).getByText('No capacity this week').tagName).toBe('BDI');
    expect(within(article).getByText(/^Sent on to/).textContent).toBe('Sent on to Caritas Kigoma.');
    expect(within(article).queryByRole('button', { name: /Withdraw/ })).toBeNull();
    expect(article.querySelector('time')).toBeNull();
  });

  it('names the outcome of a completed referral (an unknown code as "Other"), with the agency’s note', async () => {
    card({ ...base, status: 'COMPLETED', outcomeCode: 'SHELTERED_AND_ASSISTED', outcomeNote: 'Placed at the Kigoma shelter' });
    const article = await screen.findByRole('article');
    expect(within(article).getByText('Completed. Outcome: Sheltered and assisted')).toBeInTheDocument();
    expect(within(article).getByText(/^Note from the agency/).textContent).toBe('Note from the agency: Placed at the Kigoma shelter');
  });

  it('says an unknown outcome code as it is, and an acknowledgment or withdrawal in words', async () => {
    const { unmount } = card({ ...base, status: 'COMPLETED', outcomeCode: 'FAMILY_REUNITED' });
    expect(await screen.findByText('Completed. Outcome: Other (FAMILY_REUNITED)')).toBeInTheDocument();
    unmount();
    const second = card({ ...base, status: 'ACKNOWLEDGED', acknowledgedAt: '2026-03-01T22:30:00Z' });
    expect((await screen.findByText(/^Acknowledged .*first contact made\.$/)).textContent).toMatch(/22:30/);
    second.unmount();
    card({ ...base, status: 'WITHDRAWN', reason: null });
    expect(await screen.findByText('Withdrawn. Reason: not given')).toBeInTheDocument();
  });

  it('reads in Arabic with the agency isolated', async () => {
    card({ ...base, status: 'ACCEPTED' }, undefined, undefined, 'ar');
    const article = await screen.findByRole('article');
    expect(within(article).getByText('مقبولة')).toBeInTheDocument();
    expect(within(article).getByText('Tanzania Red Cross Society').tagName).toBe('BDI');
  });
});
