import { BadInputError } from '@kivuko/platform';
import { ListReferralsQuery } from './referral.dto';
import { queueQuery, ReferralRow } from './referral.queries';
import { actionProblems, agencyEventOf, decodeQueueCursor, encodeQueueCursor, referralView, refusalToAct } from './referral.service';
import { ReferralAction, ReferralStatus } from './referral-status';

const A = ReferralAction;

describe('a request to act on a referral', () => {
  it('needs a reason to decline or to withdraw', () => {
    expect(actionProblems(A.Decline, {})).toEqual([{ path: 'reason', problem: 'a reason is required to decline' }]);
    expect(actionProblems(A.Withdraw, {})).toEqual([{ path: 'reason', problem: 'a reason is required to withdraw' }]);
    expect(actionProblems(A.Decline, { reason: 'no capacity' })).toEqual([]);
    expect(actionProblems(A.Withdraw, { reason: '' })).toEqual([{ path: 'reason', problem: 'a reason is required to withdraw' }]);
  });

  it('needs an outcome to complete, and gives an outcome or a note only when completing', () => {
    expect(actionProblems(A.Complete, {})).toEqual([{ path: 'outcomeCode', problem: 'an outcome code is required to complete' }]);
    expect(actionProblems(A.Complete, { outcomeCode: 'SERVICE_PROVIDED', note: 'seen' })).toEqual([]);
    expect(actionProblems(A.Accept, { outcomeCode: 'SERVICE_PROVIDED' })).toEqual([{ path: 'outcomeCode', problem: 'an outcome is given only when completing' }]);
    expect(actionProblems(A.Start, { note: 'started' })).toEqual([{ path: 'outcomeCode', problem: 'an outcome is given only when completing' }]);
    // Both problems of a decline with an outcome, in this order.
    expect(actionProblems(A.Decline, { outcomeCode: 'X' }).map((p) => p.problem)).toEqual(['a reason is required to decline', 'an outcome is given only when completing']);
  });

  it('asks nothing of an acknowledgment, an acceptance or a start', () => {
    for (const action of [A.Acknowledge, A.Accept, A.Start]) expect(actionProblems(action, {})).toEqual([]);
  });
});

describe('who acts on a referral', () => {
  const referral = { agency_id: 'agency-receiving', border_point_id: 'bp-sending' };
  const receiver = { agencyId: 'agency-receiving', borderPointIds: [] };
  const sender = { agencyId: 'agency-border', borderPointIds: ['bp-other', 'bp-sending'] };

  it('is the receiving agency for acknowledging, accepting, declining, starting and completing', () => {
    for (const action of [A.Acknowledge, A.Accept, A.Decline, A.Start, A.Complete]) {
      expect(refusalToAct(receiver, referral, action)).toBeNull();
      expect(refusalToAct(sender, referral, action)).toBe('Only the receiving agency works a referral');
    }
  });

  it('is an official of the sending border point for withdrawing (and for the system’s own actions)', () => {
    for (const action of [A.Withdraw, A.Release, A.Suspend]) {
      expect(refusalToAct(sender, referral, action)).toBeNull();
      expect(refusalToAct(receiver, referral, action)).toBe('Only the sending border point withdraws a referral');
    }
  });
});

describe('the event an action sends to the agency', () => {
  it('is sent for a release (the referral reaches it), a withdrawal, a suspension and a completion only', () => {
    expect(Object.fromEntries(Object.values(A).map((a) => [a, agencyEventOf(a) ?? null]))).toEqual({
      [A.Release]: 'referral.created',
      [A.Acknowledge]: null,
      [A.Accept]: null,
      [A.Decline]: null,
      [A.Start]: null,
      [A.Complete]: 'referral.completed',
      [A.Withdraw]: 'referral.withdrawn',
      [A.Suspend]: 'referral.suspended',
    });
  });
});

describe('a referral as the api answers it', () => {
  const at = (iso: string): Date => new Date(iso);
  const row: ReferralRow = {
    id: 'r1',
    case_id: 'c1',
    case_number: 'TZA-KGM-2026-000001',
    agency_id: 'a1',
    agency_name: 'Shelter',
    agency_kind: 'NGO',
    target: 'NGO/SAFE_SHELTER',
    targets: [{ target: 'NGO/SAFE_SHELTER', role: 'LEAD', profiles: ['TRAFFICKING_VICTIM'], actions: ['SAFE_SHELTER'] }],
    border_point_id: 'b1',
    border_point_code: 'KGM',
    role: 'LEAD',
    profiles: ['TRAFFICKING_VICTIM'],
    priority: 1,
    status: ReferralStatus.Pending,
    due_at: at('2026-11-20T10:00:00Z'),
    overdue_at: null,
    escalation_level: 0,
    required_actions: [],
    field_groups: ['IDENTITY'],
    basis: { met: [] },
    sop_version_id: 's1',
    attempt: 1,
    previous_referral_id: null,
    version: 3,
    acknowledged_at: null,
    outcome_code: null,
    outcome_note: null,
    reason: null,
    created_at: at('2026-11-20T06:00:00Z'),
    updated_at: at('2026-11-20T07:00:00Z'),
  };

  it('carries its agency and border point, its times as ISO strings, and whether it is overdue', () => {
    const view = referralView(row);
    expect(view).toMatchObject({
      caseNumber: 'TZA-KGM-2026-000001',
      agency: { id: 'a1', name: 'Shelter', kind: 'NGO' },
      borderPoint: { id: 'b1', code: 'KGM' },
      dueAt: '2026-11-20T10:00:00.000Z',
      overdue: false,
      acknowledgedAt: null,
      createdAt: '2026-11-20T06:00:00.000Z',
      updatedAt: '2026-11-20T07:00:00.000Z',
      version: 3,
    });
    expect(referralView({ ...row, overdue_at: at('2026-11-20T10:00:00Z'), acknowledged_at: at('2026-11-20T11:00:00Z') })).toMatchObject({
      overdue: true,
      acknowledgedAt: '2026-11-20T11:00:00.000Z',
    });
  });
});

