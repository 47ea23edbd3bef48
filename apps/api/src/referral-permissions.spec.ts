import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type request from 'supertest';
import { DemoApi, startDemoApi } from './demo-api';
import { describePermissionMatrix, RouteBehaviour } from './permission-matrix';

/**
 * Each role × each referral, SOP, webhook and e-mail delivery endpoint, allowed and denied, as one table: the companion of
 * case-permissions.spec.ts, built the same way, for the routes under `referrals`, `sops` and `agencies/:id/webhook`
 * (read and checked by the harness of permission-matrix.ts).
 *
 * Columns: every demo user (together they hold every role), and a request with no token at all.
 */
const COLUMNS = {
  BO: 'border.official', //        BORDER_OFFICIAL at NMG and KGM (Border Management Service)
  AO: 'airport.official', //       BORDER_OFFICIAL at DAR only
  BS: 'border.supervisor', //      SUPERVISOR at every border point (Border Management Service)
  AR: 'asylum.reviewer', //        CASEWORKER, Refugee Status Authority
  CP: 'child.protection', //       CASEWORKER, Child Protection Service
  TC: 'trafficking.coordinator', // CASEWORKER, Anti-Trafficking Secretariat
  LC: 'legal.caseworker', //       CASEWORKER, Haki Legal Aid (NGO)
  SC: 'shelter.caseworker', //     CASEWORKER, Tumaini Shelter (NGO)
  SM: 'shelter.manager', //        AGENCY_MANAGER + SUPERVISOR, Tumaini Shelter, no border points
  SA: 'sop.admin', //              SOP_ADMIN
  AN: 'analyst', //                ANALYST
  MO: 'monitor', //                MONITOR
  SY: 'sysadmin', //               SYSADMIN (Border Management Service)
  anon: null, //                   no bearer token
} as const;

/**
 * Fixtures (the `fixture` column):
 *   referrals: a presumed trafficking victim registered at KGM by border.official, routed at once; the fixture is
 *   her SUPPORTING referral to Tumaini Shelter (the shelter NGO covering Kigoma), sent from KGM:
 *     held       AWAITING_CONSENT: no consent on record yet, so the receiving agency does not see it
 *     pending    PENDING: released to the shelter by the person's consent (recorded by border.official)
 *     accepted   ACCEPTED by shelter.caseworker after its release
 *   sops:
 *     new        a document not stored yet (the default SOP under a fresh label, in effect since yesterday)
 *     draft      a DRAFT of TZA signed by all the default signatories, Tumaini Shelter among them
 *     outsider   a DRAFT of TZA whose only signatory is the Refugee Agency (not shelter.manager's agency)
 *     approved   a DRAFT of KEN whose only signatory, Tumaini Shelter, approved it: ready to activate (KEN, so that
 *                an activation leaves the TZA SOP that routes the referrals above as it is)
 *   webhooks:
 *     own        Tumaini Shelter (shelter.manager's agency), with a webhook registered
 *     other      Haki Legal Aid, with a webhook registered
 *   e-mail deliveries (notifications/deliveries), of a pending referral's new-referral event:
 *     failed     a FAILED delivery to Tumaini Shelter's duty address (shelter.manager's agency)
 *     foreign    a FAILED delivery to Haki Legal Aid's duty address
 * A path may carry a query (`referrals?view=SENT`); `:agency` there is the fixture referral's receiving agency.
 *
 * Cells:
 *   200, 201, 204  allowed, with this status, and its effect checked (the referral read is that referral, it moved
 *                  to the action's status with its version and history on by one, the version is stored, approved,
 *                  activated or retired, the webhook registered with the caller's URL and a new secret, or removed)
 *   200+, 200-     a list answered 200 with the row's fixture in it (+), or without it (-: out of scope)
 *   404            hidden: REFERRAL.NOT_FOUND (EMAIL_DELIVERY.NOT_FOUND for a delivery), word for word the answer for an
 *                  id that does not exist
 *   403            refused: ACCESS.FORBIDDEN, the role lacks the route's permission (checked before scope)
 *   403NY          refused: REFERRAL.NOT_YOURS: the caller sees the referral, but only the receiving agency works
 *                  it and only the sending border point withdraws it
 *   403OQ          refused: REFERRAL.OTHER_AGENCY: only one's own agency's queue may be opened
 *   403NS          refused: SOP.NOT_A_SIGNATORY: only a manager of a signatory agency approves a version
 *   403OA          refused: WEBHOOK.OTHER_AGENCY: an agency manager manages only their own agency's webhook
 *   401            no token: AUTH.TOKEN_MISSING
 * Every refused, hidden and unauthenticated cell also checks that nothing changed (the referral's status, version,
 * history and the case's referrals; no SOP version stored, approved, activated or retired; the webhook and its
 * audit trail as they were).
 *
 * State-changing rows (referral actions, SOP upload, approval, activation and retirement, webhooks): each allowed
 * cell acts on a fresh referral, version or document of its own (a webhook is registered again before each call
 * that needs one), so no 409 for a second decision; every other cell of the row acts on one standing fixture,
 * which must stay as it was.
 */
