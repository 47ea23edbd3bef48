import { expect, Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Screenshots of the oversight pages for review: the supervisors' dashboard and possible previous
 * encounters, the monitor's reports (and their printed form), in English and Arabic at 360 px and 1280 px.
 * Written to KIVUKO_SHOTS_DIR (default tmp/web-shots).
 */
const OUT = resolve(process.env.KIVUKO_SHOTS_DIR ?? 'tmp/web-shots');
const LOCALES = ['en', 'ar'] as const;
const WIDTHS = [360, 1280] as const;

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  // The service worker may take over and reload the app once: shoot the page as it settles after that.
  await page.waitForLoadState('networkidle');
  await expect(page.locator('main h1')).toBeVisible();
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

async function signIn(page: Page, username: string, locale: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: width < 600 ? 780 : 860 });
  await page.addInitScript((chosen) => window.localStorage.setItem('kivuko.locale', chosen), locale);
  await page.goto('/sign-in');
  const demo = page.getByRole('button', { name: /\([\d٠-٩]+\)$/ });
  if ((await demo.getAttribute('aria-expanded')) === 'false') await demo.click();
  await page.getByRole('button', { name: new RegExp(`^${username.replace('.', '\\.')}`) }).click();
  await page.locator('input[type=password]').fill('kivuko-demo');
  await page.locator('button[type=submit]').click();
  await expect(page.locator('main h1')).toBeVisible();
}

/** Follows a navigation link by its address (the same in every language). */
async function open(page: Page, href: string): Promise<void> {
  await page.locator(`nav a[href="${href}"]`).first().click();
  await expect(page.locator('main h1')).toBeVisible();
}

for (const locale of LOCALES) {
  for (const width of WIDTHS) {
    test(`supervisor ${locale} ${width}px`, async ({ page }) => {
      await signIn(page, 'border.supervisor', locale, width);
      await open(page, '/dashboard');
      await expect(page.locator('main table').first().locator('tbody tr').first()).toBeVisible();
      await shot(page, `dashboard-${locale}-${width}`);
      await open(page, '/encounters');
      await expect(page.locator('main article table')).toBeVisible();
      await shot(page, `encounters-${locale}-${width}`);
    });

    test(`monitor ${locale} ${width}px`, async ({ page }) => {
      await signIn(page, 'monitor', locale, width);
      await open(page, '/monitor');
      await page.locator('a[href^="/monitor?report=safeguard-events"]').click();
      await expect(page.locator('main table tbody tr').first()).toBeVisible();
      await shot(page, `monitor-${locale}-${width}`);
      if (width === 1280) {
        await page.emulateMedia({ media: 'print' });
        await shot(page, `monitor-print-${locale}`);
      }
    });
  }
}

test('shelter manager dashboard en 1280px dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await signIn(page, 'shelter.manager', 'en', 1280);
  await open(page, '/dashboard');
  await expect(page.locator('main table').first()).toBeVisible();
  await shot(page, 'dashboard-agency-en-1280-dark');
});
