// The oracle is the safeguards' own pure functions (the same ones the services call): the point of these
// properties is that the API never decides otherwise than they do on the facts the test has built up.
import { AppealOutcome, CHILD_PROFILES, detentionGrounds, IndividualAssessment, NO_FACTS, nonRefoulementReasons, Offence, OFFENCES, profileRemovalRefused, prosecutionBlocked, prosecutionRefusal, SafeguardFacts, TraffickingStatus } from '@kivuko/runtime';
import fc from 'fast-check';
import { DemoApi, startDemoApi } from './demo-api';
import { at, day, detentionBody, registerArrival, shareWith } from './protection-fixtures';

/**
 * Model-based properties of the safeguards through the API. Each run registers one fresh case, sends a
 * random sequence of real HTTP calls as the demo users who would make them, and keeps a model of the
 * safeguard facts built only from the calls that succeeded. After every call the answer must be what the
 * pure safeguard functions say on the model: a removal, a detention or a prosecution flag goes through
 * only when nothing protects the person (or, for another offence than a status offence, on a
 * supervisor's finding that it is unrelated to the trafficking, kept as an OVERRIDDEN row), and a refusal
 * names exactly the model's reasons, writes nothing it was asked to write, and leaves one BLOCKED row on
 * the safeguard trail.
 */

type ProfileCode = SafeguardFacts['profiles'][number];
type Claim = NonNullable<SafeguardFacts['asylumClaim']>;
type Trafficking = NonNullable<SafeguardFacts['trafficking']>;
type DetainedBy = 'OFFICIAL' | 'OFFICIAL_WITH_JUSTIFICATION' | 'SUPERVISOR_OVERRIDE';

type Action =
  | { kind: 'ADD_PROFILE'; profile: 'ASYLUM_SEEKER' | 'TRAFFICKING_VICTIM' }
  | { kind: 'REGISTER_CLAIM' }
  | { kind: 'DECIDE_CLAIM'; decision: 'REJECTED' | 'RECOGNISED' }
  | { kind: 'LODGE_APPEAL' }
  | { kind: 'APPEAL_OUTCOME'; outcome: AppealOutcome }
  | { kind: 'WITHDRAW_CLAIM' }
  | { kind: 'IDENTIFY'; status: TraffickingStatus }
  | { kind: 'START_REFLECTION'; startsInDays: number; days: number }
  | { kind: 'OPEN_RISK_FLAG' }
  | { kind: 'CLOSE_RISK_FLAG'; pick: number }
  | { kind: 'ORDER_REMOVAL' }
  | { kind: 'EXECUTE_REMOVAL' }
  | { kind: 'DETAIN'; assessment: IndividualAssessment; by: DetainedBy }
  | { kind: 'END_DETENTION' }
  | { kind: 'FLAG_PROSECUTION'; offence: Offence }
  | { kind: 'FLAG_OTHER_WITH_FINDING'; by: 'OFFICIAL' | 'SUPERVISOR' };

type AgeAction = { kind: 'REMOVE_CHILD_PROFILE'; profile: ProfileCode } | { kind: 'REQUEST_AGE_ASSESSMENT' } | { kind: 'COMPLETE_AGE_ASSESSMENT'; minimumAge: number; span: number };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('ADD_PROFILE' as const), profile: fc.constantFrom('ASYLUM_SEEKER' as const, 'TRAFFICKING_VICTIM' as const) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'REGISTER_CLAIM' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('DECIDE_CLAIM' as const), decision: fc.constantFrom('REJECTED' as const, 'RECOGNISED' as const) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'LODGE_APPEAL' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('APPEAL_OUTCOME' as const), outcome: fc.constantFrom<AppealOutcome>('ALLOWED', 'DISMISSED') }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'WITHDRAW_CLAIM' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('IDENTIFY' as const), status: fc.constantFrom<TraffickingStatus>('POTENTIAL', 'PRESUMED', 'IDENTIFIED', 'NOT_IDENTIFIED') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('START_REFLECTION' as const), startsInDays: fc.integer({ min: -10, max: 0 }), days: fc.integer({ min: 1, max: 15 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'OPEN_RISK_FLAG' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('CLOSE_RISK_FLAG' as const), pick: fc.nat({ max: 3 }) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'ORDER_REMOVAL' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'EXECUTE_REMOVAL' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('DETAIN' as const),
      assessment: fc.record({ pregnant: fc.boolean(), seriouslyIll: fc.boolean() }),
      by: fc.constantFrom<DetainedBy>('OFFICIAL', 'OFFICIAL', 'OFFICIAL_WITH_JUSTIFICATION', 'SUPERVISOR_OVERRIDE'),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'END_DETENTION' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('FLAG_PROSECUTION' as const), offence: fc.constantFrom(...OFFENCES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('FLAG_OTHER_WITH_FINDING' as const), by: fc.constantFrom('OFFICIAL' as const, 'SUPERVISOR' as const) }) },
);