const POLICY = `
  method  path                                 fixture   BO     AO     BS     AR     CP     TC     LC     SC    SM     SA    AN   MO   SY    anon
  GET     referrals                            pending   200-   200-   200-   200-   200-   200-   200-   200+  200+   403   403  403  403   401
  GET     referrals                            held      200-   200-   200-   200-   200-   200-   200-   200-  200-   403   403  403  403   401
  GET     referrals?view=SENT                  pending   200+   200-   200+   200-   200-   200-   200-   200-  200-   403   403  403  403   401
  GET     referrals?view=SENT                  held      200+   200-   200+   200-   200-   200-   200-   200-  200-   403   403  403  403   401
  GET     referrals?agencyId=:agency           pending   403OQ  403OQ  403OQ  403OQ  403OQ  403OQ  403OQ  200+  200+   403   403  403  403   401
  GET     referrals/:id                        pending   200    404    200    404    404    404    404    200   200    403   403  403  403   401
  GET     referrals/:id                        held      200    404    200    404    404    404    404    404   404    403   403  403  403   401
  POST    referrals/:id/acknowledge            pending   403    403    403NY  404    404    404    404    200   200    403   403  403  403   401
  POST    referrals/:id/acknowledge            held      403    403    403NY  404    404    404    404    404   404    403   403  403  403   401
  POST    referrals/:id/accept                 pending   403    403    403NY  404    404    404    404    200   200    403   403  403  403   401
  POST    referrals/:id/accept                 held      403    403    403NY  404    404    404    404    404   404    403   403  403  403   401
  POST    referrals/:id/decline                pending   403    403    403NY  404    404    404    404    200   200    403   403  403  403   401
  POST    referrals/:id/decline                held      403    403    403NY  404    404    404    404    404   404    403   403  403  403   401
  POST    referrals/:id/start                  accepted  403    403    403NY  404    404    404    404    200   200    403   403  403  403   401
  POST    referrals/:id/start                  held      403    403    403NY  404    404    404    404    404   404    403   403  403  403   401
  POST    referrals/:id/complete               accepted  403    403    403NY  404    404    404    404    200   200    403   403  403  403   401
  POST    referrals/:id/complete               held      403    403    403NY  404    404    404    404    404   404    403   403  403  403   401
  POST    referrals/:id/withdraw               pending   200    404    200    403    403    403    403    403   403NY  403   403  403  403   401
  POST    referrals/:id/withdraw               held      200    404    200    403    403    403    403    403   404    403   403  403  403   401
  POST    sops                                 new       403    403    403    403    403    403    403    403   403    201   403  403  403   401
  POST    sops/validate                        new       403    403    403    403    403    403    403    403   403    200   403  403  403   401
  GET     sops                                 draft     403    403    403    403    403    403    403    403   200+   200+  403  403  403   401
  GET     sops/:id                             draft     403    403    403    403    403    403    403    403   200    200   403  403  403   401
  GET     sops/:id/diff                        draft     403    403    403    403    403    403    403    403   200    200   403  403  403   401
  POST    sops/:id/simulate                    draft     403    403    403    403    403    403    403    403   403    200   403  403  403   401
  POST    sops/:id/approve                     draft     403    403    403    403    403    403    403    403   200    403   403  403  403   401
  POST    sops/:id/approve                     outsider  403    403    403    403    403    403    403    403   403NS  403   403  403  403   401
  POST    sops/:id/activate                    approved  403    403    403    403    403    403    403    403   403    200   403  403  403   401
  POST    sops/:id/retire                      draft     403    403    403    403    403    403    403    403   403    200   403  403  403   401
  PUT     agencies/:id/webhook                 own       403    403    403    403    403    403    403    403   200    403   403  403  200   401
  PUT     agencies/:id/webhook                 other     403    403    403    403    403    403    403    403   403OA  403   403  403  200   401
  DELETE  agencies/:id/webhook                 own       403    403    403    403    403    403    403    403   204    403   403  403  204   401
  DELETE  agencies/:id/webhook                 other     403    403    403    403    403    403    403    403   403OA  403   403  403  204   401
  GET     agencies/:id/webhook                 own       403    403    403    403    403    403    403    403   200    403   403  403  200   401
  GET     agencies/:id/webhook                 other     403    403    403    403    403    403    403    403   403OA  403   403  403  200   401
  POST    agencies/:id/webhook/test            own       403    403    403    403    403    403    403    403   202    403   403  403  202   401
  POST    agencies/:id/webhook/test            other     403    403    403    403    403    403    403    403   403OA  403   403  403  202   401
  GET     notifications/deliveries             failed    403    403    403    403    403    403    403    403   200+   403   403  403  200+  401
  GET     notifications/deliveries             foreign   403    403    403    403    403    403    403    403   200-   403   403  403  200+  401
  POST    notifications/deliveries/:id/resend  failed    403    403    403    403    403    403    403    403   202    403   403  403  202   401
  POST    notifications/deliveries/:id/resend  foreign   403    403    403    403    403    403    403    403   404    403   403  403  202   401
`;

