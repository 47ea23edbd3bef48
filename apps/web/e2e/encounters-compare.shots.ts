import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EncounterPair, encounterPair, SUPERVISOR_PASSWORD } from './encounter-pair';

/**
 * Screenshots for review: a possible encounter across two border points as the airport's supervisor compares it
 * (the earlier record outside their border points), and the monitor's period typed in the shared date field, in
 * English and Arabic at 360 px and 1280 px. Written to KIVUKO_SHOTS_DIR (default tmp/web-shots).
 */
const OUT = resolve(process.env.KIVUKO_SHOTS_DIR ?? 'tmp/web-shots');

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  // A phone's first screen alone too (the header, the first card), at a size that can be read.
  if (page.viewportSize()!.width < 600) await page.screenshot({ path: join(OUT, `${name}-top.png`) });
}

let pair: Promise<EncounterPair> | undefined;
const thePair = (request: APIRequestContext) => (pair ??= encounterPair(request));

async function signIn(page: Page, username: string, password: string, locale: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: width < 600 ? 780 : 860 });
  await page.addInitScript((chosen) => window.localStorage.setItem('kivuko.locale', chosen), locale);
  await page.goto('/sign-in');
  await page.locator('input[autocomplete=username]').fill(username);
  await page.locator('input[type=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await expect(page.locator('main h1')).toBeVisible();
}

for (const locale of ['en', 'ar'] as const) {
  for (const width of [360, 1280] as const) {
    test(`encounter comparison ${locale} ${width}px`, async ({ page, request }) => {
      const { supervisor, earlierCase } = await thePair(request);
      await signIn(page, supervisor, SUPERVISOR_PASSWORD, locale, width);
      await page.locator('nav a[href="/encounters"]').first().click();
      await expect(page.locator('main article table').filter({ hasText: earlierCase.caseNumber })).toBeVisible();
      await shot(page, `encounters-compare-${locale}-${width}`);
    });

    test(`monitor period ${locale} ${width}px`, async ({ page }) => {
      await signIn(page, 'monitor', 'kivuko-demo', locale, width);
      await page.locator('nav a[href="/monitor"]').first().click();
      const from = page.locator('#monitor-from [role=spinbutton]').first();
      await from.click();
      // Day, month, year: both languages' order (the 1st of December 2026).
      await page.keyboard.type('01122026');
      await shot(page, `monitor-dates-${locale}-${width}`);
    });
  }
}
