import { APIRequestContext, expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD, expectAccessible, signIn, typeDate, watchPage } from './support';

/** The api as one demo user (for the set-up a border official and the other agencies would do on their own pages). */
async function as(request: APIRequestContext, username: string) {
  const login = await request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
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
    put: async (path: string, data: object) => check(await request.put(`/api/v1/${path}`, { headers, data }), path),
  };
}

/** The border official records the person's consent for every referral of the case still held for it. */
async function consentToAll(official: Awaited<ReturnType<typeof as>>, caseId: string): Promise<void> {
  const { items } = (await official.get(`referrals?view=SENT&caseId=${caseId}&limit=100`)) as { items: { status: string; agency: { kind: string }; basis: { requirements?: { purpose: string }[] } | null }[] };
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

test('a child-protection officer records a best-interests determination by its panel', async ({ page, request }) => {
  const watch = await watchPage(page);
  // The demo's unaccompanied boy from the boat, referred to child protection on the child's best interests.
  const officer = await as(request, 'child.protection');
  const { items } = (await officer.get('cases?limit=100')) as { items: { id: string; caseNumber: string; profiles: string[] }[] };
  const child = items.find((item) => item.profiles.includes('UNACCOMPANIED_CHILD'));
  expect(child).toBeDefined();
  await signIn(page, 'child.protection');
  await page.getByRole('link', { name: child?.caseNumber }).click();
  await page.getByRole('link', { name: 'Protection records' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Protection records/ })).toBeVisible();
  const card = page.getByRole('region', { name: 'Child protection' });
  await expect(card).toBeVisible();
  // Forms of other mandates are not offered to child protection.
  await expect(page.getByRole('button', { name: 'Order a removal' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start the reflection period' })).toHaveCount(0);
  await expectAccessible(page);

  await card.getByLabel('Procedure').selectOption('BID');
  await card.getByRole('button', { name: 'Open', exact: true }).click();
  const procedure = card.getByTestId('best-interests').filter({ hasText: 'Best-interests determination (BID)' });
  await expect(procedure).toBeVisible();
  await procedure.getByRole('button', { name: 'Complete' }).click();
  const form = procedure.getByRole('form', { name: 'Complete the Best-interests determination (BID)' });
  await form.getByLabel('Decision').selectOption('FAMILY_REUNIFICATION_ABROAD');
  await form.getByLabel('Panel members').fill('Child Protection Service\nRefugee Agency');
  await form.getByLabel('Reasons').fill('Mother traced in Kigali; home visit positive; the child wishes to join her.');
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Complete the Best-interests determination (BID)' }).click();
  await expect(procedure.getByText(/^Completed on /)).toBeVisible();
  await expect(procedure).toContainText('Decision: Family reunification abroad');
  await expect(procedure).toContainText('Panel: Child Protection Service and Refugee Agency');
  await expect(card.getByRole('button', { name: 'Complete' })).toHaveCount(0);

  // Interim care while the reunification is prepared.
  await card.getByLabel('Kind of care').selectOption('FOSTER_FAMILY');
  await card.getByLabel('Provided by').fill('Kigoma foster family network');
  await card.getByRole('button', { name: 'Record the placement' }).click();
  await expect(card.getByText(/^Foster family with Kigoma foster family network, since /)).toBeVisible();
  expect(watch.consoleErrors).toEqual([]);
});

test('an immigration officer who tries to order a removal during a reflection period reads why, in words, and nothing is ordered', async ({ page, request }) => {
  const watch = await watchPage(page);
  // A labour migrant routed to the immigration authority, later found a presumed victim of trafficking.
  const official = await as(request, 'border.official');
  const points = (await official.get('border-points')) as unknown as { id: string; code: string }[];
  const namanga = points.find((p) => p.code === 'NMG');
  expect(namanga).toBeDefined();
  const registered = (await official.post('intakes', {
    intakeId: randomUUID(),
    arrival: { borderPointId: namanga?.id, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' },
    persons: [{ givenName: 'Tesfaye', familyName: 'Bekele', sex: 'MALE', statedAge: 30, nationalities: ['ETH'], languages: ['am', 'en'], screening: { answers: { reasons_for_leaving: ['WORK'] } } }],
  })) as { cases: { id: string; caseNumber: string }[] };
  const [created] = registered.cases;
  if (!created) throw new Error('no case registered');
  const { id: caseId, caseNumber } = created;
  await official.post(`cases/${caseId}/profiles/MIGRANT/confirm`, {});
  await consentToAll(official, caseId);
  await official.post(`cases/${caseId}/profiles`, { profile: 'TRAFFICKING_VICTIM', reason: 'His employer keeps his passport until the debt is paid' });
  await consentToAll(official, caseId);
  const coordinator = await as(request, 'trafficking.coordinator');
  await coordinator.put(`cases/${caseId}/trafficking/identification`, { status: 'PRESUMED' });
  // The anti-trafficking agency takes its referral on: it leads the case now.
  const inbox = (await coordinator.get(`referrals?caseId=${caseId}&limit=100`)) as { items: { id: string; status: string }[] };
  const referral = inbox.items.find((r) => r.status === 'PENDING' || r.status === 'ACKNOWLEDGED');
  expect(referral).toBeDefined();
  await coordinator.post(`referrals/${referral?.id}/accept`, {});
  const today = new Date().toISOString().slice(0, 10);
  await coordinator.post(`cases/${caseId}/trafficking/reflection-period`, { startsOn: today, days: 30 });

  await signIn(page, 'immigration.officer');
  // The period's last day (30 days, today included), as the app writes a date in English (en-GB).
  const lastDay = await page.evaluate((day) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.parse(`${day}T00:00:00Z`) + 29 * 86_400_000)), today);
  await page.goto(`/cases/${caseId}`);
  await page.getByRole('link', { name: 'Protection records' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Protection records of ${caseNumber}` })).toBeVisible();
  const removal = page.getByRole('region', { name: 'Removal' });
  await removal.getByLabel('Legal basis').fill('Immigration Act s.40');
  await removal.getByLabel(/Destination country/).selectOption('ETH');
  await removal.getByRole('button', { name: 'Order a removal' }).click();

  const refusal = removal.getByTestId('safeguard-refusal');
  await expect(refusal).toContainText('No removal or return can be recorded');
  await expect(refusal).toContainText(`This person is in a reflection period until ${lastDay}: no removal can be recorded.`);
  await expect(refusal).toContainText('Anti-Trafficking Secretariat (Anti-trafficking) leads this case: contact them.');
  await expect(refusal.locator('bdi')).toHaveText('Anti-Trafficking Secretariat');
  await expect(refusal).toContainText('What you can do instead');
  await expect(refusal).toContainText('No one can override this protection.');
  await expect(refusal).not.toContainText('SAFEGUARD');
  await expect(refusal).not.toContainText('REFLECTION_PERIOD_RUNNING');
  await expect(removal.getByText('Nothing recorded yet.')).toBeVisible();
  await expectAccessible(page);
  const immigration = await as(request, 'immigration.officer');
  const records = (await immigration.get(`cases/${caseId}/protection`)) as { removalOrders?: unknown[] };
  expect(records.removalOrders).toEqual([]);
  expect(watch.consoleErrors.filter((e) => !e.includes('409'))).toEqual([]);
});

test('a supervisor detains a presumed victim of trafficking only through a deliberate override with a written justification', async ({ page, request }) => {
  const watch = await watchPage(page);
  // The demo's woman held by her "employer": a presumed victim of trafficking, whom the detention guard protects.
  const supervisor = await as(request, 'border.supervisor');
  const { items } = (await supervisor.get('cases?limit=100')) as { items: { id: string; profiles: string[] }[] };
  const victim = items.find((item) => item.profiles.includes('TRAFFICKING_VICTIM'));
  expect(victim).toBeDefined();
  await signIn(page, 'border.supervisor');
  await page.goto(`/cases/${victim?.id}/protection`);
  const card = page.getByRole('region', { name: 'Detention' });
  await card.getByLabel('Place').fill('Kigoma port holding room');
  await card.getByLabel('Legal basis').fill('Immigration Act s.12(3)');
  await card.getByLabel(/Individual assessment/).fill('Arrived without documents; the man with her was arrested.');
  await card.getByLabel('Alternatives to detention considered').fill('Shelter placement: no place tonight');
  await card.getByRole('button', { name: 'Request detention' }).click();
  const refusal = card.getByTestId('safeguard-refusal');
  await expect(refusal).toContainText('This person cannot be detained');
  await expect(refusal).toContainText('The person is a presumed or identified victim of trafficking.');
  await expect(refusal).toContainText('Only a supervisor may override, with a written justification.');

  await card.getByRole('button', { name: 'Override with a written justification' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Override the detention safeguard?' });
  await expect(dialog).toContainText('shown to the independent monitor at once');
  await dialog.getByRole('textbox').fill('Tonight only');
  await dialog.getByRole('button', { name: 'Detain on my justification' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('textbox').fill('No shelter place tonight and she asked to stay near the port; the shelter takes her tomorrow morning.');
  await dialog.getByRole('button', { name: 'Detain on my justification' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByText(/^Kigoma port holding room, since/)).toBeVisible();
  await expect(card).toContainText('on a supervisor’s justification: No shelter place tonight');
  expect(watch.consoleErrors.filter((e) => !e.includes('409'))).toEqual([]);
});

test('a return counsellor requests an assisted voluntary return for a stranded migrant', async ({ page, request }) => {
  const watch = await watchPage(page);
  // The demo's stranded migrant at the airport, who wants to go home and has no means.
  const counsellor = await as(request, 'return.counsellor');
  const { items } = (await counsellor.get('cases?limit=100')) as { items: { id: string; profiles: string[] }[] };
  const stranded = items.find((item) => item.profiles.includes('STRANDED_MIGRANT_RETURN'));
  expect(stranded).toBeDefined();
  await signIn(page, 'return.counsellor');
  await page.goto(`/cases/${stranded?.id}/protection`);
  const card = page.getByRole('region', { name: 'Assisted voluntary return' });
  await card.getByLabel(/Destination country/).selectOption('SOM');
  // The request was made yesterday: typed day, month and year, as the page's language (en-GB) orders them.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await typeDate(page, 'Date', yesterday, card);
  const requestedOn = await page.evaluate((day) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)), yesterday);
  await card.getByRole('button', { name: 'Request an assisted voluntary return' }).click();
  await expect(card.getByRole('listitem').filter({ hasText: `To Somalia, requested on ${requestedOn}` })).toContainText('Requested');
  await expect(card).toContainText('No counselling session; voluntariness not checked yet');
  await expectAccessible(page);
  expect(watch.consoleErrors).toEqual([]);
});