const REFUSALS: Record<string, string> = {
  'ACCESS.FORBIDDEN': '403',
  'REFERRAL.NOT_YOURS': '403NY',
  'REFERRAL.OTHER_AGENCY': '403OQ',
  'SOP.NOT_A_SIGNATORY': '403NS',
  'WEBHOOK.OTHER_AGENCY': '403OA',
};
/** The answer that hides a row the caller may not see. */
const HIDDEN_CODE = 'REFERRAL.NOT_FOUND';
const HIDDEN_DELIVERY_CODE = 'EMAIL_DELIVERY.NOT_FOUND';

type ReferralFixture = 'pending' | 'held' | 'accepted';
type SopFixture = 'new' | 'draft' | 'outsider' | 'approved';
type WebhookFixture = 'own' | 'other';
type DeliveryFixture = 'failed' | 'foreign';
type Fixture = ReferralFixture | SopFixture | WebhookFixture | DeliveryFixture;
/** Which fixtures fit the routes under each prefix. */
const FIXTURES: Record<string, Fixture[]> = {
  referrals: ['pending', 'held', 'accepted'],
  sops: ['new', 'draft', 'outsider', 'approved'],
  agencies: ['own', 'other'],
  notifications: ['failed', 'foreign'],
};

interface Target {
  /** The path's `:id`: a referral, an SOP version or an agency. */
  id?: string;
  /** The query's `:agency`: the referral's receiving agency. */
  agency?: string;
  /** An SOP document not stored yet, and its label. */
  document?: Record<string, unknown>;
  label?: string;
  /** The URL a webhook call registers. */
  url?: string;
}

type Behaviour = RouteBehaviour<Target, Fixture>;

