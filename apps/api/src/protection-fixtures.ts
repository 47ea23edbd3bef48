import { randomUUID } from 'node:crypto';
import { DemoApi } from './demo-api';

/** One arrival at a border point, as the border official registers it, with the screening answers given. */
export interface Arrival {
  borderPoint?: 'NMG' | 'KGM';
  givenName?: string;
  sex?: 'MALE' | 'FEMALE';
  statedAge?: number;
  nationality?: string;
  languages?: string[];
  answers?: Record<string, unknown>;
}

/** Registers one person through the real intake and returns the case id. */
export async function registerArrival(api: DemoApi, arrival: Arrival = {}): Promise<string> {
  const borderPointId = await api.borderPointId(arrival.borderPoint ?? 'NMG');
  const res = await api
    .http()
    .post('/api/v1/intakes')
    .set(await api.as('border.official'))
    .send({
      intakeId: randomUUID(),
      arrival: { borderPointId, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' },
      persons: [
        {
          givenName: arrival.givenName ?? 'Tesfaye',
          familyName: 'Bekele',
          sex: arrival.sex ?? 'MALE',
          statedAge: arrival.statedAge ?? 30,
          nationalities: [arrival.nationality ?? 'ETH'],
          languages: arrival.languages ?? ['am', 'en'],
          screening: { answers: arrival.answers ?? { reasons_for_leaving: ['WORK'] } },
        },
      ],
    });
  if (res.status !== 201) throw new Error(`intake failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.cases[0].id as string;
}

/** Records the person's consent for every referral of the case still waiting for it, so each receiving agency sees the case. */
export async function consentToAll(api: DemoApi, caseId: string): Promise<void> {
  const waiting = await api.owner<{ kind: string; purpose: string }>(
    `SELECT DISTINCT a.kind, req->>'purpose' AS purpose FROM referral r JOIN agency a ON a.id = r.agency_id
       CROSS JOIN LATERAL jsonb_array_elements(r.basis->'requirements') req WHERE r.case_id = $1 AND r.status = 'AWAITING_CONSENT'`,
    [caseId],
  );
  for (const { kind, purpose } of waiting) {
    const res = await api
      .http()
      .post(`/api/v1/cases/${caseId}/consents`)
      .set(await api.as('border.official'))
      .send({ purpose, recipientAgencyKind: kind, decision: 'GIVEN', language: 'en' });
    if (res.status !== 201) throw new Error(`consent failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** The border official confirms or adds a profile (with a reason) as the registering side does. */
export async function addProfile(api: DemoApi, caseId: string, profile: string): Promise<void> {
  const res = await api
    .http()
    .post(`/api/v1/cases/${caseId}/profiles`)
    .set(await api.as('border.official'))
    .send({ profile, reason: 'Stated during the follow-up interview' });
  if (res.status !== 200 && res.status !== 201) throw new Error(`adding ${profile} failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Lets an agency see a case as a referral would (a case_share row), for tests about what the agency may do rather than how routing chose it. */
export async function shareWith(api: DemoApi, caseId: string, agencyName: string): Promise<void> {
  await api.owner(`INSERT INTO case_share (case_id, agency_id, source) SELECT $1, id, 'TEST' FROM agency WHERE name = $2 ON CONFLICT DO NOTHING`, [caseId, agencyName]);
}

export const day = (offset = 0): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
export const at = (offsetHours = 0): string => new Date(Date.now() + offsetHours * 3_600_000).toISOString();

/** The detention request a border official makes, with the individual assessment. */
export const detentionBody = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  place: 'Namanga holding facility',
  legalBasis: 'Immigration Act s.12(3)',
  individualAssessment: { pregnant: false, seriouslyIll: false, summary: 'No address in the country; did not report as asked.' },
  alternativesConsidered: ['Reporting twice a week: no fixed address'],
  startedAt: at(-1),
  nextReviewOn: day(7),
  ...extra,
});

/**
 * The case routes of the protection records, the safeguards and case management: their own role ×
 * endpoint table is protection-permissions.spec.ts, so case-permissions.spec.ts leaves them out.
 */
export const CASE_WORK_ROUTE =
  /^cases\/:id\/(protection|safeguards|asylum-claim|asylum-wish|trafficking|guardians|best-interests|age-assessments|family-tracing|reunifications|care-placements|detentions|removal-orders|voluntary-returns|flags|tasks|responsibility|assignment|transfers|services|close|reopen)(\/|$)/;