const ageActionArb: fc.Arbitrary<AgeAction> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('REMOVE_CHILD_PROFILE' as const), profile: fc.constantFrom(...CHILD_PROFILES) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'REQUEST_AGE_ASSESSMENT' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('COMPLETE_AGE_ASSESSMENT' as const), minimumAge: fc.integer({ min: 12, max: 24 }), span: fc.integer({ min: 0, max: 4 }) }) },
);

/** Hand-picked sequences run before the random ones: the paths the random ones reach only rarely. */
const EXAMPLES: Action[][] = [
  // The claim's life: pending, rejected, under appeal, dismissed; then a removal ordered and executed.
  [{ kind: 'ADD_PROFILE', profile: 'ASYLUM_SEEKER' }, { kind: 'REGISTER_CLAIM' }, { kind: 'DECIDE_CLAIM', decision: 'REJECTED' }, { kind: 'LODGE_APPEAL' }, { kind: 'ORDER_REMOVAL' }, { kind: 'APPEAL_OUTCOME', outcome: 'DISMISSED' }, { kind: 'ORDER_REMOVAL' }, { kind: 'EXECUTE_REMOVAL' }],
  // A presumed victim: no detention, no prosecution for status offences, no removal before and during the reflection period.
  [
    { kind: 'IDENTIFY', status: 'PRESUMED' },
    { kind: 'DETAIN', assessment: { pregnant: false, seriouslyIll: false }, by: 'OFFICIAL' },
    { kind: 'FLAG_PROSECUTION', offence: 'IRREGULAR_ENTRY' },
    { kind: 'FLAG_PROSECUTION', offence: 'OTHER' },
    { kind: 'FLAG_OTHER_WITH_FINDING', by: 'OFFICIAL' },
    { kind: 'FLAG_OTHER_WITH_FINDING', by: 'SUPERVISOR' },
    { kind: 'ORDER_REMOVAL' },
    { kind: 'START_REFLECTION', startsInDays: 0, days: 10 },
    { kind: 'ORDER_REMOVAL' },
    { kind: 'DETAIN', assessment: { pregnant: true, seriouslyIll: false }, by: 'SUPERVISOR_OVERRIDE' },
    { kind: 'DETAIN', assessment: { pregnant: false, seriouslyIll: false }, by: 'OFFICIAL' },
  ],
  // An order made while nothing protects the person, then a refoulement-risk flag, a found-not-a-victim record and an ended period.
  [
    { kind: 'ORDER_REMOVAL' },
    { kind: 'OPEN_RISK_FLAG' },
    { kind: 'EXECUTE_REMOVAL' },
    { kind: 'CLOSE_RISK_FLAG', pick: 0 },
    { kind: 'IDENTIFY', status: 'POTENTIAL' },
    { kind: 'START_REFLECTION', startsInDays: -10, days: 3 },
    { kind: 'IDENTIFY', status: 'NOT_IDENTIFIED' },
    { kind: 'EXECUTE_REMOVAL' },
  ],
];

/** The asylum authority's part, and the removal that must wait for it. */
const asylumActionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.constant({ kind: 'REGISTER_CLAIM' as const }),
  fc.record({ kind: fc.constant('DECIDE_CLAIM' as const), decision: fc.constantFrom('REJECTED' as const, 'RECOGNISED' as const) }),
  fc.constant({ kind: 'LODGE_APPEAL' as const }),
  fc.record({ kind: fc.constant('APPEAL_OUTCOME' as const), outcome: fc.constantFrom<AppealOutcome>('ALLOWED', 'DISMISSED') }),
  fc.constant({ kind: 'WITHDRAW_CLAIM' as const }),
  fc.constant({ kind: 'ORDER_REMOVAL' as const }),
  fc.constant({ kind: 'EXECUTE_REMOVAL' as const }),
);