interface ReferralState {
  status: string;
  version: number;
  events: number;
  referrals: number;
}
interface SopState {
  status: string;
  approvals: number;
  active: string | null;
}
interface DeliveryState {
  status: string;
  sends: number;
  /** Sends of the delivery queued in the outbox, and its resends audited. */
  queued: number;
  audits: number;
}
interface WebhookState {
  hook: { url: string; secret: string; at: string; by: string } | null;
  audits: number;
  /** Test events queued in the outbox for the agency. */
  tests: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** One given name per referral fixture (each is a case of its own). */
const GIVEN_NAMES = [
  'Aline', 'Beatrice', 'Claudine', 'Diane', 'Esther', 'Fabiola', 'Gloria', 'Henriette', 'Immaculee', 'Josiane', 'Kezia', 'Liliane',
  'Marthe', 'Nadine', 'Odile', 'Pascaline', 'Rosine', 'Solange', 'Therese', 'Ursule', 'Vestine', 'Yvette', 'Zawadi', 'Agnes',
];
/** A woman with control indicators: a presumed trafficking victim, urgent, so routed at once (held for consent). */
const traffickedWoman = (givenName: string): Record<string, unknown> => ({
  givenName,
  familyName: 'Uwamahoro',
  sex: 'FEMALE',
  statedAge: 24,
  nationalities: ['RWA'],
  languages: ['rw', 'sw'],
  documentsHeldByOther: true,
  screening: { answers: { movement_controlled: true, debt_bondage: true, deceived_about_job: true } },
});
/** Nothing listens here: a webhook call made in this test goes nowhere. */
const NOWHERE = 'http://127.0.0.1:9';

describe('referral, SOP and webhook permissions: each role × each endpoint', () => {
  let api: DemoApi;
  let KGM: string;
  let TUMAINI: string;
  let HAKI: string;
  let ACTIVE_TZA: string;
  let DEFAULT_SOP: Record<string, unknown>;
  const one = async <T>(sql: string, params: unknown[]): Promise<T | undefined> => (await api.owner<{ v: T }>(sql, params))[0]?.v;

  const standing = <F extends Fixture>(store: Map<F, Promise<Target>>, fixture: F, make: (f: F) => Promise<Target>): Promise<Target> => {
    let found = store.get(fixture);
    if (!found) {
      found = make(fixture);
      store.set(fixture, found);
    }
    return found;
  };

  // --- Referrals -------------------------------------------------------------------------------------------------

  let referralCases = 0;
  /** A new case at KGM and its referral to Tumaini Shelter, brought to the fixture's status through the api. */
  async function newReferral(fixture: Fixture): Promise<Target> {
    const givenName = GIVEN_NAMES[referralCases];
    if (!givenName) throw new Error('GIVEN_NAMES ran out: add a name');
    referralCases += 1;
    const res = await api.http()
      .post('/api/v1/intakes')
      .set(await api.as('border.official'))
      .send({ intakeId: randomUUID(), arrival: { borderPointId: KGM, arrivedAt: new Date(Date.now() - HOUR).toISOString(), mode: 'LAND' }, persons: [traffickedWoman(givenName)] });
    if (res.status !== 201) throw new Error(`fixture intake: ${res.status} ${JSON.stringify(res.body)}`);
    const caseId = res.body.cases[0].id as string;
    const [shelter] = await api.owner<{ id: string; status: string; purposes: string[] }>(
      `SELECT r.id, r.status, ARRAY(SELECT req->>'purpose' FROM jsonb_array_elements(r.basis->'requirements') req) AS purposes
       FROM referral r WHERE r.case_id = $1 AND r.agency_id = $2`,
      [caseId, TUMAINI],
    );
    if (shelter?.status !== 'AWAITING_CONSENT' || shelter.purposes.length === 0) throw new Error(`fixture referral: ${JSON.stringify(shelter)}`);
    if (fixture !== 'held') {
      for (const purpose of shelter.purposes) {
        const consent = await api.http()
          .post(`/api/v1/cases/${caseId}/consents`)
          .set(await api.as('border.official'))
          .send({ purpose, recipientAgencyId: TUMAINI, decision: 'GIVEN', language: 'rw' });
        if (consent.status !== 201) throw new Error(`fixture consent: ${consent.status} ${JSON.stringify(consent.body)}`);
      }
    }
    if (fixture === 'accepted') {
      const accepted = await api.http().post(`/api/v1/referrals/${shelter.id}/accept`).set(await api.as('shelter.caseworker')).send({});
      if (accepted.status !== 200) throw new Error(`fixture accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
    }
    const expected = { held: 'AWAITING_CONSENT', pending: 'PENDING', accepted: 'ACCEPTED' }[fixture as ReferralFixture];
    const status = await one<string>(`SELECT status AS v FROM referral WHERE id = $1`, [shelter.id]);
    if (status !== expected) throw new Error(`fixture referral: ${String(status)}, not ${expected}`);
    return { id: shelter.id, agency: TUMAINI };
  }
  const standingReferrals = new Map<Fixture, Promise<Target>>();
  const onReferral = (fixture: Fixture): Promise<Target> => standing(standingReferrals, fixture, newReferral);
  const referralState = async (t: Target): Promise<ReferralState | undefined> =>
    (
      await api.owner<ReferralState>(
        `SELECT r.status, r.version,
           (SELECT count(*)::int FROM referral_event e WHERE e.referral_id = r.id) AS events,
           (SELECT count(*)::int FROM referral x WHERE x.case_id = r.case_id) AS referrals
         FROM referral r WHERE r.id = $1`,
        [t.id],
      )
    )[0];
  const act = (status: string, body: object): Behaviour => ({
    target: (fixture, fresh) => (fresh ? newReferral(fixture) : onReferral(fixture)),
    body: () => body,
    state: referralState,
    allowed: (res, t, before, after) => {
      const [was, now] = [before, after] as ReferralState[];
      return res.body.id === t.id && res.body.status === status && now.status === status && now.version === was.version + 1 && now.events === was.events + 1
        ? undefined
        : `the referral is ${JSON.stringify(now)} (was ${JSON.stringify(was)}), answered ${res.body.id} ${res.body.status}`;
    },
  });
  const queue: Behaviour = {
    target: onReferral,
    query: { limit: 100 },
    state: async () => null,
    listed: (body, t) => body.items.some((r: { id: string }) => r.id === t.id),
  };

  // --- SOP versions ----------------------------------------------------------------------------------------------

  let sopLabels = 0;
  /** The default SOP under a fresh label, in effect since yesterday; for KEN, or with other signatories, as asked. */
  function sopDocument(jurisdiction: 'TZA' | 'KEN', signatories?: string[]): Target {
    sopLabels += 1;
    const label = `${jurisdiction.toLowerCase()}-permissions-${sopLabels}`;
    const document = structuredClone(DEFAULT_SOP);
    document['version'] = label;
    document['effectiveFrom'] = new Date(Date.now() - DAY).toISOString().slice(0, 10);
    if (jurisdiction === 'KEN') document['jurisdiction'] = { country: 'KEN' };
    if (signatories) {
      document['signatories'] = signatories;
      (document['escalation'] as Record<string, unknown>)['coordinatingBody'] = signatories[0];
    }
    return { document, label };
  }
  async function upload(doc: Target): Promise<string> {
    const res = await api.http().post('/api/v1/sops').set(await api.as('sop.admin')).send(doc.document);
    if (res.status !== 201) throw new Error(`fixture SOP upload: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }
  /** A stored version for the fixture (see the table's notes). */
  async function newSop(fixture: Fixture): Promise<Target> {
    switch (fixture) {
      case 'draft':
        return { id: await upload(sopDocument('TZA')) };
      case 'outsider':
        return { id: await upload(sopDocument('TZA', ['Refugee Agency'])) };
      case 'approved': {
        const id = await upload(sopDocument('KEN', ['Tumaini Shelter']));
        const res = await api.http().post(`/api/v1/sops/${id}/approve`).set(await api.as('shelter.manager'));
        if (res.status !== 200 || res.body.approvals?.complete !== true) throw new Error(`fixture SOP approval: ${res.status} ${JSON.stringify(res.body)}`);
        return { id };
      }
      default:
        throw new Error(`no stored SOP version for the fixture ${fixture}`);
    }
  }
  const standingSops = new Map<Fixture, Promise<Target>>();
  const onSop = (fixture: Fixture): Promise<Target> => standing(standingSops, fixture, newSop);
  const sopState = async (t: Target): Promise<SopState | undefined> =>
    (
      await api.owner<SopState>(
        `SELECT v.status,
           (SELECT count(*)::int FROM sop_approval a WHERE a.sop_version_id = v.id) AS approvals,
           (SELECT x.id FROM sop_version x WHERE x.jurisdiction = v.jurisdiction AND x.status = 'ACTIVE') AS active
         FROM sop_version v WHERE v.id = $1`,
        [t.id],
      )
    )[0];
  /** What is stored: versions with the document's label, and versions at all. */
  const stored = async (t: Target): Promise<{ labelled: number; all: number } | undefined> =>
    (await api.owner<{ labelled: number; all: number }>(`SELECT count(*) FILTER (WHERE label = $1)::int AS labelled, count(*)::int AS "all" FROM sop_version`, [t.label]))[0];
  const sopChange = (status: string, check: (res: request.Response, t: Target, was: SopState, now: SopState) => boolean): Behaviour => ({
    target: (fixture, fresh) => (fresh ? newSop(fixture) : onSop(fixture)),
    state: sopState,
    allowed: (res, t, before, after) => {
      const [was, now] = [before, after] as SopState[];
      return res.body.id === t.id && res.body.status === status && now.status === status && check(res, t, was, now)
        ? undefined
        : `the version is ${JSON.stringify(now)} (was ${JSON.stringify(was)}), answered ${res.body.id} ${res.body.status}`;
    },
  });
  const unchanged = (before: unknown, after: unknown): string | undefined => (isDeepStrictEqual(before, after) ? undefined : `changed ${JSON.stringify(before)} → ${JSON.stringify(after)}`);

  // --- Webhooks --------------------------------------------------------------------------------------------------

  let webhookCalls = 0;
  const agencyOf = (fixture: Fixture): string => (fixture === 'own' ? TUMAINI : HAKI);
  const webhookState = async (t: Target): Promise<WebhookState> => ({
    hook:
      (
        await api.owner<NonNullable<WebhookState['hook']>>(
          `SELECT w.url, w.secret_ciphertext AS secret, w.registered_at::text AS at, u.username AS by
           FROM agency_webhook w JOIN app_user u ON u.id = w.registered_by WHERE w.agency_id = $1`,
          [t.id],
        )
      )[0] ?? null,
    audits: (await one<number>(`SELECT count(*)::int AS v FROM audit_event WHERE action LIKE 'WEBHOOK.%' AND details->>'agencyId' = $1`, [t.id])) ?? 0,
    tests: (await one<number>(`SELECT count(*)::int AS v FROM outbox_message WHERE job_name = 'referrals.webhook' AND payload->>'agencyId' = $1 AND payload->>'event' = 'webhook.test'`, [t.id])) ?? 0,
  });
  /** The fixture's agency, with a webhook registered (again, after an allowed removal), and a new URL to register. */
  async function webhookTarget(fixture: Fixture): Promise<Target> {
    const id = agencyOf(fixture);
    if (!(await webhookState({ id })).hook) {
      const res = await api.http().put(`/api/v1/agencies/${id}/webhook`).set(await api.as('sysadmin')).send({ url: `${NOWHERE}/standing` });
      if (res.status !== 200) throw new Error(`fixture webhook: ${res.status} ${JSON.stringify(res.body)}`);
    }
    webhookCalls += 1;
    return { id, url: `${NOWHERE}/kivuko/${webhookCalls}` };
  }

  // --- E-mail deliveries -----------------------------------------------------------------------------------------

  /** A FAILED delivery of a pending referral's new-referral event, to the fixture's agency's duty address. */
  async function newDelivery(fixture: Fixture): Promise<Target> {
    const referral = await onReferral('pending');
    const id = randomUUID();
    const agency = fixture === 'failed' ? TUMAINI : HAKI;
    await api.owner(
      `INSERT INTO email_delivery (id, event_key, recipient_key, kind, referral_id, agency_id, address, language, status, attempts, last_error)
       VALUES ($1, $2, 'duty', 'NEW_REFERRAL', $3, $4, 'duty@example.org', 'en', 'FAILED', 12, '550 mailbox unavailable')`,
      [id, `NEW_REFERRAL:${referral.id ?? ''}:${id}`, referral.id, agency],
    );
    return { id };
  }
  const standingDeliveries = new Map<Fixture, Promise<Target>>();
  const onDelivery = (fixture: Fixture): Promise<Target> => standing(standingDeliveries, fixture, newDelivery);
  const deliveryState = async (t: Target): Promise<DeliveryState | undefined> =>
    (
      await api.owner<DeliveryState>(
        `SELECT d.status, d.sends,
           (SELECT count(*)::int FROM outbox_message o WHERE o.job_name = 'referrals.email' AND o.payload->>'deliveryId' = d.id::text) AS queued,
           (SELECT count(*)::int FROM audit_event a WHERE a.action = 'EMAIL_DELIVERY.RESENT' AND a.details->>'deliveryId' = d.id::text) AS audits
         FROM email_delivery d WHERE d.id = $1`,
        [t.id],
      )
    )[0];

  /** How each route is called and checked. A route the table names must have one; see the route-walk test. */
  const BEHAVIOUR: Record<string, Behaviour> = {
    'GET referrals': queue,
    'GET referrals/:id': {
      target: onReferral,
      state: referralState,
      allowed: (res, t, before, after) =>
        res.body.id === t.id && res.body.agency?.id === TUMAINI && res.body.history?.length === (after as ReferralState).events && isDeepStrictEqual(before, after)
          ? undefined
          : `answered ${JSON.stringify(res.body).slice(0, 200)}; ${unchanged(before, after) ?? 'unchanged'}`,
    },
    'POST referrals/:id/acknowledge': act('ACKNOWLEDGED', {}),
    'POST referrals/:id/accept': act('ACCEPTED', {}),
    'POST referrals/:id/decline': act('DECLINED', { reason: 'No shelter place this week' }),
    'POST referrals/:id/start': act('IN_PROGRESS', {}),
    'POST referrals/:id/complete': act('COMPLETED', { outcomeCode: 'SHELTERED_AND_ASSISTED', note: 'In the shelter programme' }),
    'POST referrals/:id/withdraw': act('WITHDRAWN', { reason: 'The person left the border point before transfer' }),
    'POST sops': {
      target: async () => sopDocument('TZA'),
      body: (t) => t.document ?? {},
      state: stored,
      allowed: (res, t, before, after) => {
        const [was, now] = [before, after] as { labelled: number; all: number }[];
        return now.labelled === 1 && now.all === was.all + 1 && res.body.label === t.label && res.body.status === 'DRAFT'
          ? undefined
          : `stored ${JSON.stringify(was)} → ${JSON.stringify(now)}, answered ${res.body.label} ${res.body.status}`;
      },
    },
    'POST sops/validate': {
      target: async () => sopDocument('TZA'),
      body: (t) => t.document ?? {},
      state: stored,
      allowed: (res, t, before, after) =>
        res.body.valid === true && res.body.summary?.version === t.label && isDeepStrictEqual(before, after)
          ? undefined
          : `answered ${JSON.stringify(res.body).slice(0, 200)}; ${unchanged(before, after) ?? 'unchanged'}`,
    },
    'GET sops': {
      target: onSop,
      query: { limit: 100 },
      state: async () => null,
      listed: (body, t) => body.items.some((v: { id: string }) => v.id === t.id),
    },
    'GET sops/:id': {
      target: onSop,
      state: sopState,
      allowed: (res, t, before, after) =>
        res.body.id === t.id && res.body.status === 'DRAFT' && typeof res.body.document?.version === 'string' && isDeepStrictEqual(before, after)
          ? undefined
          : `answered ${JSON.stringify(res.body).slice(0, 200)}; ${unchanged(before, after) ?? 'unchanged'}`,
    },
    'GET sops/:id/diff': {
      target: onSop,
      state: sopState,
      allowed: (res, t, before, after) =>
        res.body.to?.id === t.id && res.body.from?.id === ACTIVE_TZA && Array.isArray(res.body.changes) && res.body.changes.length > 0 && isDeepStrictEqual(before, after)
          ? undefined
          : `answered ${JSON.stringify(res.body).slice(0, 200)}; ${unchanged(before, after) ?? 'unchanged'}`,
    },
    'POST sops/:id/simulate': {
      target: onSop,
      body: () => ({}),
      state: sopState,
      allowed: (res, t, before, after) =>
        res.body.version?.id === t.id && res.body.active?.id === ACTIVE_TZA && res.body.simulation?.cases?.length > 0 && isDeepStrictEqual(before, after)
          ? undefined
          : `answered ${JSON.stringify(res.body).slice(0, 200)}; ${unchanged(before, after) ?? 'unchanged'}`,
    },
    'POST sops/:id/approve': sopChange(
      'DRAFT',
      (res, _t, was, now) =>
        now.approvals === was.approvals + 1 && (res.body.approvals?.approved as { agency: { id: string } }[] | undefined)?.some((a) => a.agency.id === TUMAINI) === true,
    ),
    'POST sops/:id/activate': sopChange('ACTIVE', (res, t, _was, now) => now.active === t.id && res.body.approvals?.complete === true),
    'POST sops/:id/retire': sopChange('RETIRED', (res) => res.body.retiredAt !== null && res.body.activatedAt === null),
    'PUT agencies/:id/webhook': {
      target: webhookTarget,
      body: (t) => ({ url: t.url }),
      state: webhookState,
      allowed: (res, t, before, after, username) => {
        const [was, now] = [before, after] as WebhookState[];
        const secret = res.body.secret as unknown;
        const hook = now.hook;
        // The caller's URL, registered by the caller, under a new secret shown once and stored only encrypted; audited.
        return res.body.url === t.url &&
          typeof secret === 'string' &&
          secret.length >= 40 &&
          hook !== null &&
          hook.url === t.url &&
          hook.by === username &&
          hook.secret !== was.hook?.secret &&
          !hook.secret.includes(secret) &&
          now.audits === was.audits + 1
          ? undefined
          : `the webhook is ${JSON.stringify(now)} (was ${JSON.stringify(was)}), answered ${JSON.stringify(res.body)}`;
      },
    },
    'DELETE agencies/:id/webhook': {
      target: webhookTarget,
      state: webhookState,
      allowed: (_res, _t, before, after) => {
        const [was, now] = [before, after] as WebhookState[];
        return was.hook !== null && now.hook === null && now.audits === was.audits + 1 ? undefined : `the webhook is ${JSON.stringify(now)} (was ${JSON.stringify(was)})`;
      },
    },
    'GET agencies/:id/webhook': {
      target: webhookTarget,
      state: webhookState,
      allowed: (res, _t, before, after) => {
        const now = after as WebhookState;
        // The address and when it was set, never the secret; nothing changes.
        return res.body.url === now.hook?.url && typeof res.body.registeredAt === 'string' && !('secret' in res.body) && isDeepStrictEqual(before, after)
          ? undefined
          : `answered ${JSON.stringify(res.body)}; the webhook is ${JSON.stringify(now)}`;
      },
    },
    'POST agencies/:id/webhook/test': {
      target: webhookTarget,
      state: webhookState,
      allowed: (res, _t, before, after) => {
        const [was, now] = [before, after] as WebhookState[];
        // One test event queued through the outbox, audited; the webhook itself unchanged.
        return typeof res.body.eventId === 'string' && now.tests === was.tests + 1 && now.audits === was.audits + 1 && isDeepStrictEqual(now.hook, was.hook)
          ? undefined
          : `answered ${JSON.stringify(res.body)}; the webhook is ${JSON.stringify(now)} (was ${JSON.stringify(was)})`;
      },
    },
    'GET notifications/deliveries': {
      target: onDelivery,
      query: { limit: 100 },
      state: async () => null,
      listed: (body, t) => body.items.some((d: { id: string }) => d.id === t.id),
    },
    'POST notifications/deliveries/:id/resend': {
      target: (fixture, fresh) => (fresh ? newDelivery(fixture) : onDelivery(fixture)),
      state: deliveryState,
      allowed: (res, t, before, after) => {
        const [was, now] = [before, after] as DeliveryState[];
        // Its next send queued through the outbox and audited; answered as PENDING (the job may have run since).
        return res.body.id === t.id && res.body.status === 'PENDING' && now.sends === was.sends + 1 && now.queued === was.queued + 1 && now.audits === was.audits + 1
          ? undefined
          : `the delivery is ${JSON.stringify(now)} (was ${JSON.stringify(was)}), answered ${JSON.stringify(res.body).slice(0, 200)}`;
      },
    },
  };

  beforeAll(async () => {
    api = await startDemoApi('referralpermissions');
    KGM = await api.borderPointId('KGM');
    TUMAINI = await api.agencyId('Tumaini Shelter');
    HAKI = await api.agencyId('Haki Legal Aid');
    const [active] = await api.owner<{ id: string }>(`SELECT id FROM sop_version WHERE jurisdiction = 'TZA' AND status = 'ACTIVE'`);
    ACTIVE_TZA = active.id;
    DEFAULT_SOP = (await api.http().get(`/api/v1/sops/${ACTIVE_TZA}`).set(await api.as('sop.admin')).expect(200)).body.document as Record<string, unknown>;
    if (!(DEFAULT_SOP['signatories'] as string[]).includes('Tumaini Shelter')) throw new Error('the demo SOP is expected to have the shelter NGO among its signatories');
  }, 60_000);
  afterAll(() => api.close());

  describePermissionMatrix({
    api: () => api,
    columns: COLUMNS,
    policy: POLICY,
    fixtures: FIXTURES,
    behaviour: BEHAVIOUR,
    param: (t, name) => ({ id: t.id, agency: t.agency })[name],
    refusals: REFUSALS,
    hidden: { code: (row) => (row.path.startsWith('notifications/') ? HIDDEN_DELIVERY_CODE : HIDDEN_CODE), unknown: (t) => ({ ...t, id: randomUUID() }), what: 'referral or delivery' },
    routes: {
      under: 'under referrals, sops, agencies/:id/webhook and notifications/deliveries',
      match: (path) => /^(referrals|sops)(\/|$)|^agencies\/:\w+\/webhook(\/|$)|^notifications\/deliveries(\/|$)/.test(path),
      atLeast: 21,
    },
  });
});
