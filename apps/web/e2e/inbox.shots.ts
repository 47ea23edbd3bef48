import { expect, Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { registerArrival } from './inbox-arrivals';

/**
 * Screenshots of the referral inbox for review, as the shelter's caseworker: English and Arabic, 360 px and
 * 1280 px; the decline dialog and its answer. Written to KIVUKO_SHOTS_DIR (default tmp/web-shots).
 */
const OUT = resolve(process.env.KIVUKO_SHOTS_DIR ?? 'tmp/web-shots');
const LOCALES = [
  { locale: 'en', title: 'Referral inbox' },
  { locale: 'ar', title: 'الإحالات الواردة' },
] as const;

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

async function openInbox(page: Page, locale: string, title: string): Promise<void> {
  await page.addInitScript((chosen) => window.localStorage.setItem('kivuko.locale', chosen), locale);
  await page.goto('/sign-in');
  await page.locator('input[autocomplete=username], input[name=username]').first().fill('shelter.caseworker');
  await page.locator('input[type=password]').fill('kivuko-demo');
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.goto('/referrals/inbox');
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
}

test.beforeAll(async ({ request }) => {
  // Something to see: three arrivals at Kigoma routed to the shelter.
  for (const name of ['Diane', 'Esther', 'Grace']) await registerArrival(request, name);
});

for (const { locale, title } of LOCALES) {
  for (const width of [360, 1280] as const) {
    test(`inbox ${locale} ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: width < 600 ? 780 : 860 });
      await openInbox(page, locale, title);
      // The inbox's own rows (the navigation's entries are list items too, and come first).
      await expect(page.locator('main [role=listitem]').first()).toBeVisible();
      await shot(page, `inbox-${locale}-${width}`);
    });
  }
}

test('decline dialog and answer (en 360px, ar 1280px)', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await openInbox(page, 'en', 'Referral inbox');
  const row = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Decline/ }) }).first();
  await row.getByRole('button', { name: /^Decline/ }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByRole('textbox').fill('No bed free in the safe house this week');
  await shot(page, 'inbox-decline-dialog-en-360');
  await dialog.getByRole('button', { name: 'Decline the referral' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'declined' })).toBeVisible();
  await shot(page, 'inbox-declined-en-360');
});

test('dark theme, Arabic, filters open on a phone', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 360, height: 780 });
  await openInbox(page, 'ar', 'الإحالات الواردة');
  await page.getByRole('button', { name: /^التصفية/ }).click();
  await shot(page, 'inbox-filters-ar-360-dark');
});
