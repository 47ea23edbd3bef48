import { expect, Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Screenshots for review (`npm run shots:web`): the sign-in page and the home page in English and
 * Arabic, at 360 px (a phone) and 1280 px (a laptop), light and dark. Written to KIVUKO_SHOTS_DIR
 * (default tmp/web-shots).
 */
const OUT = resolve(process.env.KIVUKO_SHOTS_DIR ?? 'tmp/web-shots');
const LOCALES = [
  { locale: 'en', signIn: 'Sign in', home: 'Cases' },
  { locale: 'ar', signIn: 'تسجيل الدخول', home: 'الحالات' },
] as const;
const WIDTHS = [360, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

for (const { locale, signIn, home } of LOCALES) {
  for (const width of WIDTHS) {
    for (const scheme of SCHEMES) {
      test(`${locale} ${width}px ${scheme}`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height: width < 600 ? 780 : 860 });
        await page.addInitScript((chosen) => window.localStorage.setItem('kivuko.locale', chosen), locale);
        await page.goto('/sign-in');
        await expect(page.getByRole('heading', { name: signIn, level: 1 })).toBeVisible();
        await shot(page, `sign-in-${locale}-${width}-${scheme}`);

        // Narrow screens show the form alone first: open the demo accounts.
        const demo = page.getByRole('button', { name: /\([\d٠-٩]+\)$/ });
        if ((await demo.getAttribute('aria-expanded')) === 'false') await demo.click();
        await page.getByRole('button', { name: /^border\.official/ }).click();
        await page.locator('input[type=password]').fill('kivuko-demo');
        await page.getByRole('button', { name: signIn }).click();
        await expect(page.getByRole('heading', { name: home, level: 1 })).toBeVisible();
        await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
        await shot(page, `home-${locale}-${width}-${scheme}`);
      });
    }
  }
}

// A role without access to cases: the account and the referral network.
for (const [locale, width, heading] of [
  ['en', 1280, 'My account'],
  ['ar', 360, 'حسابي'],
] as const) {
  test(`monitor ${locale} ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 860 });
    await page.addInitScript((chosen) => window.localStorage.setItem('kivuko.locale', chosen), locale);
    await page.goto('/sign-in');
    const demo = page.getByRole('button', { name: /\([\d٠-٩]+\)$/ });
    if ((await demo.getAttribute('aria-expanded')) === 'false') await demo.click();
    await page.getByRole('button', { name: /^monitor/ }).click();
    await page.locator('input[type=password]').fill('kivuko-demo');
    await page.locator('button[type=submit]').click();
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
    await shot(page, `home-monitor-${locale}-${width}-light`);
  });
}

// The idle sign-out warning (timings shortened through the test hook).
for (const [locale, width, scheme] of [
  ['en', 360, 'light'],
  ['ar', 1280, 'dark'],
] as const) {
  test(`idle warning ${locale} ${width}px ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height: 780 });
    await page.addInitScript((chosen) => {
      window.localStorage.setItem('kivuko.locale', chosen);
      window.kivukoIdleTimings = { idleMs: 1000, warnMs: 60_000 };
    }, locale);
    await page.goto('/sign-in');
    await page.locator('input[name=username]').fill('border.official');
    await page.locator('input[type=password]').fill('kivuko-demo');
    await page.locator('button[type=submit]').click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await shot(page, `idle-warning-${locale}-${width}-${scheme}`);
  });
}