/** Protection granted, then the claim withdrawn (and a new claim made): the grant still stands. */
const GRANT_EXAMPLES: Action[][] = [
  // An appeal allowed is protection granted too, and a later withdrawal does not undo it.
  [{ kind: 'REGISTER_CLAIM' }, { kind: 'DECIDE_CLAIM', decision: 'REJECTED' }, { kind: 'LODGE_APPEAL' }, { kind: 'APPEAL_OUTCOME', outcome: 'ALLOWED' }, { kind: 'ORDER_REMOVAL' }, { kind: 'WITHDRAW_CLAIM' }, { kind: 'ORDER_REMOVAL' }],
  [{ kind: 'REGISTER_CLAIM' }, { kind: 'DECIDE_CLAIM', decision: 'RECOGNISED' }, { kind: 'WITHDRAW_CLAIM' }, { kind: 'REGISTER_CLAIM' }, { kind: 'WITHDRAW_CLAIM' }, { kind: 'ORDER_REMOVAL' }],
  [{ kind: 'REGISTER_CLAIM' }, { kind: 'DECIDE_CLAIM', decision: 'RECOGNISED' }, { kind: 'WITHDRAW_CLAIM' }, { kind: 'REGISTER_CLAIM' }, { kind: 'DECIDE_CLAIM', decision: 'REJECTED' }, { kind: 'ORDER_REMOVAL' }],
];

const NUM_RUNS = 20;
const GRANT_RUNS = 12;
const AGE_RUNS = 12;
const MAX_ACTIONS = 8;
const FINDING = 'The assault on the officer took place at the post, long after the exploitation had ended: unrelated to the trafficking.';
const JUSTIFICATION = 'No shelter place is open tonight and the person was seen with the smuggler at the post; held in the family room, reviewed in the morning.';

/** Where the trafficking record may go from each status (the anti-trafficking coordinator's workflow). */
const NEXT_STATUS: Readonly<Record<TraffickingStatus, readonly TraffickingStatus[]>> = {
  POTENTIAL: ['PRESUMED', 'NOT_IDENTIFIED'],
  PRESUMED: ['IDENTIFIED', 'NOT_IDENTIFIED'],
  IDENTIFIED: [],
  NOT_IDENTIFIED: ['PRESUMED'],
};

interface Res {
  status: number;
  body: { code?: string; message?: string; details?: { reasons?: unknown; grounds?: unknown; override?: unknown; finding?: unknown; fields?: { path: string }[] }; id?: string; protectedGrounds?: string[]; override?: unknown; status?: string };
}
interface TrailEntry {
  safeguard: string;
  outcome: 'BLOCKED' | 'OVERRIDDEN';
  attempted: string;
  reasons: string[];
}

/** What the test knows about the case, from the calls that succeeded. */
interface Model {
  profiles: ProfileCode[];
  indicatorIds: string[];
  claims: Claim[];
  trafficking: Trafficking | null;
  openRiskFlags: string[];
  orders: { id: string; status: 'ORDERED' | 'EXECUTED' }[];
  openDetention: string | null;
  /** What the safeguard trail must hold, in order. */
  trail: TrailEntry[];
}

const granted = (c: Claim): boolean => c.decision !== null && (c.decision !== 'REJECTED' || c.appealOutcome === 'ALLOWED');
/** The claim the safeguards read: the latest that granted protection (a grant stands), else the one in force, else the latest withdrawn one. */
const claimOf = (m: Model): Claim | null =>
  [...m.claims].reverse().find(granted) ?? [...m.claims].reverse().find((c) => !c.withdrawn) ?? m.claims[m.claims.length - 1] ?? null;

const factsOf = (m: Model): SafeguardFacts => ({
  ...NO_FACTS,
  profiles: m.profiles,
  indicatorIds: m.indicatorIds,
  presumedChild: false,
  asylumClaim: claimOf(m),
  trafficking: m.trafficking,
  openRefoulementRiskFlags: m.openRiskFlags.length,
});

const codes = (items: unknown): string[] => (Array.isArray(items) ? items.map((i: { code: string }) => i.code) : []);
const describeAction = (a: Action | AgeAction): string => JSON.stringify(a);

