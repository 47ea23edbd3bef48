import { APIRequestContext, expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { authHeaders, chooseOwnPassword } from './support';

/** Demo border points (fixed ids): Namanga and the Dar es Salaam airport. */
const NAMANGA = '3f0c2a5e-6b1d-4c8e-9a7f-1d2e3b4c5a01';
const AIRPORT = '3f0c2a5e-6b1d-4c8e-9a7f-1d2e3b4c5a03';
export const SUPERVISOR_PASSWORD = 'airport-supervisor-2026';

export interface EncounterPair {
  /** The new arrival, at the airport. */
  newCase: { id: string; caseNumber: string };
  /** The earlier record, at Namanga: outside the airport supervisor's border points. */
  earlierCase: { id: string; caseNumber: string };
  supervisor: string;
  givenName: string;
  /** The earlier record's passport number, as the matcher compares it (upper case, no spaces or dashes). */
  earlierNumber: string;
}

async function register(request: APIRequestContext, official: string, borderPointId: string, person: Record<string, unknown>, hoursAgo: number): Promise<{ id: string; caseNumber: string }> {
  const response = await request.post('/api/v1/intakes', {
    headers: await authHeaders(request, official),
    data: {
      intakeId: randomUUID(),
      arrival: { borderPointId, arrivedAt: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(), mode: borderPointId === AIRPORT ? 'AIR' : 'LAND' },
      persons: [{ sex: 'FEMALE', nationalities: ['ERI'], screening: { answers: { reasons_for_leaving: ['WORK'] } }, ...person }],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { cases: { id: string; caseNumber: string }[] }).cases[0] as { id: string; caseNumber: string };
}

/**
 * One person registered twice, by two officials at two border points: first at Namanga (by border.official),
 * then at the airport under another spelling (by airport.official), which the matcher flags. And a supervisor
 * of the airport alone, who reviews the airport's encounters but cannot open Namanga's cases.
 */
export async function encounterPair(request: APIRequestContext): Promise<EncounterPair> {
  const tag = randomUUID().slice(0, 6);
  // A made-up given name per run, so the pair matches itself and nothing else.
  const givenName = `Semhar ${tag.replace(/\d/g, (d) => 'abcdefghij'[Number(d)] ?? 'x')}`;
  const earlierCase = await register(
    request,
    'border.official',
    NAMANGA,
    {
      givenName,
      familyName: 'Tesfamariam',
      otherNames: ['Semhar Tesfamaryam'],
      dateOfBirth: '1998-04-11',
      languages: ['ti', 'ar'],
      documents: [{ kind: 'PASSPORT', number: `E${tag.toUpperCase()}4471`, issuingCountry: 'ERI' }],
    },
    72,
  );
  const newCase = await register(
    request,
    'airport.official',
    AIRPORT,
    {
      givenName,
      familyName: 'Tesfamaryam',
      dateOfBirth: '1998-10-02',
      dateOfBirthEstimated: true,
      languages: ['ti'],
      // The same passport, its number written another way: the match the matcher cannot miss.
      documents: [{ kind: 'PASSPORT', number: `e-${tag} 4471`, issuingCountry: 'ERI' }],
    },
    1,
  );
  const supervisor = `supervisor.dar.${tag}`;
  const sysadmin = await authHeaders(request, 'sysadmin');
  const agencies = (await (await request.get('/api/v1/agencies', { headers: sysadmin })).json()) as { id: string; name: string }[];
  const created = await request.post('/api/v1/users', {
    headers: sysadmin,
    data: {
      username: supervisor,
      displayName: 'Airport supervisor',
      agencyId: agencies.find((a) => a.name === 'Border Management Service')?.id,
      roles: ['SUPERVISOR'],
      borderPointIds: [AIRPORT],
      password: `${SUPERVISOR_PASSWORD}-first`,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  await chooseOwnPassword(request, supervisor, `${SUPERVISOR_PASSWORD}-first`, SUPERVISOR_PASSWORD);
  return { newCase, earlierCase, supervisor, givenName, earlierNumber: `E${tag.toUpperCase()}4471` };
}