describe('the queue query', () => {
  const actor = { agencyId: '00000000-0000-4000-8000-00000000000a', borderPointIds: ['00000000-0000-4000-8000-0000000000b1'] };
  const query = (q: Partial<ListReferralsQuery>): ListReferralsQuery => Object.assign(new ListReferralsQuery(), q);

  it('reads the agency’s open referrals, most urgent and soonest due first, one row more than the page', () => {
    const { sql, params } = queueQuery(actor, query({}), undefined, 26);
    expect(sql).toContain(`WHERE r.agency_id = $1 AND r.status NOT IN ('DECLINED', 'COMPLETED', 'WITHDRAWN') ORDER BY r.priority, r.due_at, r.id LIMIT $2`);
    expect(params).toEqual([actor.agencyId, 26]);
  });

  it('reads a status asked for instead of the open ones', () => {
    const { sql, params } = queueQuery(actor, query({ status: ReferralStatus.Declined }), undefined, 11);
    expect(sql).toContain('WHERE r.agency_id = $1 AND r.status = $2 ORDER BY');
    expect(sql).not.toContain('NOT IN');
    expect(params).toEqual([actor.agencyId, ReferralStatus.Declined, 11]);
  });

  it('reads the open referrals of one profile from their own table in queue order', () => {
    const { sql, params } = queueQuery(actor, query({ profile: 'TRAFFICKING_VICTIM', priority: 2 }), undefined, 5);
    expect(sql).toContain('JOIN referral_open_profile o ON o.referral_id = r.id WHERE o.agency_id = $1 AND o.profile = $2 AND o.priority = $3 ORDER BY o.priority, o.due_at, o.referral_id LIMIT $4');
    expect(params).toEqual([actor.agencyId, 'TRAFFICKING_VICTIM', 2, 5]);
    // With a status asked for, the profile is a filter on the referrals themselves.
    const withStatus = queueQuery(actor, query({ profile: 'TRAFFICKING_VICTIM', status: ReferralStatus.Completed }), undefined, 5);
    expect(withStatus.sql).toContain('r.profiles @> ARRAY[$3]::text[]');
    expect(withStatus.sql).not.toContain('referral_open_profile');
  });

  it('reads the referrals sent from the caller’s border points, one index scan per border point, merged', () => {
    const { sql, params } = queueQuery(actor, query({ view: 'SENT', overdue: true }), undefined, 26);
    expect(sql).toContain('FROM unnest($1::uuid[]) AS bp(id)');
    expect(sql).toContain('WHERE r.border_point_id = bp.id AND r.overdue_at IS NOT NULL ORDER BY');
    expect(params).toEqual([actor.borderPointIds, 26]);
  });

  it('starts after the cursor’s row, in queue order', () => {
    const after = { priority: 2, dueAt: new Date('2026-11-20T10:00:00Z'), id: '00000000-0000-4000-8000-0000000000c1' };
    const { sql, params } = queueQuery(actor, query({ overdue: false }), after, 26);
    expect(sql).toContain('r.overdue_at IS NULL AND (r.priority, r.due_at, r.id) > ($2, $3, $4::uuid) ORDER BY');
    expect(params).toEqual([actor.agencyId, 2, after.dueAt, after.id, 26]);
  });
});

describe('the queue cursor', () => {
  it('gives back the row it was made from', () => {
    const row = { priority: 3, due_at: new Date('2026-11-20T10:00:00.120Z'), id: '6f1c3a52-2b7e-4c1e-9a57-0d2f6b1c9e11' };
    expect(decodeQueueCursor(encodeQueueCursor(row))).toEqual({ priority: 3, dueAt: row.due_at, id: row.id });
  });

  it('refuses a cursor the queue did not give out', () => {
    for (const cursor of ['', 'abc', Buffer.from('1|2026-11-20|x', 'utf8').toString('base64url'), Buffer.from('1|2026-11-20T10:00:00.000Z|not-a-uuid-at-all-not-a-uuid-at-al!', 'utf8').toString('base64url')]) {
      expect(() => decodeQueueCursor(cursor)).toThrow(BadInputError);
    }
  });
});
