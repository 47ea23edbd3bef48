import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../api/client';
import { renderInApp } from '../../../test-router';
import type { Referral } from '../../referrals/referrals-api';
import { InboxList } from './inbox-list';
import { newArrivals } from './use-arrivals';

/** The height rows measure at here (jsdom lays nothing out). */
const ROW_PX = 112;

function referral(n: number, change: Partial<Referral> = {}): Referral {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    caseId: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    caseNumber: `TZA-KGM-2026-${String(n).padStart(6, '0')}`,
    agency: { id: 'a1', name: 'Tumaini Shelter', kind: 'NGO' },
    borderPoint: { id: 'b1', code: 'KGM' },
    role: 'SUPPORTING',
    profiles: ['TRAFFICKING_VICTIM'],
    priority: 2,
    status: 'PENDING',
    dueAt: new Date(Date.now() + (n + 1) * 3_600_000).toISOString(),
    overdue: false,
    escalationLevel: 0,
    attempt: 1,
    previousReferralId: null,
    version: 1,
    acknowledgedAt: null,
    outcomeCode: null,
    outcomeNote: null,
    reason: null,
    createdAt: '2026-12-07T10:00:00Z',
    updatedAt: '2026-12-07T10:00:00Z',
    ...change,
  };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function renderInbox(handler: (request: Request) => Promise<Response> | Response) {
  const api = createApiClient('http://localhost', async (request) => handler(request));
  return renderInApp(<InboxList api={api} filters={{}} borderPointNames={new Map([['b1', 'Kigoma']])} />);
}

describe('InboxList', () => {
  // The virtualiser measures each row's offsetHeight: every row is ROW_PX high here.
  let offsetHeight: PropertyDescriptor | undefined;
  beforeEach(() => {
    offsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight');
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.getAttribute('role') === 'listitem' ? ROW_PX : 0;
      },
    });
  });
  afterEach(() => {
    if (offsetHeight) Object.defineProperty(HTMLElement.prototype, 'offsetHeight', offsetHeight);
  });

  it('puts only a window of a thousand referrals in the page, and the rest as they are scrolled to', async () => {
    const all = Array.from({ length: 1000 }, (_, n) => referral(n));
    renderInbox(() => json({ items: all }));
    expect(await screen.findByText('1,000 referrals')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Referrals to your agency' });
    const rows = within(list).getAllByRole('listitem');
    // 768 px of window, 112 px rows, a few rows of overscan: a screenful, not a thousand.
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(30);
    expect(rows[0]).toHaveAttribute('aria-setsize', '1000');
    expect(rows[0]).toHaveAttribute('aria-posinset', '1');
    expect(list.style.blockSize).toBe(`${1000 * ROW_PX}px`);

    // Scrolled to the middle: the rows there are in the page, the first ones are not.
    window.scrollY = 500 * ROW_PX;
    act(() => void window.dispatchEvent(new Event('scroll')));
    await waitFor(() => expect(within(list).getAllByRole('listitem')[0]?.getAttribute('aria-posinset')).not.toBe('1'));
    expect(within(list).queryByText('TZA-KGM-2026-000000')).toBeNull();
    expect(within(list).getByText('TZA-KGM-2026-000500')).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem').length).toBeLessThan(30);
    window.scrollY = 0;
  });

  it('offers the actions a status allows and declines with a reason, saying where the case went next', async () => {
    const pending = referral(1);
    const accepted = referral(2, { status: 'ACCEPTED' });
    let declined = false;
    const sent: { url: string; body: unknown }[] = [];
    renderInbox(async (request) => {
      if (request.method === 'POST') {
        sent.push({ url: new URL(request.url).pathname, body: await request.json() });
        declined = true;
        return json({ ...pending, status: 'DECLINED', next: { agencies: [{ id: 'a2', name: 'Haki Legal Aid', kind: 'NGO' }], coordinatingBody: null } });
      }
      return json({ items: declined ? [accepted] : [pending, accepted] });
    });
    const first = (await screen.findByText('TZA-KGM-2026-000001')).closest('article')!;
    const second = screen.getByText('TZA-KGM-2026-000002').closest('article')!;
    // One primary action a row: Accept on a new referral (Acknowledge last), Start work on an accepted one.
    expect(within(first).getAllByRole('button').map((b) => b.textContent)).toEqual(['Accept', 'Decline', 'Acknowledge']);
    expect(within(second).getAllByRole('button').map((b) => b.textContent)).toEqual(['Start work', 'Complete']);
    expect(within(first).getByRole('button', { name: /^Accept/ }).className).toMatch(/primary/);
    expect(within(first).getAllByRole('button').filter((b) => /primary/.test(b.className))).toHaveLength(1);
    // The edge: due in 2 h is soon (amber); an accepted referral's first contact is made (grey); no "Not escalated".
    expect(first).toHaveAttribute('data-deadline', 'soon');
    expect(second).toHaveAttribute('data-deadline', 'made');
    expect(first).not.toHaveTextContent(/escalat/i);
    expect(within(first).getByText(/^First contact due in/)).toBeInTheDocument();
    const point = within(first).getByText('Kigoma');
    expect(point.tagName).toBe('BDI');
    expect(point.parentElement?.textContent).toBe('From Kigoma');
    expect(within(second).getByText('First contact made')).toBeInTheDocument();

    fireEvent.click(within(first).getByRole('button', { name: 'Decline the referral of case TZA-KGM-2026-000001' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Reason' }), { target: { value: 'No bed free this week' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Decline the referral' }));

    expect(await screen.findByText(/declined\. It went on to/)).toHaveTextContent('Case TZA-KGM-2026-000001: declined. It went on to Haki Legal Aid.');
    expect(sent).toEqual([{ url: `/api/v1/referrals/${pending.id}/decline`, body: { version: 1, reason: 'No bed free this week' } }]);
    await waitFor(() => expect(screen.queryByRole('button', { name: /case TZA-KGM-2026-000001$/ })).toBeNull());
  });

  it('says it is loading until the first page answers, then that nothing waits', async () => {
    let answer: (response: Response) => void = () => undefined;
    renderInbox(() => new Promise<Response>((resolve) => (answer = resolve)));
    expect(await screen.findByText('Loading referrals…')).toHaveAttribute('role', 'status');
    expect(screen.queryByText(/No referral waits/)).toBeNull();
    await act(async () => answer(json({ items: [] })));
    expect(await screen.findByText('No referral waits for your agency. New ones appear here by themselves.')).toBeInTheDocument();
    expect(screen.queryByText('Loading referrals…')).toBeNull();
  });

  it('shows a refusal in plain words', async () => {
    const pending = referral(1);
    renderInbox((request) =>
      request.method === 'POST'
        ? json({ code: 'REFERRAL.VERSION_CONFLICT', message: 'The referral changed since version 1', correlationId: 'x' }, 409)
        : json({ items: [pending] }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Accept the referral of case TZA-KGM-2026-000001' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Case TZA-KGM-2026-000001: that could not be done\. /);
    expect(alert.textContent).not.toMatch(/REFERRAL\.|version 1/);
  });
});

describe('newArrivals', () => {
  const a = referral(1);
  const b = referral(2);
  const c = referral(3);
  it('are the referrals a poll brought into pages read before, never those of a page loaded for the first time', () => {
    const seen = new Set([a.id]);
    expect(newArrivals(seen, 1, [{ items: [b, a] }])).toEqual([b]);
    expect(newArrivals(seen, 1, [{ items: [a] }, { items: [c] }])).toEqual([]);
    expect(newArrivals(new Set(), 0, [{ items: [a, b] }])).toEqual([]);
  });
});
