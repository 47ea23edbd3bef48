import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expectAccessible, watchPage } from './support';

const PASSWORD = 'kivuko-demo';

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

async function headers(request: APIRequestContext, username: string): Promise<Record<string, string>> {
  const response = await request.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  expect(response.status()).toBe(200);
  return { authorization: `Bearer ${((await response.json()) as { accessToken: string }).accessToken}` };
}

/** A presumed victim of trafficking registered at Kigoma an hour ago, through the api: a recent case of this flow's own. */
async function recentTraffickingCase(request: APIRequestContext): Promise<string> {
  const official = await headers(request, 'border.official');
  const points = (await (await request.get('/api/v1/border-points', { headers: official })).json()) as { id: string; code: string }[];
  const kigoma = points.find((p) => p.code === 'KGM');
  expect(kigoma).toBeDefined();
  const response = await request.post('/api/v1/intakes', {
    headers: official,
    data: {
      intakeId: randomUUID(),
      arrival: { borderPointId: kigoma?.id, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' },
      persons: [
        {
          givenName: 'Umutoni',
          familyName: 'Simulation',
          sex: 'FEMALE',
          statedAge: 24,
          nationalities: ['RWA'],
          languages: ['rw', 'sw'],
          documentsHeldByOther: true,
          screening: { answers: { movement_controlled: true, debt_bondage: true, deceived_about_job: true } },
        },
      ],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { cases: { caseNumber: string }[] }).cases[0]?.caseNumber as string;
}

type Doc = { version: string; routing: Record<string, { lead: Record<string, unknown>; firstContact: Record<string, string> }> };

test('an SOP administrator uploads a draft that moves a route, simulates it on the recent cases and sees the change per profile; the checker speaks French', async ({ page, request }) => {
  test.setTimeout(240_000);
  const watch = await watchPage(page);
  const caseNumber = await recentTraffickingCase(request);
  await signIn(page, 'sop.admin');

  // The editor starts from the active version, whichever it is when this flow runs.
  await page.goto('/sops/new');
  const editor = page.getByLabel('SOP document (JSON)');
  await expect(editor).toHaveValue(/"routing"/);
  const active = JSON.parse(await editor.inputValue()) as Doc;
  const label = `tza-sim-e2e-${Date.now()}`;

  // In French, a broken deadline is explained in French from the problem's code, at its path.
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Français' });
  const broken = structuredClone(active);
  broken.version = label;
  (broken.routing.TRAFFICKING_VICTIM as Doc['routing'][string]).firstContact.HIGH = 'douze heures';
  const frEditor = page.getByLabel('Document des POS (JSON)');
  await frEditor.fill(JSON.stringify(broken, null, 2));
  await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
  const problem = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^routing\.TRAFFICKING_VICTIM\.firstContact\.HIGH ligne \d/ }) });
  await expect(problem).toContainText('n’est pas une durée ISO 8601 (par exemple');
  await expect(problem).toContainText('"douze heures"');
  await expect(problem).not.toContainText('is not an ISO 8601 duration');
  await expect(page.getByText(/décrits qu’en anglais/)).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('combobox', { name: 'Langue' }).selectOption({ label: 'English' });

  // The draft: victims of trafficking led by the child protection service instead of the anti-trafficking secretariat.
  const next = structuredClone(active);
  next.version = label;
  (next.routing.TRAFFICKING_VICTIM as Doc['routing'][string]).lead = { kind: 'CHILD_PROTECTION' };
  await editor.fill(JSON.stringify(next, null, 2));
  await page.getByRole('button', { name: 'Upload as draft' }).click();
  await expect(page.getByRole('heading', { name: `Version ${label}`, level: 1 })).toBeVisible();

  // Simulated on the cases of the last 30 days: per profile first, then the cases that change.
  const simulation = page.getByRole('region', { name: 'Simulation' });
  await simulation.getByLabel('Simulate on').selectOption({ label: 'Cases of the last 30 days' });
  await simulation.getByRole('button', { name: 'Run the simulation' }).click();
  await expect(simulation.getByRole('status')).toHaveText(/^\d+ cases registered in the last 30 days: [1-9]\d* routed differently\.$/);
  const byProfile = simulation.getByRole('region', { name: 'By profile' });
  const trafficking = byProfile.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Victim of trafficking' }) });
  const [cases, changed, elsewhere] = await Promise.all([1, 2, 3].map((i) => trafficking.getByRole('cell').nth(i - 1).innerText()));
  expect(Number(changed)).toBeGreaterThanOrEqual(1);
  expect(Number(changed)).toBe(Number(cases));
  expect(Number(elsewhere)).toBe(Number(changed));

  // Identical changes are grouped: the lead before and after, once; the cases listed with their age band, never a date of birth.
  const changedCases = simulation.getByRole('region', { name: 'Cases routed differently' });
  const ours = changedCases.getByRole('article').filter({ has: page.getByRole('listitem').filter({ hasText: caseNumber }) });
  await expect(ours).toHaveCount(1);
  await expect(ours.getByRole('heading', { level: 4 })).toHaveText(/^\d+ cases?, Victim of trafficking: lead Anti-Trafficking Secretariat → Child Protection Service$/);
  await expect(ours.getByRole('listitem').filter({ hasText: caseNumber })).toHaveText(`${caseNumber} adult, 18 to 59`);
  // An adult led by child protection is pointed out.
  await expect(ours.getByRole('alert')).toHaveText(/^\d+ of these cases (is an adult|are adults): check that a child protection agency is meant to lead (it|them)\.$/);
  // The versions are named in words, their codes beside.
  await expect(ours.getByRole('columnheader').nth(1)).toContainText('Active version');
  await expect(ours.getByRole('columnheader').nth(2)).toHaveText(`This version ${label}`);
  const row = ours.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Victim of trafficking/ }) });
  await expect(row.getByRole('cell').nth(0)).toContainText('Anti-Trafficking Secretariat (lead), first contact within');
  await expect(row.getByRole('cell').nth(1)).toContainText('Child Protection Service (lead), first contact within');
  // No personal data: the case is known by its number only.
  await expect(simulation).not.toContainText('Umutoni');
  await expectAccessible(page);

  expect(await watch.cspViolations()).toEqual([]);
  // The one refusal the browser logs is the api's 400 for the broken version, on purpose.
  expect(watch.consoleErrors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
});
