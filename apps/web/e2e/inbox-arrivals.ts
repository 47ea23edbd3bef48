import { APIRequestContext, expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { authHeaders } from './support';

/** What the inbox's browser tests and screenshots set up through the api. */
/** Kigoma lake port: Tumaini Shelter covers it (demo data). */
export const KIGOMA = '3f0c2a5e-6b1d-4c8e-9a7f-1d2e3b4c5a02';

interface SentReferral {
  caseId: string;
  caseNumber: string;
  status: string;
  agency: { name: string; kind: string };
  basis: { requirements?: { purpose: string }[] };
}

/**
 * A border official at Kigoma registers a woman with signs of trafficking (routed at once: the shelter
 * among others) and records her consent to each referral held for it. Answers the case number.
 */
export async function registerArrival(request: APIRequestContext, givenName: string): Promise<string> {
  const headers = await authHeaders(request, 'border.official');
  const intake = await request.post('/api/v1/intakes', {
    headers,
    data: {
      intakeId: randomUUID(),
      arrival: { borderPointId: KIGOMA, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' },
      persons: [
        {
          givenName,
          familyName: 'Uwase',
          sex: 'FEMALE',
          statedAge: 23,
          nationalities: ['RWA'],
          languages: ['rw', 'sw'],
          documentsHeldByOther: true,
          screening: { answers: { movement_controlled: true, debt_bondage: true, deceived_about_job: true } },
        },
      ],
    },
  });
  expect(intake.status()).toBe(201);
  const caseId = ((await intake.json()) as { cases: { id: string }[] }).cases[0]?.id as string;
  const sent = async () =>
    ((await (await request.get('/api/v1/referrals', { headers, params: { view: 'SENT', caseId, limit: 100 } })).json()) as { items: SentReferral[] }).items;
  const asked = new Set<string>();
  for (const referral of (await sent()).filter((r) => r.status === 'AWAITING_CONSENT')) {
    for (const { purpose } of referral.basis.requirements ?? []) {
      const key = `${referral.agency.kind}/${purpose}`;
      if (asked.has(key)) continue;
      asked.add(key);
      const consent = await request.post(`/api/v1/cases/${caseId}/consents`, {
        headers,
        data: { purpose, recipientAgencyKind: referral.agency.kind, decision: 'GIVEN', language: 'sw' },
      });
      expect(consent.status()).toBe(201);
    }
  }
  const shelter = (await sent()).find((r) => r.agency.name === 'Tumaini Shelter');
  expect(shelter?.status).toBe('PENDING');
  return shelter?.caseNumber as string;
}
