import { fireEvent, render, screen, within } from '@testing-library/react';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IntlProvider } from 'react-intl';
import { describe, expect, it, vi } from 'vitest';
import ar from '../../../../lang/ar.json';
import en from '../../../../lang/en.json';
import { sendMine } from '../conflicts';
import { openOfflineDb } from '../db';
import { Outbox, OutboxItem } from '../outbox';
import { OfflineVault } from '../vault';
import { compareVersions, ConflictReview } from './conflict-review';

const completion: OutboxItem = {
  id: 'case-1@3',
  kind: 'completion',
  status: 'failed',
  body: { version: 3, person: { givenName: 'Zahara', familyName: 'Ali', languages: ['so', 'sw'] } },
  label: 'Zahara Ali',
  createdAt: 0,
  updatedAt: 0,
  attempts: 1,
  nextTryAt: 0,
  lastError: { status: 409, code: 'CASE.VERSION_CONFLICT', fields: [], at: 0 },
  result: null,
  form: null,
};

function renderReview(props: Partial<Parameters<typeof ConflictReview>[0]> = {}, locale: 'en' | 'ar' = 'en') {
  const handlers = { onKeepServer: vi.fn(), onSendMine: vi.fn(), onEdit: vi.fn() };
  render(
    <IntlProvider locale={locale} messages={locale === 'ar' ? ar : en}>
      <ConflictReview item={completion} theirs={{ givenName: 'Zahra', familyName: 'Ali', sex: 'FEMALE' }} mine={{ givenName: 'Zahara', familyName: 'Ali', languages: ['so', 'sw'] }} {...handlers} {...props} />
    </IntlProvider>,
  );
  return handlers;
}

describe('ConflictReview', () => {
  it('shows both versions field by field, marks the differences in words, and offers the three choices', () => {
    const handlers = renderReview();
    const table = screen.getByRole('table', { name: 'The two versions, field by field' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Field', 'On the server', 'Yours']);
    const given = within(table).getByRole('row', { name: /givenName/ });
    expect(given).toHaveTextContent('Differs');
    expect(within(given).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Zahra', 'Zahara']);
    const family = within(table).getByRole('row', { name: /familyName/ });
    expect(family).not.toHaveTextContent('Differs');
    // A field only one side has: the other reads "(empty)".
    expect(within(within(table).getByRole('row', { name: /^sex/ })).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['FEMALE', '(empty)']);
    expect(screen.getByRole('status')).toHaveTextContent('3 fields differ');

    fireEvent.click(screen.getByRole('button', { name: 'Send mine' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep the server’s' }));
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    expect(handlers.onSendMine).toHaveBeenCalledTimes(1);
    expect(handlers.onKeepServer).toHaveBeenCalledTimes(1);
    expect(handlers.onEdit).toHaveBeenCalledTimes(1);
  });

  it('for a registration whose id was taken, says the server cannot show its version and offers to send it as a new one', () => {
    renderReview({ item: { ...completion, kind: 'intake', id: 'i-1', lastError: { status: 409, code: 'INTAKE.ID_CONFLICT', fields: [], at: 0 } }, theirs: null, onEdit: undefined });
    expect(screen.getByText('The server does not show its version of a registration made under the same identifier.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send mine as a new registration' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
  });

  it('waits for the server version before offering to send', () => {
    renderReview({ theirs: undefined });
    expect(screen.getByRole('status')).toHaveTextContent('Loading the server’s version…');
    expect(screen.getByRole('button', { name: 'Send mine' })).toBeDisabled();
  });

  it('reads in Arabic, with the data isolated', () => {
    renderReview({}, 'ar');
    expect(screen.getByRole('columnheader', { name: 'على الخادم' })).toBeInTheDocument();
    expect(screen.getByText('Zahra').tagName).toBe('BDI');
  });
});

describe('compareVersions', () => {
  it('flattens nested answers and lists', () => {
    expect(compareVersions({ screening: { answers: { fear: true } }, persons: [{ n: 'a' }] }, { screening: { answers: { fear: false } }, persons: [{ n: 'a' }] })).toEqual([
      { path: 'screening.answers.fear', theirs: 'true', mine: 'false', differs: true },
      { path: 'persons[0].n', theirs: 'a', mine: 'a', differs: false },
    ]);
  });
});

describe('sendMine', () => {
  async function outboxWith(item: { kind: 'intake' | 'completion'; id: string; body: unknown }) {
    const db = openOfflineDb(`conflict-${Math.random()}`, new IDBFactory(), IDBKeyRange);
    const vault = new OfflineVault(db, 1000);
    await vault.unlockOnline('border.official', 'pw');
    const sent: OutboxItem[] = [];
    const outbox = new Outbox({ db, vault, online: () => true, setTimer: () => 1, clearTimer: () => undefined, send: async (record) => (sent.push(record), { status: 409, body: { code: 'X' } }) });
    await outbox.enqueue(item);
    await outbox.idle();
    return { outbox, sent };
  }

  it('sends a completion again on the case’s new version, under its new id', async () => {
    const { outbox, sent } = await outboxWith({ kind: 'completion', id: 'case-1@3', body: { version: 3, person: { givenName: 'Zahara' } } });
    const id = await sendMine(outbox, outbox.items[0] as OutboxItem, { theirs: {}, version: 5 });
    await outbox.idle();
    expect(id).toBe('case-1@5');
    expect(sent[1]).toMatchObject({ id: 'case-1@5', body: { version: 5, person: { givenName: 'Zahara' } } });
    expect(outbox.items.map((item) => item.id)).toEqual(['case-1@5']);
  });

  it('sends a registration whose id was taken as a new registration with a new id', async () => {
    const { outbox, sent } = await outboxWith({ kind: 'intake', id: 'i-1', body: { intakeId: 'i-1', persons: [] } });
    await sendMine(outbox, outbox.items[0] as OutboxItem, { theirs: null, version: null }, () => 'i-2');
    await outbox.idle();
    expect(sent[1]).toMatchObject({ id: 'i-2', body: { intakeId: 'i-2' } });
  });
});
