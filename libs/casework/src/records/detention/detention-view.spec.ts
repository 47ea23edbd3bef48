import { DetentionRow } from './detention.queries';
import { detentionView } from './detention.service';

const row = (over: Partial<DetentionRow> = {}): DetentionRow => ({
  id: 'episode-1',
  place: 'Namanga holding facility',
  legal_basis: 'Immigration Act s.12(3)',
  individual_assessment: { pregnant: false, seriouslyIll: false, summary: 'No address; absconded twice from reporting.' },
  alternatives_considered: ['Reporting twice a week: no fixed address'],
  started_at: new Date('2026-12-01T09:00:00Z'),
  next_review_on: '2026-12-08',
  ended_at: null,
  end_reason: null,
  protected_grounds: [],
  override_justification: null,
  overridden_by: null,
  agency_id: 'agency-1',
  version: 1,
  reviews: [],
  access: [],
  ...over,
});
const at = (iso: string): Date => new Date(iso);

describe('a detention review is overdue', () => {
  it('from the day after the review date, not on it', () => {
    expect(detentionView(row(), at('2026-12-08T23:59:59Z')).reviewOverdue).toBe(false);
    expect(detentionView(row(), at('2026-12-09T00:00:00Z')).reviewOverdue).toBe(true);
  });

  it('never once the episode has ended', () => {
    expect(detentionView(row({ ended_at: new Date('2026-12-05T16:00:00Z'), end_reason: 'Released' }), at('2027-01-01T00:00:00Z')).reviewOverdue).toBe(false);
  });
});

describe('a detention episode as read', () => {
  it('shows an override only with both its justification and who gave it', () => {
    expect(detentionView(row({ override_justification: 'Supervisor finding', overridden_by: 'user-9' }), at('2026-12-02T00:00:00Z')).override).toEqual({ justification: 'Supervisor finding', by: 'user-9' });
    expect(detentionView(row({ override_justification: 'Supervisor finding' }), at('2026-12-02T00:00:00Z')).override).toBeNull();
  });

  it('gives times as ISO instants, visits included', () => {
    const view = detentionView(
      row({ access: [{ visitorKind: 'UNHCR', organisation: 'Refugee Agency', visitedAt: '2026-12-02T13:00:00+03:00', granted: true, refusalReason: null }] }),
      at('2026-12-02T12:00:00Z'),
    );
    expect(view.startedAt).toBe('2026-12-01T09:00:00.000Z');
    expect(view.endedAt).toBeNull();
    expect(view.access[0].visitedAt).toBe('2026-12-02T10:00:00.000Z');
  });
});
