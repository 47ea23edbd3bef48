import { expect, Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Screenshots of the e-mail notification settings for review: the shelter manager (who sets the duty
 * address) and the shelter caseworker (who reads it), in English and Arabic, at 360 px and 1280 px.
 * Written to KIVUKO_SHOTS_DIR (default tmp/web-shots).
 */
const OUT = resolve(process.env.KIVUKO_SHOTS_DIR ?? 'tmp/web-shots');
const TITLE = { en: 'E-mail notifications', ar: 'الإشعارات بالبريد الإلكتروني' } as const;
const SAVE_DUTY = { en: 'Save duty address', ar: 'حفظ عنوان المناوبة' } as const;
const SAVED = { en: 'The duty address is saved.', ar: 'حُفظ عنوان المناوبة.' } as const;

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

async function openAs(page: Page, username: string, locale: 'en' | 'ar', width: number): Promise<void> {
  await page.setViewportSize({ width, height: width < 600 ? 780 : 860 });
  await page.addInitScript((chosen) => window.localStorage.setItem('kivuko.locale', chosen), locale);
  await page.goto('/sign-in');
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[type=password]').fill('kivuko-demo');
  await page.locator('button[type=submit]').click();
  await expect(page).not.toHaveURL(/sign-in/);
  await page.goto('/settings/notifications');
  await expect(page.getByRole('heading', { name: TITLE[locale], level: 1 })).toBeVisible();
  // The settings are in: both cards and their forms or texts (and, for the manager, the link to the sent e-mails).
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(username === 'shelter.manager' ? 3 : 2);
  await expect(page.getByRole('checkbox')).toHaveCount(3);
}

for (const locale of ['en', 'ar'] as const) {
  for (const width of [360, 1280] as const) {
    test(`notifications ${locale} ${width}px`, async ({ page }) => {
      await openAs(page, 'shelter.manager', locale, width);
      // The manager's duty form, empty, then with a refused address, then saved.
      await shot(page, `notifications-manager-${locale}-${width}`);
      const address = page.getByRole('textbox').first();
      await address.fill('duty@');
      await page.getByRole('button', { name: SAVE_DUTY[locale] }).click();
      await expect(address).toHaveAttribute('aria-invalid', 'true');
      await shot(page, `notifications-manager-invalid-${locale}-${width}`);
      await address.fill('duty@tumaini.example.org');
      await page.getByRole('button', { name: SAVE_DUTY[locale] }).click();
      await expect(page.getByText(SAVED[locale])).toBeVisible();
      await page.getByRole('checkbox').first().check();
      await page.getByRole('textbox').nth(1).fill('manager@tumaini.example.org');
      await shot(page, `notifications-manager-saved-${locale}-${width}`);

      // The caseworker reads the duty address and chooses their own.
      const worker = await page.context().browser()!.newPage({ baseURL: new URL(page.url()).origin });
      await openAs(worker, 'shelter.caseworker', locale, width);
      await shot(worker, `notifications-caseworker-${locale}-${width}`);
      await worker.close();
    });
  }
}
