import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';

/**
 * Screenshots of the SOP simulation on recent cases (per-profile counts, the cases that change) and of the
 * checker's problems said from their codes, in English and Arabic at 360 px and 1280 px. Written to KIVUKO_SHOTS_DIR.
 */
const OUT = resolve(process.env.KIVUKO_SHOTS_DIR ?? 'tmp/web-shots');
const PASSWORD = 'kivuko-demo';
const CATALOGS: Record<'en' | 'ar', Record<string, string>> = {
  en: JSON.parse(readFileSync(new URL('../lang/en.json', import.meta.url), 'utf8')) as Record<string, string>,
  ar: JSON.parse(readFileSync(new URL('../lang/ar.json', import.meta.url), 'utf8')) as Record<string, string>,
};
const text = (locale: 'en' | 'ar', id: string): string => CATALOGS[locale][id] ?? id;

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
}

async function login(request: APIRequestContext, username: string): Promise<Record<string, string>> {
  const response = await request.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  expect(response.status()).toBe(200);
  return { authorization: `Bearer ${((await response.json()) as { accessToken: string }).accessToken}` };
}

type Doc = { version: string; routing: Record<string, { lead: Record<string, unknown>; firstContact: Record<string, string> }> };

/** Two recent trafficking cases at Kigoma, and a draft that has the child protection service lead on trafficking. */
async function setUp(request: APIRequestContext): Promise<{ draft: string; document: Doc }> {
  const official = await login(request, 'border.official');
  const points = (await (await request.get('/api/v1/border-points', { headers: official })).json()) as { id: string; code: string }[];
  const person = (givenName: string) => ({
    givenName,
    familyName: 'Shots',
    sex: 'FEMALE',
    statedAge: 23,
    nationalities: ['RWA'],
    languages: ['rw'],
    documentsHeldByOther: true,
    screening: { answers: { movement_controlled: true, debt_bondage: true } },
  });
  const registered = await request.post('/api/v1/intakes', {
    headers: official,
    data: {
      intakeId: randomUUID(),
      arrival: { borderPointId: points.find((p) => p.code === 'KGM')?.id, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' },
      persons: [person('Ishimwe'), person('Uwase')],
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const admin = await login(request, 'sop.admin');
  const active = ((await (await request.get('/api/v1/sops?status=ACTIVE', { headers: admin })).json()) as { items: { id: string }[] }).items[0];
  const document = ((await (await request.get(`/api/v1/sops/${active?.id}`, { headers: admin })).json()) as { document: Doc }).document;
  const next = structuredClone(document);
  next.version = `tza-joint-sop-2027.9-${Date.now() % 100000}`;
  (next.routing.TRAFFICKING_VICTIM as Doc['routing'][string]).lead = { kind: 'CHILD_PROTECTION' };
  const uploaded = await request.post('/api/v1/sops', { headers: admin, data: next });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  return { draft: ((await uploaded.json()) as { id: string }).id, document };
}

let setup: { draft: string; document: Doc } | undefined;

test.describe.configure({ mode: 'serial' });

for (const locale of ['en', 'ar'] as const) {
  for (const width of [360, 1280] as const) {
    test(`sop simulation ${locale} ${width}px`, async ({ page, request }) => {
      test.setTimeout(120_000);
      setup ??= await setUp(request);
      await page.setViewportSize({ width, height: width < 600 ? 780 : 860 });
      await page.addInitScript((chosen) => window.localStorage.setItem('kivuko.locale', chosen), locale);
      await page.goto('/sign-in');
      const demo = page.getByRole('button', { name: /\([\d٠-٩]+\)$/ });
      if ((await demo.getAttribute('aria-expanded')) === 'false') await demo.click();
      await page.getByRole('button', { name: /^sop\.admin/ }).click();
      await page.locator('input[type=password]').fill(PASSWORD);
      await page.locator('button[type=submit]').click();
      await expect(page.locator('header button').last()).toBeVisible();

      await page.goto(`/sops/${setup.draft}`);
      const section = page.locator('section[aria-labelledby="sop-simulation"]');
      await section.locator('select').selectOption('recent-30');
      await section.getByRole('button', { name: text(locale, 'sop.simulate.run') }).click();
      await expect(section.getByRole('article').first()).toBeVisible();
      await section.screenshot({ path: join(OUT, `sop-recent-${locale}-${width}.png`) });
      await section.getByRole('article').first().screenshot({ path: join(OUT, `sop-recent-case-${locale}-${width}.png`) });

      await section.locator('select').selectOption('samples');
      await section.getByRole('button', { name: text(locale, 'sop.simulate.again') }).click();
      await expect(section.getByRole('article').nth(3)).toBeVisible();
      await section.screenshot({ path: join(OUT, `sop-samples-${locale}-${width}.png`) });

      await page.goto('/sops/new');
      const editor = page.locator('textarea');
      await expect(editor).toHaveValue(/"routing"/);
      const broken = structuredClone(setup.document) as Doc & { signatories?: unknown; effectiveFrom?: unknown };
      broken.version = 'tza-joint-sop-2027.8';
      (broken.routing.TRAFFICKING_VICTIM as Doc['routing'][string]).firstContact.HIGH = 'twelve hours';
      broken.effectiveFrom = 'soon';
      delete broken.signatories;
      await editor.fill(JSON.stringify(broken, null, 2));
      await page.getByRole('button', { name: text(locale, 'sop.new.check'), exact: true }).click();
      await expect(page.locator('li button').first()).toBeVisible();
      await shot(page, `sop-problems-${locale}-${width}`);
      // A problem pressed: its value selected and scrolled into view, the caret's line under the text.
      await page.locator('li button').first().click();
      await editor.screenshot({ path: join(OUT, `sop-problems-selected-${locale}-${width}.png`) });
    });
  }
}
