import { expect, Page, test } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { as, detainedMigrant, PASSWORD, unaccompaniedBoy } from './protection-children-cases';
import { typeDate } from './support';

/**
 * Screenshots of the protection records' follow-up steps, in English and Arabic, at 360 px and 1280 px: child
 * protection's records with the steps each allows and their dialogs (one with the api's field errors), and a
 * detention whose review is overdue with its review, access and end dialogs. Written to KIVUKO_SHOTS_DIR.
 */
const OUT = resolve(process.env.KIVUKO_SHOTS_DIR ?? 'tmp/web-shots');
const CATALOGS: Record<string, Record<string, string>> = {
  en: JSON.parse(readFileSync(new URL('../lang/en.json', import.meta.url), 'utf8')) as Record<string, string>,
  ar: JSON.parse(readFileSync(new URL('../lang/ar.json', import.meta.url), 'utf8')) as Record<string, string>,
};

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
}

async function signIn(page: Page, username: string, locale: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: width < 600 ? 780 : 860 });
  await page.addInitScript((chosen) => window.localStorage.setItem('kivuko.locale', chosen), locale);
  await page.goto('/sign-in');
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  await expect(page).not.toHaveURL(/sign-in/);
}

let childId = '';
let detainedId = '';

test.beforeAll(async ({ request }) => {
  // A boy whose records are under way: an age assessment requested, his mother located, an uncle still sought,
  // a reunification proposed, and a shelter placement.
  const child = await unaccompaniedBoy(request, 'Baraka');
  childId = child.id;
  const officer = await as(request, 'child.protection');
  const today = new Date().toISOString().slice(0, 10);
  await officer.post(`cases/${childId}/age-assessments`, { seriousDoubt: 'His school card from Uvira gives 2007 as his year of birth', requestedOn: today });
  const mother = (await officer.post(`cases/${childId}/family-tracing`, { soughtRelatives: [{ relationship: 'MOTHER', name: 'Furaha Bahati', lastKnownLocation: 'Uvira' }] })) as {
    id: string;
    version: number;
  };
  await officer.post(`cases/${childId}/family-tracing/${mother.id}/outcome`, { status: 'LOCATED', on: today, version: mother.version });
  await officer.post(`cases/${childId}/family-tracing`, { soughtRelatives: [{ relationship: 'AUNT_OR_UNCLE', name: 'Jean Bahati' }] });
  await officer.post(`cases/${childId}/reunifications`, {
    relative: { relationship: 'MOTHER', name: 'Furaha Bahati', country: 'TZA' },
    abroad: false,
    relationshipVerified: true,
    childConsent: false,
    tracingId: mother.id,
  });
  await officer.post(`cases/${childId}/care-placements`, { kind: 'SAFE_SHELTER', provider: 'Tumaini children’s shelter', startedOn: today });
  // A migrant in detention whose review is overdue, visited once by his lawyer.
  const detained = await detainedMigrant(request, 'Yonas');
  detainedId = detained.id;
  const official = await as(request, 'border.official');
  const { detentions } = (await official.get(`cases/${detainedId}/protection`)) as { detentions: { id: string }[] };
  await official.post(`cases/${detainedId}/detentions/${detentions[0]?.id}/access`, {
    visitorKind: 'LEGAL_REPRESENTATIVE',
    organisation: 'Haki Legal Aid',
    visitedAt: new Date(Date.now() - 86_400_000).toISOString(),
    granted: true,
  });
});

for (const locale of ['en', 'ar'] as const) {
  for (const width of [360, 1280] as const) {
    test(`protection steps ${locale} ${width}px`, async ({ page }) => {
      const t = (key: string): string => CATALOGS[locale]?.[key] ?? key;
      const dialog = page.getByRole('dialog');
      const open = async (scope: ReturnType<Page['locator']>, key: string, name: string, fill?: () => Promise<void>) => {
        await scope
          .getByRole('button', { name: t(key), exact: true })
          .first()
          .click();
        await expect(dialog).toBeVisible();
        if (fill) await fill();
        await shot(page, `steps-${name}-${locale}-${width}`, false);
        await dialog.getByRole('button', { name: t('steps.cancel') }).click();
        await expect(dialog).toBeHidden();
      };

      await signIn(page, 'child.protection', locale, width);
      await page.goto(`/cases/${childId}/protection`);
      const card = page.locator('section[aria-labelledby=children-title]');
      await expect(card.getByRole('button', { name: t('steps.placement.endAction') })).toBeVisible();
      await shot(page, `steps-children-${locale}-${width}`);
      // The age assessment's result, refused field by field by the api.
      await open(card.getByRole('listitem').filter({ hasText: 'Uvira gives 2007' }), 'steps.age.action', 'age-refused', async () => {
        await dialog.getByLabel(t('steps.age.minimum')).fill('17');
        await dialog.getByLabel(t('steps.age.maximum')).fill('16');
        await dialog.getByRole('button', { name: t('steps.age.submit') }).click();
        await expect(dialog.getByRole('alert')).toBeVisible();
      });
      await open(card.getByRole('listitem').filter({ hasText: 'Jean Bahati' }), 'steps.tracing.stopAction', 'tracing-stop');
      await open(card.getByRole('listitem').filter({ hasText: 'Jean Bahati' }), 'steps.tracing.outcomeAction', 'tracing-outcome');
      await open(card, 'steps.reunification.proposeAction', 'reunification-propose');
      await open(card.getByRole('listitem').filter({ hasText: 'Furaha Bahati' }).last(), 'steps.reunification.outcomeAction', 'reunification-outcome');
      await open(card.getByRole('listitem').filter({ hasText: 'Furaha Bahati' }).last(), 'steps.reunification.childViewsAction', 'reunification-views');
      await open(card, 'steps.placement.endAction', 'placement-end');

      await page.evaluate(() => window.sessionStorage.clear());
      await signIn(page, 'border.official', locale, width);
      await page.goto(`/cases/${detainedId}/protection`);
      const detention = page.locator('section[aria-labelledby=detention-title]');
      await expect(detention.getByTestId('review-overdue')).toBeVisible();
      await shot(page, `steps-detention-${locale}-${width}`);
      await open(detention, 'steps.review.action', 'detention-review-refused', async () => {
        await dialog.getByLabel(t('steps.review.continue')).check();
        await typeDate(page, t('steps.review.nextReviewOn'), new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), dialog);
        await dialog.getByRole('button', { name: t('steps.review.submit') }).click();
        await expect(dialog.getByRole('alert')).toBeVisible();
      });
      await open(detention, 'steps.access.action', 'detention-access', async () => {
        await dialog.getByLabel(t('steps.access.no')).check();
      });
      await open(detention, 'steps.endDetention.action', 'detention-end');
    });
  }
}
