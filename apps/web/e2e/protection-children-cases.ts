import { APIRequestContext, expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';

/**
 * The cases the protection follow-up flows and their screenshots start from, each registered afresh (so the flows
 * do not depend on what other spec files did on the same api): an unaccompanied boy referred to child protection
 * with the family-tracing consent on record, and an adult migrant in detention whose review is overdue.
 */
export const PASSWORD = 'kivuko-demo';

export type As = Awaited<ReturnType<typeof as>>;

/** The api as one demo user. */
export async function as(request: APIRequestContext, username: string) {
  const login = await request.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  expect(login.status()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };
  const check = async (response: Awaited<ReturnType<APIRequestContext['get']>>, what: string) => {
    expect(response.ok(), `${what}: ${response.status()} ${await response.text()}`).toBe(true);
    return response.json() as Promise<Record<string, unknown>>;
  };
  return {
    get: async (path: string) => check(await request.get(`/api/v1/${path}`, { headers }), path),
    post: async (path: string, data: object) => check(await request.post(`/api/v1/${path}`, { headers, data }), path),
    /** A write whose refusal is expected in some states: the status only. */
    attempt: async (path: string, data: object) => (await request.post(`/api/v1/${path}`, { headers, data })).status(),
  };
}

const day = (offset = 0): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function register(official: As, person: object): Promise<{ id: string; caseNumber: string }> {
  const points = (await official.get('border-points')) as unknown as { id: string; code: string }[];
  const registered = (await official.post('intakes', {
    intakeId: randomUUID(),
    arrival: { borderPointId: points.find((p) => p.code === 'NMG')?.id, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' },
    persons: [person],
  })) as { cases: { id: string; caseNumber: string }[] };
  const [created] = registered.cases;
  if (!created) throw new Error('no case registered');
  return created;
}

/** The border official records the person's consent for every referral of the case still held for it. */
async function consentToAll(official: As, caseId: string): Promise<void> {
  const { items } = (await official.get(`referrals?view=SENT&caseId=${caseId}&limit=100`)) as {
    items: { status: string; agency: { kind: string }; basis: { requirements?: { purpose: string }[] } | null }[];
  };
  const asked = new Set<string>();
  for (const referral of items.filter((r) => r.status === 'AWAITING_CONSENT')) {
    for (const { purpose } of referral.basis?.requirements ?? []) {
      const key = `${referral.agency.kind}/${purpose}`;
      if (asked.has(key)) continue;
      asked.add(key);
      await official.post(`cases/${caseId}/consents`, { purpose, recipientAgencyKind: referral.agency.kind, decision: 'GIVEN', language: 'en' });
    }
  }
}

/** A boy travelling alone, referred to child protection, with his consent to family tracing by child protection. */
export async function unaccompaniedBoy(request: APIRequestContext, givenName = 'Amani'): Promise<{ id: string; caseNumber: string }> {
  const official = await as(request, 'border.official');
  const child = await register(official, {
    givenName,
    familyName: 'Bahati',
    sex: 'MALE',
    statedAge: 15,
    nationalities: ['COD'],
    languages: ['sw', 'fr'],
    screening: { answers: { caregiver_present: false } },
  });
  // No parent or caregiver with him: an unaccompanied child, which counts as confirmed at once (confirming again is refused, and harmless).
  await official.attempt(`cases/${child.id}/profiles/UNACCOMPANIED_CHILD/confirm`, {});
  await consentToAll(official, child.id);
  await official.post(`cases/${child.id}/consents`, { purpose: 'FAMILY_TRACING', recipientAgencyKind: 'CHILD_PROTECTION', decision: 'GIVEN', language: 'sw' });
  return child;
}

/** An adult migrant detained five days ago by the border authority, whose review was due two days ago. */
export async function detainedMigrant(request: APIRequestContext, givenName = 'Dawit'): Promise<{ id: string; caseNumber: string }> {
  const official = await as(request, 'border.official');
  const adult = await register(official, {
    givenName,
    familyName: 'Haile',
    sex: 'MALE',
    statedAge: 34,
    nationalities: ['ETH'],
    languages: ['am', 'en'],
    screening: { answers: { reasons_for_leaving: ['WORK'] } },
  });
  await official.post(`cases/${adult.id}/profiles/MIGRANT/confirm`, {});
  await consentToAll(official, adult.id);
  await official.post(`cases/${adult.id}/detentions`, {
    place: 'Namanga holding facility',
    legalBasis: 'Immigration Act s.12(3)',
    individualAssessment: { pregnant: false, seriouslyIll: false, summary: 'No address in the country; left the reporting centre twice.' },
    alternativesConsidered: ['Reporting twice a week: no fixed address'],
    startedAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
    nextReviewOn: day(-2),
  });
  return adult;
}
