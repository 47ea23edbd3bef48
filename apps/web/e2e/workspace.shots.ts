import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Screenshots of the receiving agency's case workspace for review: the shelter caseworker's case in English
 * and Arabic, at 360 px and 1280 px, with a note, a task and a service on it; and the manager's close dialog.
 * Written to KIVUKO_SHOTS_DIR (default tmp/web-shots).
 */
const OUT = resolve(process.env.KIVUKO_SHOTS_DIR ?? 'tmp/web-shots');

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  // A phone's page is long: its first screens one by one too, at a size that can be read.
  const { width } = page.viewportSize()!;
  if (width < 600) {
    for (let part = 0; part < 4; part += 1) {
      await page.screenshot({ path: join(OUT, `${name}-part${part + 1}.png`), fullPage: true, clip: { x: 0, y: part * 780, width, height: 780 } });
    }
  }
}

async function as(request: APIRequestContext, username: string): Promise<{ authorization: string }> {
  const res = await request.post('/api/v1/auth/login', { data: { username, password: 'kivuko-demo' } });
  return { authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
}

/** The shelter's case, with a little work on it (once). */
async function theCase(request: APIRequestContext): Promise<{ id: string; caseNumber: string }> {
  const headers = await as(request, 'shelter.caseworker');
  const { items } = (await (await request.get('/api/v1/cases?limit=10', { headers })).json()) as { items: { id: string; caseNumber: string }[] };
  const found = items[0]!;
  const { notes } = (await (await request.get(`/api/v1/cases/${found.id}/notes`, { headers })).json()) as { notes: unknown[] };
  if (notes.length === 0) {
    await request.post(`/api/v1/cases/${found.id}/notes`, { headers, data: { sensitivity: 'NORMAL', text: 'Arrived at the shelter in the evening; asked to call her sister in Kigoma.' } });
    await request.post(`/api/v1/cases/${found.id}/notes`, { headers, data: { sensitivity: 'RESTRICTED', text: 'A female interpreter (Kirundi) is booked for Thursday 10:00.' } });
    await request.post(`/api/v1/cases/${found.id}/tasks`, { headers, data: { title: 'Call the interpreter to confirm Thursday', dueAt: new Date(Date.now() + 86_400_000).toISOString() } });
    await request.post(`/api/v1/cases/${found.id}/services`, {
      headers,
      data: { kind: 'SHELTER', provider: 'Tumaini Shelter', deliveredOn: new Date().toISOString().slice(0, 10), note: 'Two weeks in the women’s house' },
    });
  }
  return found;
}

for (const locale of ['en', 'ar'] as const) {
  for (const width of [360, 1280] as const) {
    test(`workspace ${locale} ${width}px`, async ({ page, request }) => {
      const { id, caseNumber } = await theCase(request);
      await page.setViewportSize({ width, height: width < 600 ? 780 : 860 });
      await page.addInitScript((chosen) => window.localStorage.setItem('kivuko.locale', chosen), locale);
      await page.goto('/sign-in');
      const signIn = locale === 'en' ? 'Sign in' : 'تسجيل الدخول';
      const demo = page.getByRole('button', { name: /\([\d٠-٩]+\)$/ });
      if ((await demo.getAttribute('aria-expanded')) === 'false') await demo.click();
      await page.getByRole('button', { name: /^shelter\.caseworker/ }).click();
      await page.locator('input[type=password]').fill('kivuko-demo');
      await page.getByRole('button', { name: signIn }).click();
      await expect(page.getByRole('link', { name: caseNumber })).toBeVisible();
      await page.goto(`/cases/${id}`);
      await expect(page.locator('#notes-title')).toBeVisible();
      await expect(page.locator('#responsibility-title ~ dl')).toBeVisible();
      await expect(page.locator('#timeline-title ~ ol li').first()).toBeVisible();
      await shot(page, `workspace-${locale}-${width}`);
      await page.locator('label').filter({ has: page.getByRole('switch') }).click();
      await page.locator('#casework-tasks-title ~ div button').first().click();
      await shot(page, `workspace-details-${locale}-${width}`);
    });
  }
}

test('manager: close dialog, en 1280px', async ({ page, request }) => {
  const { id, caseNumber } = await theCase(request);
  // The anti-trafficking unit, which leads, proposes the shelter as the lead.
  const coordinator = await as(request, 'trafficking.coordinator');
  const agencies = (await (await request.get('/api/v1/agencies', { headers: coordinator })).json()) as { id: string; name: string }[];
  await request.post(`/api/v1/cases/${id}/transfers`, {
    headers: coordinator,
    data: { toAgencyId: agencies.find((agency) => agency.name === 'Tumaini Shelter')!.id, reason: 'She is safe at the shelter, which now leads her care' },
  });
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill('shelter.manager');
  await page.getByLabel('Password').fill('kivuko-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: caseNumber })).toBeVisible();
  await page.goto(`/cases/${id}`);
  const held = page.getByRole('region', { name: 'Responsibility' });
  await expect(held.getByLabel('Assign to')).toBeVisible();
  await expect(held.getByRole('button', { name: 'Accept the lead' })).toBeVisible();
  await shot(page, 'workspace-manager-en-1280');
  await held.getByRole('button', { name: 'Accept the lead' }).click();
  await page.getByRole('button', { name: 'Close the case' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Close the case' }).click();
  await expect(page.getByRole('alertdialog').getByRole('alert')).toBeVisible();
  await page.screenshot({ path: join(OUT, 'workspace-close-dialog-en-1280.png') });
});
