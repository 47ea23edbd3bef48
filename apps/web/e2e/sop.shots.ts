import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Screenshots of the SOP administrators' pages for review, in English and Arabic at 360 px and 1280 px:
 * the versions list, the editor with a problem at its path, a draft's page with its diff and simulation,
 * and the activation's confirmation. Written to KIVUKO_SHOTS_DIR (default tmp/web-shots).
 */
const OUT = resolve(process.env.KIVUKO_SHOTS_DIR ?? 'tmp/web-shots');
const PASSWORD = 'kivuko-demo';
const MANAGER_PASSWORD = 'signatory-manager-2026';
const FIRST_PASSWORD = 'first-from-the-administrator';
const CATALOGS: Record<'en' | 'ar', Record<string, string>> = {
  en: JSON.parse(readFileSync(new URL('../lang/en.json', import.meta.url), 'utf8')) as Record<string, string>,
  ar: JSON.parse(readFileSync(new URL('../lang/ar.json', import.meta.url), 'utf8')) as Record<string, string>,
};
const text = (locale: 'en' | 'ar', id: string): string => CATALOGS[locale][id] ?? id;

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
}

async function login(request: APIRequestContext, username: string, password = PASSWORD): Promise<Record<string, string>> {
  const response = await request.post('/api/v1/auth/login', { data: { username, password } });
  expect(response.status()).toBe(200);
  return { authorization: `Bearer ${((await response.json()) as { accessToken: string }).accessToken}` };
}

type Doc = { version: string; signatories: string[]; routing: Record<string, { firstContact: Record<string, string> }> };

/** Two drafts: one approved by three signatories (the page as it is mostly seen), one by all (to show the activation). */
async function drafts(request: APIRequestContext): Promise<{ partial: string; complete: string }> {
  const admin = await login(request, 'sop.admin');
  const active = ((await (await request.get('/api/v1/sops?status=ACTIVE', { headers: admin })).json()) as { items: { id: string }[] }).items[0];
  const doc = ((await (await request.get(`/api/v1/sops/${active?.id}`, { headers: admin })).json()) as { document: Doc }).document;
  const upload = async (label: string): Promise<string> => {
    const next = structuredClone(doc);
    next.version = label;
    (next.routing.ASYLUM_SEEKER as { firstContact: Record<string, string> }).firstContact = { IMMEDIATE: 'PT4H', HIGH: 'PT4H', NORMAL: 'PT4H' };
    (next.routing.TRAFFICKING_VICTIM as { firstContact: Record<string, string> }).firstContact.IMMEDIATE = 'PT12H';
    const response = await request.post('/api/v1/sops', { headers: admin, data: next });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const partial = await upload('tza-joint-sop-2027.1');
  const complete = await upload('tza-joint-sop-2027.2');
  const sysadmin = await login(request, 'sysadmin');
  const agencies = (await (await request.get('/api/v1/agencies', { headers: sysadmin })).json()) as { id: string; name: string }[];
  for (const [index, name] of doc.signatories.entries()) {
    let headers: Record<string, string>;
    if (name === 'Tumaini Shelter') headers = await login(request, 'shelter.manager');
    else {
      const username = `shots.manager.${index}`;
      const agency = agencies.find((a) => a.name === name);
      const created = await request.post('/api/v1/users', {
        headers: sysadmin,
        data: { username, displayName: `Manager ${index}`, agencyId: agency?.id, roles: ['AGENCY_MANAGER'], password: FIRST_PASSWORD },
      });
      expect(created.status(), await created.text()).toBe(201);
      // The manager replaces the administrator's first password before anything else, as the api requires.
      const changed = await request.post('/api/v1/auth/password', {
        headers: await login(request, username, FIRST_PASSWORD),
        data: { currentPassword: FIRST_PASSWORD, newPassword: MANAGER_PASSWORD },
      });
      expect(changed.status(), await changed.text()).toBe(204);
      headers = await login(request, username, MANAGER_PASSWORD);
    }
    expect((await request.post(`/api/v1/sops/${complete}/approve`, { headers })).status()).toBe(200);
    if (index < 3) expect((await request.post(`/api/v1/sops/${partial}/approve`, { headers })).status()).toBe(200);
  }
  return { partial, complete };
}

let ids: { partial: string; complete: string } | undefined;

test.describe.configure({ mode: 'serial' });

for (const locale of ['en', 'ar'] as const) {
  for (const width of [360, 1280] as const) {
    test(`sop ${locale} ${width}px`, async ({ page, request }) => {
      test.setTimeout(120_000);
      ids ??= await drafts(request);
      await page.setViewportSize({ width, height: width < 600 ? 780 : 860 });
      await page.addInitScript((chosen) => window.localStorage.setItem('kivuko.locale', chosen), locale);
      await page.goto('/sign-in');
      const demo = page.getByRole('button', { name: /\([\d٠-٩]+\)$/ });
      if ((await demo.getAttribute('aria-expanded')) === 'false') await demo.click();
      await page.getByRole('button', { name: /^sop\.admin/ }).click();
      await page.locator('input[type=password]').fill(PASSWORD);
      await page.locator('button[type=submit]').click();
      await expect(page.locator('header button').last()).toBeVisible();

      await page.goto('/sops');
      await expect(page.getByRole('table').getByRole('row').nth(3)).toBeVisible();
      await shot(page, `sop-list-${locale}-${width}`);

      await page.goto('/sops/new');
      const editor = page.locator('textarea');
      await expect(editor).toHaveValue(/tza-joint-sop-2026\.1/);
      const broken = JSON.parse(await editor.inputValue()) as Doc;
      broken.version = 'tza-joint-sop-2027.3';
      (broken.routing.ASYLUM_SEEKER as { firstContact: Record<string, string> }).firstContact.HIGH = 'eight hours';
      delete (broken as Partial<Doc>).signatories;
      await editor.fill(JSON.stringify(broken, null, 2));
      await page.getByRole('button', { name: text(locale, 'sop.new.check'), exact: true }).click();
      await expect(page.locator('li button').first()).toBeVisible();
      await page.locator('li button').last().click();
      await shot(page, `sop-editor-${locale}-${width}`);

      await page.goto(`/sops/${ids.partial}`);
      await page.getByRole('button', { name: text(locale, 'sop.simulate.run') }).click();
      await expect(page.getByRole('article').first()).toBeVisible();
      await shot(page, `sop-version-${locale}-${width}`);
      await shot(page, `sop-version-top-${locale}-${width}`, false);
      await page.locator('section[aria-labelledby="sop-diff"]').screenshot({ path: join(OUT, `sop-diff-${locale}-${width}.png`) });
      await page.locator('section[aria-labelledby="sop-simulation"]').screenshot({ path: join(OUT, `sop-simulation-${locale}-${width}.png`) });
      await page.getByRole('article').first().screenshot({ path: join(OUT, `sop-sample-${locale}-${width}.png`) });
      await page.locator('section[aria-labelledby="sop-approvals"]').screenshot({ path: join(OUT, `sop-approvals-${locale}-${width}.png`) });

      await page.goto(`/sops/${ids.complete}`);
      await page.getByRole('button', { name: text(locale, 'sop.activate') }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await shot(page, `sop-activate-${locale}-${width}`);
    });
  }
}

test('sop en 1280px dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill('sop.admin');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.goto(`/sops/${ids?.partial ?? ''}`);
  await page.getByRole('button', { name: 'Run the simulation' }).click();
  await expect(page.getByRole('article').first()).toBeVisible();
  await shot(page, 'sop-version-en-1280-dark');
});