describe('safeguards over random sequences of casework through the API', () => {
  let api: DemoApi;

  beforeAll(async () => {
    api = await startDemoApi('safeguard_sequences');
  }, 60_000);
  afterAll(() => api.close());

  const post = async (username: string, path: string, body: object): Promise<Res> => api.http().post(`/api/v1/${path}`).set(await api.as(username)).send(body);
  const put = async (username: string, path: string, body: object): Promise<Res> => api.http().put(`/api/v1/${path}`).set(await api.as(username)).send(body);
  const get = async (username: string, path: string): Promise<{ status: number; body: unknown }> => api.http().get(`/api/v1/${path}`).set(await api.as(username));
  const removalRows = (caseId: string) => api.owner(`SELECT id, status, version, executed_at FROM removal_order WHERE case_id = $1 ORDER BY id`, [caseId]);
  const count = async (sql: string, caseId: string): Promise<number> => Number((await api.owner<{ n: string }>(sql, [caseId]))[0].n);
  const detentions = (caseId: string) => count(`SELECT count(*) AS n FROM detention_episode WHERE case_id = $1`, caseId);
  const prosecutionFlags = (caseId: string) => count(`SELECT count(*) AS n FROM protection_flag WHERE case_id = $1 AND kind = 'PROSECUTION'`, caseId);
  const standingProfiles = async (caseId: string): Promise<{ profile: ProfileCode; status: string; indicators: { id: string }[] | null }[]> =>
    ((await get('border.official', `cases/${caseId}/profiles`)).body as { current: { profile: ProfileCode; status: string; indicators: { id: string }[] | null }[] }).current;

  /** A labour migrant at NMG, made visible to every agency that acts on it (a `case_share` fixture, not routing). */
  async function freshCase(): Promise<{ caseId: string; model: Model }> {
    const caseId = await registerArrival(api, { answers: { reasons_for_leaving: ['WORK'] } });
    for (const agency of ['Refugee Status Authority', 'Anti-Trafficking Secretariat', 'Child Protection Service', 'Immigration Department', 'Migration Agency']) await shareWith(api, caseId, agency);
    const current = (await standingProfiles(caseId)).filter((p) => p.status !== 'REMOVED');
    const model: Model = {
      profiles: current.map((p) => p.profile),
      indicatorIds: current.flatMap((p) => (p.indicators ?? []).map((i) => i.id)),
      claims: [],
      trafficking: null,
      openRiskFlags: [],
      orders: [],
      openDetention: null,
      trail: [],
    };
    return { caseId, model };
  }

  /** The server's own view of the safeguards must be the pure functions on the model. */
  async function expectStatusAgrees(caseId: string, model: Model): Promise<void> {
    const res = await get('border.official', `cases/${caseId}/safeguards`);
    expect(res.status).toBe(200);
    const status = res.body as {
      removal: { reasons: unknown };
      voluntaryReturn: { reasons: unknown };
      detention: { protectedGrounds: unknown };
      prosecution: { blockedOffences: string[] };
    };
    const facts = factsOf(model);
    const now = new Date();
    expect({
      removal: codes(status.removal.reasons),
      voluntaryReturn: codes(status.voluntaryReturn.reasons),
      protectedGrounds: codes(status.detention.protectedGrounds),
      blockedOffences: status.prosecution.blockedOffences,
    }).toEqual({
      removal: nonRefoulementReasons(facts, 'REMOVAL', now),
      voluntaryReturn: nonRefoulementReasons(facts, 'VOLUNTARY_RETURN', now),
      protectedGrounds: detentionGrounds(facts, { pregnant: false, seriouslyIll: false }),
      blockedOffences: OFFENCES.filter((o) => prosecutionBlocked(facts, o)),
    });
  }

  /** A refusal by the non-refoulement lock: 409 naming exactly the model's reasons, and no removal order touched. */
  function expectLocked(res: Res, reasons: string[], rowsBefore: unknown[], rowsAfter: unknown[]): void {
    expect({ status: res.status, code: res.body.code, reasons: codes(res.body.details?.reasons) }).toEqual({ status: 409, code: 'SAFEGUARD.NON_REFOULEMENT', reasons });
    expect(rowsAfter).toEqual(rowsBefore);
  }

  /** Sends one action as the user who would make it, checks the answer against the model, and updates the model. */
  async function step(caseId: string, model: Model, action: Action): Promise<number | 'SKIPPED'> {
    const claim = [...model.claims].reverse().find((c) => !c.withdrawn);
    const expectConflict = (res: Res, code: string): void => expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code });
    switch (action.kind) {
      case 'ADD_PROFILE': {
        const res = await post('border.official', `cases/${caseId}/profiles`, { profile: action.profile, reason: 'Stated during the follow-up interview' });
        if (model.profiles.includes(action.profile)) expectConflict(res, 'PROFILE.ALREADY_PRESENT');
        else {
          expect(res.status).toBe(201);
          model.profiles = [...model.profiles, action.profile];
        }
        return res.status;
      }
      case 'REGISTER_CLAIM': {
        const res = await post('asylum.reviewer', `cases/${caseId}/asylum-claim`, { registeredOn: day(), reference: `RSA/2026/${model.claims.length + 1}`, procedure: 'REGULAR' });
        if (claim) expectConflict(res, 'ASYLUM.CLAIM_EXISTS');
        else {
          expect(res.status).toBe(201);
          model.claims.push({ decision: null, appealLodged: false, appealOutcome: null, withdrawn: false });
        }
        return res.status;
      }
      case 'DECIDE_CLAIM': {
        const res = await post('asylum.reviewer', `cases/${caseId}/asylum-claim/decision`, { decision: action.decision, decidedOn: day() });
        if (!claim) expectConflict(res, 'ASYLUM.NO_CLAIM');
        else if (claim.decision) expectConflict(res, 'ASYLUM.ALREADY_DECIDED');
        else {
          expect(res.status).toBe(200);
          claim.decision = action.decision;
        }
        return res.status;
      }
      case 'LODGE_APPEAL': {
        const res = await post('asylum.reviewer', `cases/${caseId}/asylum-claim/appeal`, { lodgedOn: day() });
        if (!claim) expectConflict(res, 'ASYLUM.NO_CLAIM');
        else if (claim.decision !== 'REJECTED') expectConflict(res, 'ASYLUM.NOTHING_TO_APPEAL');
        else if (claim.appealLodged) expectConflict(res, 'ASYLUM.APPEAL_EXISTS');
        else {
          expect(res.status).toBe(200);
          claim.appealLodged = true;
        }
        return res.status;
      }
      case 'APPEAL_OUTCOME': {
        const res = await post('asylum.reviewer', `cases/${caseId}/asylum-claim/appeal-outcome`, { outcome: action.outcome, decidedOn: day() });
        if (!claim) expectConflict(res, 'ASYLUM.NO_CLAIM');
        else if (!claim.appealLodged) expectConflict(res, 'ASYLUM.NO_APPEAL');
        else if (claim.appealOutcome) expectConflict(res, 'ASYLUM.APPEAL_DECIDED');
        else {
          expect(res.status).toBe(200);
          claim.appealOutcome = action.outcome;
        }
        return res.status;
      }
      case 'WITHDRAW_CLAIM': {
        const res = await post('asylum.reviewer', `cases/${caseId}/asylum-claim/withdraw`, { withdrawnOn: day() });
        if (!claim) expectConflict(res, 'ASYLUM.NO_CLAIM');
        else {
          expect(res.status).toBe(200);
          claim.withdrawn = true;
        }
        return res.status;
      }
      case 'IDENTIFY': {
        const res = await put('trafficking.coordinator', `cases/${caseId}/trafficking/identification`, { status: action.status });
        const record = model.trafficking;
        const allowed = record ? NEXT_STATUS[record.status].includes(action.status) : action.status === 'POTENTIAL' || action.status === 'PRESUMED';
        if (!allowed) expectConflict(res, 'TRAFFICKING.STATUS_NOT_ALLOWED');
        else {
          expect(res.status).toBe(200);
          const today = day();
          const reflection = record?.reflection ?? null;
          // Found not to be a victim: a period still running ends today.
          const ended = reflection && action.status === 'NOT_IDENTIFIED' && reflection.endedOn === null && reflection.endsOn > today ? { ...reflection, endedOn: today } : reflection;
          model.trafficking = { status: action.status, reflection: ended };
        }
        return res.status;
      }
      case 'START_REFLECTION': {
        const startsOn = day(action.startsInDays);
        const res = await post('trafficking.coordinator', `cases/${caseId}/trafficking/reflection-period`, { startsOn, days: action.days });
        const record = model.trafficking;
        if (!record) expectConflict(res, 'TRAFFICKING.NO_RECORD');
        else if (record.reflection) expectConflict(res, 'TRAFFICKING.REFLECTION_EXISTS');
        else if (record.status === 'NOT_IDENTIFIED') expectConflict(res, 'TRAFFICKING.NOT_IDENTIFIED');
        else {
          expect(res.status).toBe(200);
          record.reflection = { startsOn, endsOn: day(action.startsInDays + action.days), endedOn: null };
        }
        return res.status;
      }
      case 'OPEN_RISK_FLAG': {
        const res = await post('asylum.reviewer', `cases/${caseId}/flags`, { kind: 'REFOULEMENT_RISK', reason: 'New reports on the treatment of returnees at the border' });
        expect(res.status).toBe(201);
        model.openRiskFlags.push(res.body.id as string);
        return res.status;
      }
      case 'CLOSE_RISK_FLAG': {
        if (model.openRiskFlags.length === 0) return 'SKIPPED';
        const [flagId] = model.openRiskFlags.splice(action.pick % model.openRiskFlags.length, 1);
        const res = await post('asylum.reviewer', `cases/${caseId}/flags/${flagId}/close`, { reason: 'Country information reviewed' });
        expect(res.status).toBe(200);
        return res.status;
      }
      case 'ORDER_REMOVAL': {
        const reasons = nonRefoulementReasons(factsOf(model), 'REMOVAL', new Date());
        const before = await removalRows(caseId);
        const res = await post('immigration.officer', `cases/${caseId}/removal-orders`, { decidedOn: day(), legalBasis: 'Immigration Act s.40', destinationCountry: 'ETH' });
        if (reasons.length > 0) {
          expectLocked(res, reasons, before, await removalRows(caseId));
          model.trail.push({ safeguard: 'NON_REFOULEMENT', outcome: 'BLOCKED', attempted: 'ORDER_REMOVAL', reasons });
        } else if (model.orders.some((o) => o.status === 'ORDERED')) {
          expectConflict(res, 'REMOVAL.ORDER_EXISTS');
          expect(await removalRows(caseId)).toEqual(before);
        } else {
          expect({ status: res.status, orderStatus: res.body.status }).toEqual({ status: 201, orderStatus: 'ORDERED' });
          model.orders.push({ id: res.body.id as string, status: 'ORDERED' });
        }
        return res.status;
      }
      case 'EXECUTE_REMOVAL': {
        const order = model.orders.find((o) => o.status === 'ORDERED') ?? model.orders[model.orders.length - 1];
        if (!order) return 'SKIPPED';
        const reasons = nonRefoulementReasons(factsOf(model), 'REMOVAL', new Date());
        const before = await removalRows(caseId);
        const res = await post('immigration.officer', `cases/${caseId}/removal-orders/${order.id}/execute`, { executedAt: at() });
        if (order.status !== 'ORDERED') {
          expectConflict(res, 'REMOVAL.NOT_PENDING');
          expect(await removalRows(caseId)).toEqual(before);
        } else if (reasons.length > 0) {
          expectLocked(res, reasons, before, await removalRows(caseId));
          model.trail.push({ safeguard: 'NON_REFOULEMENT', outcome: 'BLOCKED', attempted: 'EXECUTE_REMOVAL', reasons });
        } else {
          expect({ status: res.status, orderStatus: res.body.status }).toEqual({ status: 200, orderStatus: 'EXECUTED' });
          order.status = 'EXECUTED';
        }
        return res.status;
      }
      case 'DETAIN': {
        const grounds = detentionGrounds(factsOf(model), action.assessment);
        const before = await detentions(caseId);
        const user = action.by === 'SUPERVISOR_OVERRIDE' ? 'border.supervisor' : 'border.official';
        const body = detentionBody({
          individualAssessment: { ...action.assessment, summary: 'No address in the country; did not report as asked.' },
          ...(action.by === 'OFFICIAL' ? {} : { overrideJustification: JUSTIFICATION }),
        });
        const res = await post(user, `cases/${caseId}/detentions`, body);
        if (model.openDetention) {
          expectConflict(res, 'DETENTION.ALREADY_OPEN');
          expect(await detentions(caseId)).toBe(before);
        } else if (grounds.length > 0 && action.by !== 'SUPERVISOR_OVERRIDE') {
          const override = action.by === 'OFFICIAL' ? 'NO_OVERRIDE' : 'OVERRIDE_NOT_PERMITTED';
          expect({ status: res.status, code: res.body.code, details: res.body.details }).toEqual({ status: 409, code: 'SAFEGUARD.DETENTION_GUARD', details: { grounds, override } });
          expect(await detentions(caseId)).toBe(before);
          model.trail.push({ safeguard: 'DETENTION_GUARD', outcome: 'BLOCKED', attempted: 'OPEN_DETENTION', reasons: grounds });
        } else {
          expect({ status: res.status, protectedGrounds: res.body.protectedGrounds, overridden: res.body.override !== null }).toEqual({ status: 201, protectedGrounds: grounds, overridden: grounds.length > 0 });
          model.openDetention = res.body.id as string;
          if (grounds.length > 0) model.trail.push({ safeguard: 'DETENTION_GUARD', outcome: 'OVERRIDDEN', attempted: 'OPEN_DETENTION', reasons: grounds });
        }
        return res.status;
      }
      case 'END_DETENTION': {
        if (!model.openDetention) return 'SKIPPED';
        const res = await post('border.official', `cases/${caseId}/detentions/${model.openDetention}/end`, { endedAt: at(), reason: 'Released to the shelter' });
        expect(res.status).toBe(200);
        model.openDetention = null;
        return res.status;
      }
      case 'FLAG_PROSECUTION': {
        const blocked = prosecutionBlocked(factsOf(model), action.offence);
        const before = await prosecutionFlags(caseId);
        const res = await post('border.official', `cases/${caseId}/flags`, { kind: 'PROSECUTION', offence: action.offence, reason: 'Crossed outside the post' });
        if (blocked) {
          expectConflict(res, 'SAFEGUARD.NON_CRIMINALISATION');
          expect(await prosecutionFlags(caseId)).toBe(before);
          model.trail.push({ safeguard: 'NON_CRIMINALISATION', outcome: 'BLOCKED', attempted: `FLAG_PROSECUTION:${action.offence}`, reasons: ['TRAFFICKING_VICTIM'] });
        } else {
          expect(res.status).toBe(201);
          expect(await prosecutionFlags(caseId)).toBe(before + 1);
        }
        return res.status;
      }
      case 'FLAG_OTHER_WITH_FINDING': {
        const facts = factsOf(model);
        const victim = prosecutionBlocked(facts, 'OTHER');
        const refusal = prosecutionRefusal(facts, 'OTHER', { bySupervisor: action.by === 'SUPERVISOR', text: FINDING });
        const before = await prosecutionFlags(caseId);
        const user = action.by === 'SUPERVISOR' ? 'border.supervisor' : 'border.official';
        const res = await post(user, `cases/${caseId}/flags`, { kind: 'PROSECUTION', offence: 'OTHER', reason: 'Assaulted an officer', unrelatedOffenceFinding: FINDING });
        if (refusal !== null && victim) {
          expect({ status: res.status, code: res.body.code, finding: res.body.details?.finding }).toEqual({ status: 409, code: 'SAFEGUARD.NON_CRIMINALISATION', finding: refusal });
          expect(await prosecutionFlags(caseId)).toBe(before);
          model.trail.push({ safeguard: 'NON_CRIMINALISATION', outcome: 'BLOCKED', attempted: 'FLAG_PROSECUTION:OTHER', reasons: ['TRAFFICKING_VICTIM'] });
        } else if (refusal !== null) {
          expect({ status: res.status, fields: res.body.details?.fields?.map((f) => f.path) }).toEqual({ status: 400, fields: ['unrelatedOffenceFinding'] });
          expect(await prosecutionFlags(caseId)).toBe(before);
        } else {
          expect(res.status).toBe(201);
          expect(await prosecutionFlags(caseId)).toBe(before + 1);
          if (victim) model.trail.push({ safeguard: 'NON_CRIMINALISATION', outcome: 'OVERRIDDEN', attempted: 'FLAG_PROSECUTION:OTHER', reasons: ['TRAFFICKING_VICTIM'] });
        }
        return res.status;
      }
    }
  }

  /** Runs one sequence on a fresh case, checking every answer; `after` sees the model and each answer too. */
  async function runSequence(actions: Action[], after?: (model: Model, action: Action, answer: number | 'SKIPPED', grantedBefore: boolean) => void): Promise<void> {
    const { caseId, model } = await freshCase();
    const log: string[] = [];
    try {
      await expectStatusAgrees(caseId, model);
      for (const action of actions) {
        const grantedBefore = model.claims.some(granted);
        const answer = await step(caseId, model, action);
        log.push(`${describeAction(action)} -> ${answer}`);
        after?.(model, action, answer, grantedBefore);
      }
      await expectStatusAgrees(caseId, model);
      const trail = await api.owner<TrailEntry>(`SELECT safeguard, outcome, attempted, reasons FROM safeguard_event WHERE case_id = $1 ORDER BY occurred_at, id`, [caseId]);
      // Every BLOCKED row is one refusal the test made (and expected), in order, with the reasons the refusal gave.
      expect(trail.filter((e) => e.outcome === 'BLOCKED')).toHaveLength(model.trail.filter((e) => e.outcome === 'BLOCKED').length);
      expect(trail).toEqual(model.trail);
    } catch (error) {
      throw new Error(`case ${caseId}, steps answered:\n  ${log.join('\n  ')}\n${error instanceof Error ? error.message : String(error)}`);
    }
  }

  it(
    'never lets a sequence of casework end in a removal, detention or prosecution the safeguards refuse, and refuses exactly as they say',
    async () => {
      expect.hasAssertions();
      await fc.assert(
        fc.asyncProperty(fc.array(actionArb, { minLength: 1, maxLength: MAX_ACTIONS }), (actions) => runSequence(actions)),
        { numRuns: NUM_RUNS, examples: EXAMPLES.map((e) => [e]) },
      );
    },
    120_000,
  );

  it(
    'never lets a removal through once international protection was granted, whatever became of the claim afterwards',
    async () => {
      expect.hasAssertions();
      await fc.assert(
        fc.asyncProperty(fc.array(asylumActionArb, { minLength: 1, maxLength: MAX_ACTIONS }), (actions) =>
          runSequence(actions, (_model, action, answer, grantedBefore) => {
            if (grantedBefore && (action.kind === 'ORDER_REMOVAL' || action.kind === 'EXECUTE_REMOVAL') && answer !== 'SKIPPED') {
              expect({ removal: action.kind, answer }).toEqual({ removal: action.kind, answer: 409 });
            }
          }),
        ),
        { numRuns: GRANT_RUNS, examples: GRANT_EXAMPLES.map((e) => [e]) },
      );
    },
    120_000,
  );

  it(
    'never removes the last child profile of a 15-year-old unless a completed age assessment found an adult',
    async () => {
      expect.hasAssertions();
      await fc.assert(
        fc.asyncProperty(fc.record({ confirm: fc.boolean(), alsoSeparated: fc.boolean() }), fc.array(ageActionArb, { minLength: 1, maxLength: MAX_ACTIONS }), async (setup, actions) => {
          const caseId = await registerArrival(api, { givenName: 'Dawit', statedAge: 15, answers: { caregiver_present: false } });
          await shareWith(api, caseId, 'Child Protection Service');
          // Sometimes the official confirms the suggested child profiles, and sometimes adds a second one (an
          // aunt found later: a separated child), so that one child profile may give way to the other.
          const suggested = (await standingProfiles(caseId)).filter((p) => p.status === 'SUGGESTED' && CHILD_PROFILES.includes(p.profile)).map((p) => p.profile);
          if (setup.confirm) for (const profile of suggested) expect((await post('border.official', `cases/${caseId}/profiles/${profile}/confirm`, {})).status).toBe(200);
          if (setup.alsoSeparated && !suggested.includes('SEPARATED_CHILD')) {
            expect((await post('border.official', `cases/${caseId}/profiles`, { profile: 'SEPARATED_CHILD', reason: 'An aunt travelling on the same bus came forward' })).status).toBe(201);
          }
          const log: string[] = [];
          let openAssessment: string | null = null;
          const completed: number[] = [];
          const standing = async (): Promise<ProfileCode[]> => (await standingProfiles(caseId)).filter((p) => p.status !== 'REMOVED').map((p) => p.profile);
          try {
            const initial = (await standing()).filter((p) => CHILD_PROFILES.includes(p));
            expect(initial.length).toBeGreaterThan(0);
            for (const action of actions) {
              let answer: number | 'SKIPPED' = 'SKIPPED';
              if (action.kind === 'REMOVE_CHILD_PROFILE') {
                const profiles = await standing();
                const latest = completed.length > 0 ? completed[completed.length - 1] : null;
                const res = await post('border.official', `cases/${caseId}/profiles/${action.profile}/remove`, { reason: 'Looks older than the stated age' });
                answer = res.status;
                if (!profiles.includes(action.profile)) expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'PROFILE.NOT_PRESENT' });
                else if (profileRemovalRefused({ ...NO_FACTS, profiles, assessedMinimumAge: latest }, action.profile)) {
                  expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'SAFEGUARD.AGE_ASSESSMENT_REQUIRED' });
                  expect(await standing()).toEqual(profiles);
                } else expect(res.status).toBe(200);
              } else if (action.kind === 'REQUEST_AGE_ASSESSMENT') {
                const res = await post('child.protection', `cases/${caseId}/age-assessments`, { seriousDoubt: 'A document in his bag gives an earlier year of birth', requestedOn: day() });
                answer = res.status;
                if (openAssessment) expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'CHILD.AGE_ASSESSMENT_OPEN' });
                else {
                  expect(res.status).toBe(201);
                  openAssessment = res.body.id as string;
                }
              } else if (openAssessment) {
                const res = await post('child.protection', `cases/${caseId}/age-assessments/${openAssessment}/complete`, {
                  method: 'MULTIDISCIPLINARY',
                  completedOn: day(),
                  minimumAge: action.minimumAge,
                  maximumAge: action.minimumAge + action.span,
                });
                answer = res.status;
                expect(res.status).toBe(200);
                openAssessment = null;
                completed.push(action.minimumAge);
              }
              log.push(`${describeAction(action)} -> ${answer}`);
              // The invariant: minority is presumed, and a child profile kept, until a completed assessment found an adult;
              // an assessment that did removes them all.
              const children = (await standing()).filter((p) => CHILD_PROFILES.includes(p));
              if (!completed.some((age) => age >= 18)) expect(children).not.toEqual([]);
              if (completed.length > 0 && completed[completed.length - 1] >= 18) expect(children).toEqual([]);
            }
          } catch (error) {
            throw new Error(`case ${caseId}, steps answered:\n  ${log.join('\n  ')}\n${error instanceof Error ? error.message : String(error)}`);
          }
        }),
        { numRuns: AGE_RUNS },
      );
    },
    120_000,
  );
});
